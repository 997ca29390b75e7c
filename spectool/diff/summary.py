"""The change summary of a redline: one row per changed clause, definition, section or table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spectool.diff.model import Change, Elision, Presence, Redline, TableDiff, UnitDiff
from spectool.diff.page import UnitKind

# The order of the counts in the summary line.
COUNTED = ("changed", "inserted", "deleted", "moved", "renumbered")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    change: str  # "changed", "inserted", "deleted", "moved", "renumbered"
    what: str  # "Clause", "Definition", "Section", "Note", "Table"
    old: str  # the old number or term; "" when inserted
    new: str  # the new number or term; "" when deleted
    detail: str = ""  # "reworded too"
    count: int = 1  # a run of clauses renumbered alike is one row: "5.4.4.1 to 5.4.4.6"
    anchor: str = ""  # where the change stands in the redline (its first one, for a run)


@dataclass(frozen=True, slots=True)
class Summary:
    rows: tuple[SummaryRow, ...]

    @property
    def counts(self) -> dict[str, int]:
        counted: Counter[str] = Counter()
        for row in self.rows:
            counted[row.change] += row.count
        return {change: counted.get(change, 0) for change in COUNTED}

    def line(self) -> str:
        """ "3 changed, 1 inserted, 0 deleted, 1 moved, 0 renumbered"."""
        return ", ".join(f"{count} {change}" for change, count in self.counts.items())


def change_anchor(unit: int, block: int | None = None, row: int | None = None) -> str:
    """The bookmark (or HTML id) of a change: unit `unit` of the redline's units, or one row of a
    table in it. Word bookmark names hold letters, digits and underscores, 40 at most."""
    if block is None or row is None:
        return f"Change_{unit}"
    return f"Change_{unit}_{block}_{row}"


def summarise(redline: Redline) -> Summary:
    rows: list[SummaryRow] = []
    for index, unit in enumerate(redline.units):
        if isinstance(unit, Elision):
            continue
        if unit.kind is UnitKind.GLOSSARY:
            rows.extend(_glossary_rows(unit, index))
        elif unit.change is not Change.KEPT and unit.change is not Change.MOVED_FROM:
            rows.append(_unit_row(unit, index))
    return Summary(tuple(_runs(rows)))


_RUNS = ("renumbered", "inserted", "deleted")


def _runs(rows: list[SummaryRow]) -> list[SummaryRow]:
    """Consecutive clauses that were only renumbered (or inserted, or deleted) make one row."""
    out: list[SummaryRow] = []
    first: SummaryRow | None = None
    for row in rows:
        previous = out[-1] if out else None
        if (
            previous is not None
            and first is not None
            and row.change == previous.change
            and row.change in _RUNS
            and row.what == previous.what == "Clause"
            and not row.detail
            and not previous.detail
        ):
            count = previous.count + 1
            old = f"{first.old} to {row.old}" if row.old else ""
            new = f"{first.new} to {row.new}" if row.new else ""
            out[-1] = SummaryRow(row.change, "Clause", old, new, "", count, first.anchor)
            continue
        first = row
        out.append(row)
    return out


_WHAT = {
    UnitKind.HEADING: "Section",
    UnitKind.CLAUSE: "Clause",
    UnitKind.NOTE: "Note",
    UnitKind.TABLE: "Table",
    UnitKind.GLOSSARY: "Glossary",
    UnitKind.FREE: "Text",
    UnitKind.CONTENTS: "Contents",
    UnitKind.PICTURE: "Picture",
}


def _unit_row(unit: UnitDiff, index: int) -> SummaryRow:
    change = {Change.MOVED_TO: "moved"}.get(unit.change, unit.change.value)
    detail = "reworded too" if unit.reworded and unit.change in (Change.MOVED_TO, Change.RENUMBERED) else ""
    old = unit.old_label.removeprefix("Section ")
    new = unit.new_label.removeprefix("Section ")
    return SummaryRow(change, _WHAT[unit.kind], old, new, detail, anchor=change_anchor(index))


def _glossary_rows(unit: UnitDiff, index: int) -> list[SummaryRow]:
    rows: list[SummaryRow] = []
    for block_index, block in enumerate(unit.blocks):
        if not isinstance(block, TableDiff):
            continue
        for row_index, row in enumerate(block.rows):
            if row.header or not row.changed:
                continue
            anchor = change_anchor(index, block_index, row_index)
            if row.presence is Presence.NEW:
                rows.append(SummaryRow("inserted", "Definition", "", row.label, anchor=anchor))
            elif row.presence is Presence.OLD:
                rows.append(SummaryRow("deleted", "Definition", row.label, "", anchor=anchor))
            else:
                rows.append(SummaryRow("changed", "Definition", row.label, row.label, anchor=anchor))
    return rows
