"""Unit-level diff: pairing, reading order, moves, renumbering, context and the change summary."""

from __future__ import annotations

from hypothesis import given, settings

from spectool.diff.blocks import align, diff_blocks
from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.diff.model import Change, Elision, ParagraphDiff, Presence, Side, TableDiff
from spectool.diff.page import Paragraph, spec_page
from spectool.diff.plain import ELISION_TEXT, page_lines, redline_lines
from spectool.diff.summary import summarise
from spectool.model.document import Spec
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec
from tests.redline.strategies import spec_pairs

HEADER = (
    "---\nspec: SMETS2\nversion: {version}\ntitle: Smart Metering Equipment Technical Specifications\n---\n"
)


def spec(body: str, version: str = "4.2") -> Spec:
    return parse_spec(HEADER.format(version=version) + body)


OLD = spec(
    "# 5 ESME\n## 5.1 Power\n"
    "5.1.1 ESME shall supply power to the Communications Hub.\n"
    "5.1.2 ESME shall record a Power Outage Event.\n"
    "5.1.3 ESME shall keep its clock running.\n"
    "## 5.2 Firmware\n"
    "5.2.1 ESME shall verify a Firmware Image before it is activated.\n"
)


def changes(old: Spec, new: Spec) -> list[tuple[str, str, str]]:
    return [
        (u.change.value, u.old_label, u.new_label)
        for u in diff_specs(old, new).diffs()
        if u.change is not Change.KEPT
    ]


@settings(max_examples=100, deadline=None)
@given(spec_pairs())
def test_each_side_of_the_diff_is_that_version(pair: tuple[Spec, Spec]) -> None:
    old, new = pair
    redline = diff_specs(old, new)
    assert redline_lines(redline, Side.OLD) == page_lines(spec_page(old))
    assert redline_lines(redline, Side.NEW) == page_lines(spec_page(new))


def test_inserting_a_clause_renumbers_the_ones_after_it_in_place() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall supply power to the Communications Hub.\n"
        "5.1.2 ESME shall ride through a short loss of power.\n"
        "5.1.3 ESME shall record a Power Outage Event.\n"
        "5.1.4 ESME shall keep its clock running.\n"
        "## 5.2 Firmware\n"
        "5.2.1 ESME shall verify a Firmware Image before it is activated.\n",
        "5.0",
    )
    assert changes(OLD, new) == [
        ("inserted", "", "5.1.2"),
        ("renumbered", "5.1.2", "5.1.3"),
        ("renumbered", "5.1.3", "5.1.4"),
    ]
    renumbered = diff_specs(OLD, new).diffs()[4]
    first = renumbered.blocks[0]
    assert isinstance(first, ParagraphDiff)
    assert [(s.op.value, s.text) for s in first.segments][:2] == [("delete", "5.1.2"), ("insert", "5.1.3")]
    assert not renumbered.reworded


def test_a_clause_that_changes_place_is_a_move_with_both_halves_named_alike() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall supply power to the Communications Hub.\n"
        "5.1.2 ESME shall keep its clock running.\n"
        "## 5.2 Firmware\n"
        "5.2.1 ESME shall verify a Firmware Image before it is activated.\n"
        "5.2.2 ESME shall record a Power Outage Event.\n",
        "5.0",
    )
    units = diff_specs(OLD, new).diffs()
    halves = [u for u in units if u.move]
    assert [(u.change, u.old_label, u.new_label) for u in halves] == [
        (Change.MOVED_FROM, "5.1.2", "5.2.2"),
        (Change.MOVED_TO, "5.1.2", "5.2.2"),
    ]
    assert halves[0].move == halves[1].move
    assert summarise(diff_specs(OLD, new)).counts["moved"] == 1


def test_a_renumbered_section_keeps_its_heading_paired_by_title() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall supply power to the Communications Hub.\n"
        "5.1.2 ESME shall record a Power Outage Event.\n"
        "5.1.3 ESME shall keep its clock running.\n"
        "## 5.2 Export metering\n5.2.1 ESME shall measure export.\n"
        "## 5.3 Firmware\n"
        "5.3.1 ESME shall verify a Firmware Image before it is activated.\n",
        "5.0",
    )
    assert changes(OLD, new) == [
        ("inserted", "", "Section 5.2"),
        ("inserted", "", "5.2.1"),
        ("renumbered", "Section 5.2", "Section 5.3"),
        ("renumbered", "5.2.1", "5.3.1"),
    ]


def test_a_known_numbering_pairs_clauses_the_text_would_not() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall supply power to the Communications Hub.\n"
        "5.1.2 Completely different words now.\n"
        "5.1.3 ESME shall keep its clock running.\n"
        "## 5.2 Firmware\n"
        "5.2.1 ESME shall verify a Firmware Image before it is activated.\n",
        "5.0",
    )
    assert ("inserted", "", "5.1.2") in changes(OLD, new)
    numbering = {ClauseNumber.parse(n): ClauseNumber.parse(n) for n in ("5.1.1", "5.1.2", "5.1.3", "5.2.1")}
    paired = diff_specs(OLD, new, numbering).diffs()
    assert [u.change for u in paired if u.new_label == "5.1.2"] == [Change.CHANGED]


def test_context_keeps_changed_units_their_neighbours_and_headings() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall supply power to the Communications Hub.\n"
        "5.1.2 ESME shall record a Power Outage Event.\n"
        "5.1.3 ESME shall keep its clock running.\n"
        "## 5.2 Firmware\n"
        "5.2.1 ESME shall verify a Firmware Image before it is activated and recorded.\n",
        "5.0",
    )
    redline = diff_specs(OLD, new)
    nothing_around = with_context(redline, 0)
    labels = [u.new_label if not isinstance(u, Elision) else "..." for u in nothing_around.units]
    assert labels == ["Section 5", "...", "Section 5.2", "5.2.1"]
    assert redline_lines(nothing_around, Side.NEW)[1] == ELISION_TEXT
    one_around = with_context(redline, 1)
    labels = [u.new_label if not isinstance(u, Elision) else "..." for u in one_around.units]
    assert labels == ["Section 5", "Section 5.1", "...", "5.1.3", "Section 5.2", "5.2.1"]
    assert with_context(redline, None).units == tuple(redline.diffs())


def test_summary_collapses_runs_of_renumbered_clauses() -> None:
    new = spec(
        "# 5 ESME\n## 5.1 Power\n"
        "5.1.1 ESME shall ride through a short loss of power.\n"
        "5.1.2 ESME shall supply power to the Communications Hub.\n"
        "5.1.3 ESME shall record a Power Outage Event.\n"
        "5.1.4 ESME shall keep its clock running.\n"
        "## 5.2 Firmware\n"
        "5.2.1 ESME shall verify a Firmware Image before it is activated.\n",
        "5.0",
    )
    summary = summarise(diff_specs(OLD, new))
    assert [(r.change, r.old, r.new, r.count) for r in summary.rows] == [
        ("inserted", "", "5.1.1", 1),
        ("renumbered", "5.1.1 to 5.1.3", "5.1.2 to 5.1.4", 3),
    ]
    assert summary.line() == "0 changed, 1 inserted, 0 deleted, 0 moved, 3 renumbered"


def test_relettered_sub_items_pair_by_their_words() -> None:
    old = [
        Paragraph("SubItem1", "(a) during an upgrade", "(a)"),
        Paragraph("SubItem1", "(b) otherwise", "(b)"),
    ]
    new = [
        Paragraph("SubItem1", "(a) during an upgrade", "(a)"),
        Paragraph("SubItem1", "(b) during a reboot", "(b)"),
        Paragraph("SubItem1", "(c) otherwise", "(c)"),
    ]
    diffs = diff_blocks(old, new)
    assert [d.presence for d in diffs] == [Presence.BOTH, Presence.NEW, Presence.BOTH]
    last = diffs[2]
    assert isinstance(last, ParagraphDiff)
    assert [(s.op.value, s.text) for s in last.segments] == [
        ("equal", "("),
        ("delete", "b"),
        ("insert", "c"),
        ("equal", ") otherwise"),
    ]


def test_tables_diff_row_by_row_and_whole_when_columns_change() -> None:
    head = "# 5 ESME\n5.1 Alerts:\nTable: Alerts\n"
    old = spec_page(spec(head + "| Code | Name |\n| --- | --- |\n| AD1 | Outage |\nEnd Table\n"))
    new = spec_page(
        spec(head + "| Code | Name |\n| --- | --- |\n| AD1 | Outage |\n| AD2 | Restored |\nEnd Table\n")
    )
    wide = spec_page(
        spec(head + "| Code | Name | Severity |\n| --- | --- | --- |\n| AD1 | Outage | high |\nEnd Table\n")
    )
    rows = diff_blocks(old.units[1].blocks, new.units[1].blocks)
    table = rows[-1]
    assert isinstance(table, TableDiff)
    assert [row.presence for row in table.rows] == [Presence.BOTH, Presence.BOTH, Presence.NEW]
    replaced = diff_blocks(old.units[1].blocks, wide.units[1].blocks)
    assert [(type(b).__name__, b.presence) for b in replaced[-2:]] == [
        ("TableDiff", Presence.OLD),
        ("TableDiff", Presence.NEW),
    ]


def test_align_pairs_identical_items_then_similar_ones_in_order() -> None:
    pairs = align(["alpha", "beta", "gamma"], ["alpha", "betas", "delta", "gamma"], str, str)
    assert pairs == [("alpha", "alpha"), ("beta", "betas"), (None, "delta"), ("gamma", "gamma")]


def test_a_glossary_in_context_shows_only_changed_definitions_and_their_neighbours() -> None:
    terms = ["Alert", "Consumer", "Device", "Event", "Hot Shoe", "Load Switch"]
    body = "# 2 Glossary\n" + "".join(f'"{term}" means the {term.lower()}.\n' for term in terms)
    new_body = body.replace("means the event.", "means the recorded event.")
    shown = with_context(diff_specs(spec(body), spec(new_body, "5.0")), 1)
    glossary = next(u for u in shown.diffs() if u.kind.value == "glossary")
    table = glossary.blocks[0]
    assert isinstance(table, TableDiff)
    first_cells = [row.cells[0].blocks[0] for row in table.rows]
    assert [p.text(Side.NEW) for p in first_cells if isinstance(p, ParagraphDiff)] == [
        "Term",
        ELISION_TEXT,
        "Device",
        "Event",
        "Hot Shoe",
        ELISION_TEXT,
    ]
