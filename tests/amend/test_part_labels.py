"""Issue 18, leftover 4: every message about a part of a compound instruction names the part, "1(b)",
in check (XVER001), mirror's notes, the redline's comments and apply's warnings alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.reader import parse_amendment
from spectool.errors import InputError
from spectool.redline.rationale import rationale_text
from tests.amend.helpers import PREAMBLE, amendment, smets2
from tests.amend.redlining import check_findings

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
COMPOUND = HEAD + (
    '1. In clause 5.5.4\u2014 (a) for "is removed from" substitute "is taken out of"; (b) after\n'
    '   "record an Event" insert "within one second".\n'
)


def cover(clauses: str) -> str:
    return PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", f"Clauses affected: {clauses}"
    )


def test_check_names_each_part_left_out_of_the_other_version(tmp_path: Path) -> None:
    found = check_findings(tmp_path, cover("SMETS2 4.2: 5.5.4") + "\n" + COMPOUND)
    assert [finding.split(" XVER001 ", 1)[1][:58] for finding in found] == [
        "instruction 1(a) changes SMETS2 4.2 clause 5.5.4, but SMET",
        "instruction 1(b) changes SMETS2 4.2 clause 5.5.4, but SMET",
    ]


def test_the_redline_comment_names_the_part_and_reads_as_its_edit() -> None:
    draft = amendment(COMPOUND)
    assert [rationale_text(draft, instruction) for instruction in draft.targets[0].instructions] == [
        'MP102A instruction 1(a) (SMETS2 4.2): In clause 5.5.4, for "is removed from" substitute '
        '"is taken out of".',
        'MP102A instruction 1(b) (SMETS2 4.2): In clause 5.5.4, after "record an Event" insert '
        '"within one second".',
    ]


def test_mirror_notes_name_the_part_they_are_about() -> None:
    body = HEAD + (
        '1. In clause 5.5.3\u2014 (a) for "powered in" substitute "powered during"; (b) for "Comms Hub"\n'
        '   substitute "Communications Hub".\n'
    )
    mirror = mirror_amendment(amendment(body), smets2(), smets2("5.0"))
    assert [source.label for source, _ in mirror.notes] == ["1(b)"]
    assert "// SMETS2@4.2 instruction 1(b): does not apply to SMETS2@5.0 clause 5.6.4" in mirror.render()


def test_apply_names_the_part_that_wrote_the_words_and_the_part_clauses_affected_missed() -> None:
    with pytest.raises(InputError) as caught:
        apply_target(
            amendment(
                HEAD
                + '1. In clause 5.5.4\u2014 (a) for "is removed from" substitute "is taken out of";\n'
                + "   (b) omit\n"
                + '   "removed".\n'
            ),
            KEY,
            smets2(),
        )
    assert [problem.message for problem in caught.value.problems] == [
        'instruction 1(b) does not apply to SMETS2@4.2 clause 5.5.4: "removed" does not occur: '
        "instruction 1(a) changed those words before it"
    ]
    applied = apply_target(
        parse_amendment(cover("SMETS2 4.2: 5.5.3") + "\n" + COMPOUND, "x.amend"), KEY, smets2()
    )
    assert (
        "warning: 'Clauses affected' does not match the instructions: it leaves out SMETS2 4.2 clause 5.5.4 "
        "(instruction 1(a))"
    ) in [warning.message for warning in applied.warnings]
