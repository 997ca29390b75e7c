"""A redline prepared for reviewers' formats (HTML, Markdown): each paragraph as runs of unchanged,
inserted and deleted text, moved halves showing only their own version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spectool.diff.model import (
    BlockDiff,
    Change,
    Elision,
    Op,
    ParagraphDiff,
    Presence,
    Redline,
    Side,
    UnitDiff,
)
from spectool.diff.page import UnitKind
from spectool.diff.plain import ELISION_TEXT
from spectool.diff.summary import change_anchor
from spectool.redline.rationale import Rationale


@dataclass(frozen=True, slots=True)
class TextRun:
    op: str  # "equal", "insert" or "delete"
    text: str
    moved: bool = False


@dataclass(frozen=True, slots=True)
class LineView:
    is_table: bool
    style: str
    runs: tuple[TextRun, ...]
    change: str  # "" for a paragraph both versions hold, "insert" or "delete" for a whole one
    heading: int  # 1-9 for a section heading, else 0


@dataclass(frozen=True, slots=True)
class RowReading:
    header: bool
    change: str
    cells: tuple[tuple[LineView | TableReading, ...], ...]
    anchor: str = ""  # the id of a changed definition's row (spectool.diff.summary.change_anchor)
    notes: tuple[str, ...] = ()  # why it changed, one note per instruction


@dataclass(frozen=True, slots=True)
class TableReading:
    is_table: bool
    style: str
    rows: tuple[RowReading, ...]


@dataclass(frozen=True, slots=True)
class UnitReading:
    kind: str
    change: str  # a Change value ("kept" for "...")
    blocks: tuple[LineView | TableReading, ...]
    label: str
    move: str
    anchor: str = ""  # the id of a changed unit, which the summary links to
    notes: tuple[str, ...] = ()  # why it changed, one note per instruction


_CHANGE = {Presence.BOTH: "", Presence.NEW: "insert", Presence.OLD: "delete"}


_Notes = dict[tuple[int, int | None, int | None], tuple[str, ...]]


def reading_units(redline: Redline, notes: Sequence[Rationale] = ()) -> list[UnitReading]:
    """Each unit with its runs; a changed unit (or changed definition) with the id the summary links
    to and the notes on it."""
    by_place: _Notes = {}
    for note in notes:
        by_place[note.place] = (*by_place.get(note.place, ()), note.text)
    out: list[UnitReading] = []
    for index, unit in enumerate(redline.units):
        if isinstance(unit, Elision):
            line = LineView(False, "Elision", (TextRun("equal", ELISION_TEXT),), "", 0)
            out.append(UnitReading("elision", "kept", (line,), "", ""))
            continue
        blocks = tuple(
            view
            for number, block in enumerate(unit.blocks)
            if (view := _block(block, unit, (index, number), by_place)) is not None
        )
        changed = unit.kind is not UnitKind.GLOSSARY and unit.change not in (Change.KEPT, Change.MOVED_FROM)
        out.append(
            UnitReading(
                unit.kind.value,
                unit.change.value,
                blocks,
                unit.new_label or unit.old_label,
                unit.move,
                change_anchor(index) if changed else "",
                by_place.get((index, None, None), ()),
            )
        )
    return out


def _block(
    block: BlockDiff, unit: UnitDiff, where: tuple[int, int] | None = None, notes: _Notes | None = None
) -> LineView | TableReading | None:
    side = unit.side
    if side is not None and not block.presence.on(side):
        return None
    if isinstance(block, ParagraphDiff):
        return _line(block, side)
    rows = []
    for number, row in enumerate(block.rows):
        if side is not None and not row.presence.on(side):
            continue
        change = _CHANGE[row.presence] if side is None else _side_change(side)
        cells = tuple(
            tuple(view for b in cell.blocks if (view := _block(b, unit)) is not None) for cell in row.cells
        )
        anchor = ""
        row_notes: tuple[str, ...] = ()
        if where is not None and unit.kind is UnitKind.GLOSSARY and row.changed and not row.header:
            anchor = change_anchor(*where, number)
            row_notes = (notes or {}).get((*where, number), ())
        rows.append(RowReading(row.header, change, cells, anchor, row_notes))
    return TableReading(True, block.style, tuple(rows)) if rows else None


def _line(paragraph: ParagraphDiff, side: Side | None) -> LineView:
    heading = int(paragraph.style[7:]) if paragraph.style.startswith("Heading") else 0
    if side is None:
        runs = tuple(TextRun(s.op.value, s.text) for s in paragraph.segments if s.text)
        return LineView(False, paragraph.style, runs, _CHANGE[paragraph.presence], heading)
    kept = [s for s in paragraph.segments if s.on(side) and s.text]
    moved_op = _side_change(side)
    runs = tuple(
        TextRun(moved_op if s.op is Op.EQUAL else s.op.value, s.text, s.op is Op.EQUAL) for s in kept
    )
    return LineView(False, paragraph.style, runs, moved_op, heading)


def _side_change(side: Side) -> str:
    return "delete" if side is Side.OLD else "insert"
