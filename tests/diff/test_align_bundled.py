"""Alignment of the bundled SMETS2 4.2 and 5.0 against the known answer in specs/README.md."""

from __future__ import annotations

from spectool.amend.mirror import clause_map
from spectool.diff.align import Alignment, PairKind, align_specs
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import ROOT, bundled


def readme_table(heading: str) -> list[tuple[str, str]]:
    """The first two cells of each row of the table under `heading` in specs/README.md."""
    text = (ROOT / "specs" / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n### ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    rows = []
    for line in lines[2:]:  # below the header row and the |---| row
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((cells[0], cells[1]))
    return rows


def alignment() -> Alignment:
    corpus = bundled()
    return align_specs(corpus.require("SMETS2@4.2"), corpus.require("SMETS2@5.0"))


def test_every_renumbered_clause_in_the_readme_is_paired_with_its_new_number() -> None:
    renumbered = readme_table("### Clauses renumbered")
    assert len(renumbered) == 30
    found = alignment()
    for old, new in renumbered:
        pair = found.for_old(ClauseNumber.parse(old))
        assert pair is not None and pair.new is not None, old
        assert (old, str(pair.new.number), pair.kind) == (old, new, PairKind.RENUMBERED)


def test_nothing_else_is_taken_for_renumbered() -> None:
    renumbered = {old for old, _ in readme_table("### Clauses renumbered")}
    found = {str(pair.old.number) for pair in alignment().of_kind(PairKind.RENUMBERED) if pair.old}
    assert found == renumbered


def test_new_and_removed_clauses_are_left_unpaired() -> None:
    found = alignment()
    added = {str(pair.new.number) for pair in found.of_kind(PairKind.ADDED) if pair.new}
    removed = {str(pair.old.number) for pair in found.of_kind(PairKind.REMOVED) if pair.old}
    readme_new = {new for new, _ in readme_table("### New clauses in 5.0")}
    # 5.3.6 of 5.0 ("Not used.") takes the place of the removed optical port clause.
    assert added == readme_new | {"5.3.6"}
    assert removed == {old for old, _ in readme_table("### Removed clauses")}


def test_numbers_that_now_hold_another_clause_are_not_paired_by_number() -> None:
    found = alignment()
    for number, _ in readme_table("### Numbers that now hold a different clause"):
        pair = found.for_old(ClauseNumber.parse(number))
        assert pair is None or pair.new is None or str(pair.new.number) != number, number


def test_sections_follow_their_clauses() -> None:
    corpus = bundled()
    mapping = clause_map(corpus.require("SMETS2@4.2"), corpus.require("SMETS2@5.0"))
    sections = {
        old: str(mapping.numbers[ClauseNumber.parse(old)])
        for old, _ in readme_table("### Sections renumbered")
    }
    assert sections == dict(readme_table("### Sections renumbered"))
