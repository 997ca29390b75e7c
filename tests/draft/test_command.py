"""`spectool draft` on the command line: tracked changes or two clean documents, --mirror, the check."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.cli import main
from spectool.draft.instructions import same_paragraph
from spectool.model.document import Spec

from .conftest import ROOT, corpus, exported
from .tracked import TrackedDocument


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def four_edits(tmp_path: Path) -> Path:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("5.4.5.3", "firmware update", "firmware upgrade")
    document.substitute("5.5.1", "at the voltage and current", "at the voltage")
    document.insert_paragraph("5.6.4", "5.6.5 Polyphase ESME shall keep the Communications Hub powered.")
    document.delete_paragraph("5.4.5.5")
    return document.save(tmp_path / "edited.docx")


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def same_text(one: Spec, other: Spec) -> bool:
    pairs = list(zip(one.clauses(), other.clauses(), strict=False))
    return len(pairs) == len(list(other.clauses())) == len(list(one.clauses())) and all(
        a.number == b.number and same_paragraph(a, b) for a, b in pairs
    )


def test_tracked_changes_are_drafted_and_the_draft_is_checked(tmp_path: Path) -> None:
    output = tmp_path / "change.amend"
    code, out, err = run("draft", str(four_edits(tmp_path)), "--target", "SMETS2@4.2", "-o", str(output))
    assert code == 0, err
    assert f"{output}: 4 instructions for SMETS2 4.2" in out
    # The check runs on the draft: an edit only SMETS2 4.2 carries is reported against 5.0.
    assert "XVER001" in out
    amendment = read_amendment(output)
    assert [i.number for i in amendment.targets[0].instructions] == [1, 2, 3, 4]


def test_two_clean_documents_give_the_same_amendment(tmp_path: Path) -> None:
    tracked = tmp_path / "tracked.amend"
    compared = tmp_path / "compared.amend"
    edited = four_edits(tmp_path)
    assert run("draft", str(edited), "--target", "SMETS2@4.2", "-o", str(tracked))[0] == 0
    original = tmp_path / "original.docx"
    original.write_bytes(exported("SMETS2@4.2"))
    # A clean edited copy: the tracked document with every change accepted, as Word saves it.
    clean = tmp_path / "clean.docx"
    spec = read_amendment(tracked)
    applied = apply_target(spec, "SMETS2@4.2", corpus().require("SMETS2@4.2")).spec
    from spectool.redline.export import export_docx_bytes

    clean.write_bytes(export_docx_bytes(applied))
    code, _, err = run(
        "draft", str(clean), "--compare", str(original), "--target", "SMETS2@4.2", "-o", str(compared)
    )
    assert code == 0, err
    assert read_amendment(compared).targets == read_amendment(tracked).targets


def test_mirror_carries_the_other_live_version_and_clears_xver001(tmp_path: Path) -> None:
    output = tmp_path / "change.amend"
    code, out, err = run(
        "draft", str(four_edits(tmp_path)), "--target", "SMETS2@4.2", "-o", str(output), "--mirror"
    )
    assert code == 0, err
    amendment = read_amendment(output)
    assert amendment.keys == ["SMETS2@4.2", "SMETS2@5.0"]
    assert amendment.specs_affected == "SMETS2 4.2, 5.0"
    assert "XVER001" not in out
    applied = apply_target(amendment, "SMETS2@5.0", corpus().require("SMETS2@5.0")).spec
    assert applied.clause("5.7.5") is not None


def test_a_base_unlike_the_target_exits_2_naming_the_clause_and_writes_nothing(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@5.0"))
    document.substitute("5.6.4", "through the Communications Hub Interface", "directly")
    output = tmp_path / "change.amend"
    code, _, err = run(
        "draft", str(document.save(tmp_path / "edited.docx")), "--target", "SMETS2@4.2", "-o", str(output)
    )
    assert code == 2
    assert "is not SMETS2@4.2: clause" in err and "Traceback" not in err
    assert not output.exists()


def test_the_mp102a_redline_read_back_applies_as_mp102a(tmp_path: Path) -> None:
    redline = tmp_path / "mp102a.docx"
    code, _, err = run("redline", "amendments/MP102A.amend", "--target", "SMETS2@4.2", "-o", str(redline))
    assert code == 0, err
    output = tmp_path / "drafted.amend"
    code, _, err = run("draft", str(redline), "--target", "SMETS2@4.2", "-o", str(output))
    assert code == 0, err
    base = corpus().require("SMETS2@4.2")
    drafted = apply_target(read_amendment(output), "SMETS2@4.2", base).spec
    expected = apply_target(read_amendment(ROOT / "amendments/MP102A.amend"), "SMETS2@4.2", base).spec
    assert same_text(drafted, expected)
    amendment = read_amendment(output)
    assert (amendment.id, amendment.date) == ("MP102A", "2021-03-01")
    # The redline's comments (the instructions' reasons) come back as reasons.
    assert any("not a defined term" in i.reason for i in amendment.targets[0].instructions)
