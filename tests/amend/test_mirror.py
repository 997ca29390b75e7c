"""Mirroring: an amendment's instructions for one version, proposed for another through the alignment."""

from __future__ import annotations

from dataclasses import replace

from click.testing import CliRunner

from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText, Instruction
from spectool.amend.reader import parse_amendment, read_amendment
from spectool.cli import main
from tests.amend.helpers import AMENDMENTS, ROOT, bundled


def mirrored(name: str):  # type: ignore[no-untyped-def]
    corpus = bundled()
    return mirror_amendment(
        read_amendment(AMENDMENTS / name), corpus.require("SMETS2@4.2"), corpus.require("SMETS2@5.0")
    )


def v50_half() -> list[Instruction]:
    return read_amendment(AMENDMENTS / "MP102A.amend").instructions_for("SMETS2@5.0")


def test_mp102a_4_2_half_mirrors_to_its_5_0_half() -> None:
    mirror = mirrored("MP102A.amend")
    clean = [entry.proposed for entry in mirror.entries if not entry.notes]
    assert [instruction.operation for instruction in clean] == [i.operation for i in v50_half()]


def test_each_proposal_keeps_the_reason_of_the_instruction_it_mirrors() -> None:
    mirror = mirrored("MP102A.amend")
    reasoned = [entry for entry in mirror.entries if entry.source.reason and entry.proposed is not None]
    assert reasoned
    assert all(entry.proposed.reason == entry.source.reason for entry in reasoned)


def test_what_does_not_carry_over_is_noted_for_the_drafter() -> None:
    mirror = mirrored("MP102A.amend")
    notes = [(source.number, note) for source, note in mirror.notes]
    assert notes == [
        (2, 'does not apply to SMETS2@5.0 clause 5.4.6.4: "firmware update" does not occur'),
        (4, 'does not apply to SMETS2@5.0 clause 5.6.4: "Comms Hub" does not occur'),
    ]


def test_the_consultation_mirror_reproduces_the_corresponding_5_0_instructions() -> None:
    """Renumbered as 5.0 renumbered (5.4.4.5 -> 5.4.5.5, 5.5.3 -> 5.6.4), anchored at the same words;
    only the new words differ, and they differ where the consultation was wrong."""
    mirror = mirrored("MP102A-consultation.amend")
    assert mirror.notes == []
    proposed = [entry.proposed for entry in mirror.entries]
    corrected = {
        (str(i.clause), i.operation.anchor): i for i in v50_half() if isinstance(i.operation, EditText)
    }
    for instruction in proposed:
        assert instruction is not None and isinstance(instruction.operation, EditText)
        match = corrected[(str(instruction.clause), instruction.operation.anchor)]
        assert match.operation == replace(instruction.operation, text=match.operation.text)  # type: ignore[union-attr]
        assert "spurious" in instruction.operation.text or "mains power failure" in instruction.operation.text
    assert [str(i.clause) for i in proposed if i is not None] == ["5.4.5.5", "5.6.4"]


def test_the_proposal_reads_as_an_amendment_ready_to_paste() -> None:
    mirror = mirrored("MP102A.amend")
    text = mirror.render()
    assert text.startswith("Amendments to SMETS2 5.0\n\n1. In clause 5.4.5.5, for ")
    assert "// SMETS2@4.2 instruction 4: does not apply to SMETS2@5.0 clause 5.6.4" in text
    preamble = (AMENDMENTS / "MP102A.amend").read_text(encoding="utf-8").split("\nAmendments to")[0]
    pasted = parse_amendment(preamble.replace("SMETS2 4.2, 5.0; CHTS 1.5", "SMETS2 5.0") + "\n" + text)
    assert [i.number for i in pasted.targets[0].instructions] == [1, 2, 3, 4, 5, 6]


def test_references_in_new_text_follow_the_alignment() -> None:
    corpus = bundled()
    text = (AMENDMENTS / "MP102A-consultation.amend").read_text(encoding="utf-8")
    text = text.split("\nAmendments to")[0] + (
        "\nAmendments to SMETS2 4.2\n\n1. After clause 5.6.4 insert:\n"
        "    5.6.5 Polyphase ESME shall meet clause 5.5.3 and Section 5.4.4 on every phase.\n"
    )
    mirror = mirror_amendment(
        parse_amendment(text), corpus.require("SMETS2@4.2"), corpus.require("SMETS2@5.0")
    )
    (entry,) = mirror.entries
    assert entry.proposed is not None
    new = entry.proposed.operation.clauses[0]  # type: ignore[union-attr]
    assert str(new.number) == "5.7.5"
    assert new.text.value == "Polyphase ESME shall meet clause 5.6.4 and Section 5.4.5 on every phase."


def test_the_mirror_command_prints_the_proposal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["mirror", "amendments/MP102A-consultation.amend", "--from", "SMETS2@4.2", "--to", "SMETS2@5.0"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Amendments to SMETS2 5.0\n\n1. In clause 5.4.5.5, for")


def test_the_mirror_command_refuses_a_version_the_amendment_does_not_amend(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["mirror", "amendments/MP102A-consultation.amend", "--from", "SMETS2@5.0", "--to", "SMETS2@4.2"]
    )
    assert result.exit_code == 2
    assert "does not amend SMETS2@5.0" in result.stderr
    assert "Traceback" not in result.stderr
