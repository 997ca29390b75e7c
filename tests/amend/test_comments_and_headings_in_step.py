"""Issue 18, loose ends: the redline comments every clause an omitted range removes, every heading an
instruction edits and a Note that opens a section, and XVER001 judges heading edits as it judges
clause edits."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import apply_target
from spectool.diff.document import diff_specs
from spectool.diff.model import UnitDiff
from spectool.redline.rationale import rationales
from tests.amend.helpers import PREAMBLE, amendment, smets2
from tests.amend.redlining import check_findings

KEY = "SMETS2@4.2"
BODY = (
    "Amendments to SMETS2 4.2\n\n"
    '1. In the heading to Section 5.6, for "Additional requirements" substitute "Requirements".\n\n'
    "2. Omit clauses 5.7.1 to 5.7.3.\n\n"
    '3. For the heading to Section 5.5 substitute "Communications Hub power supply".\n'
)


def test_each_omitted_clause_of_a_range_and_each_edited_heading_gets_its_instructions_comment() -> None:
    draft = amendment(BODY)
    applied = apply_target(draft, KEY, smets2())
    redline = diff_specs(applied.base, applied.spec, applied.numbering)
    placed = []
    for note in rationales(redline, draft, applied):
        unit = redline.units[note.unit]
        assert isinstance(unit, UnitDiff)
        placed.append((note.instruction, unit.old_label))
    assert sorted(placed) == [
        (1, "Section 5.6"),
        (2, "5.7.1"),
        (2, "5.7.2"),
        (2, "5.7.3"),
        (3, "Section 5.5"),
    ]


def test_a_note_that_opens_a_section_gets_its_instructions_comment() -> None:
    draft = amendment(
        "Amendments to SMETS2 4.2\n\n1. At the start of Section 5.5 insert the following Note:\n"
        "    Note: this Section applies to every variant of ESME.\n"
    )
    applied = apply_target(draft, KEY, smets2())
    redline = diff_specs(applied.base, applied.spec, applied.numbering)
    labels = []
    for note in rationales(redline, draft, applied):
        unit = redline.units[note.unit]
        assert isinstance(unit, UnitDiff)
        labels.append((note.instruction, unit.new_label))
    assert labels == [(1, "Note in Section 5.5")]


def test_xver001_asks_the_other_version_for_the_same_heading(tmp_path: Path) -> None:
    edit = '1. In the heading to Section 5.6, for "Additional requirements" substitute "Requirements".\n'
    whole = '2. For the heading to Section 5.5 substitute "Communications Hub power supply".\n'
    ours = "Amendments to SMETS2 4.2\n\n" + edit + "\n" + whole
    # SMETS2 5.0 numbers 4.2's Section 5.6 as 5.7 and 5.5 as 5.6.
    theirs = "Amendments to SMETS2 5.0\n\n" + edit.replace("5.6", "5.7") + "\n" + whole.replace("5.5", "5.6")
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below\n", "Clauses affected: none\n"
    )
    assert check_findings(tmp_path, both + "\n" + ours + "\n" + theirs) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below\n", "Clauses affected: none\n"
    )
    left_behind = check_findings(tmp_path, alone + "\n" + ours)
    assert [f.split(" XVER001 ")[1].split(",")[0] for f in left_behind] == [
        "instruction 1 changes SMETS2 4.2 the heading to Section 5.6",
        "instruction 2 changes SMETS2 4.2 the heading to Section 5.5",
    ]
    other_words = theirs.replace('"Communications Hub power supply"', '"Power supply"')
    differs = check_findings(tmp_path, both + "\n" + ours + "\n" + other_words)
    assert [f for f in differs if " XVER001 " in f and "the heading to Section 5.5" in f] != []
