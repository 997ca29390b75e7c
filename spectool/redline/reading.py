"""A redline prepared for reviewers' formats (HTML, Markdown): each paragraph as runs of unchanged,
inserted and deleted text, moved halves showing only their own version."""

from __future__ import annotations

from dataclasses import dataclass

from spectool.diff.model import BlockDiff, Elision, Op, ParagraphDiff, Presence, Redline, Side, UnitDiff
from spectool.diff.plain import ELISION_TEXT


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


_CHANGE = {Presence.BOTH: "", Presence.NEW: "insert", Presence.OLD: "delete"}


def reading_units(redline: Redline) -> list[UnitReading]:
    out: list[UnitReading] = []
    for unit in redline.units:
        if isinstance(unit, Elision):
            line = LineView(False, "Elision", (TextRun("equal", ELISION_TEXT),), "", 0)
            out.append(UnitReading("elision", "kept", (line,), "", ""))
            continue
        blocks = tuple(view for block in unit.blocks if (view := _block(block, unit)) is not None)
        out.append(
            UnitReading(
                unit.kind.value, unit.change.value, blocks, unit.new_label or unit.old_label, unit.move
            )
        )
    return out


def _block(block: BlockDiff, unit: UnitDiff) -> LineView | TableReading | None:
    side = unit.side
    if side is not None and not block.presence.on(side):
        return None
    if isinstance(block, ParagraphDiff):
        return _line(block, side)
    rows = []
    for row in block.rows:
        if side is not None and not row.presence.on(side):
            continue
        change = _CHANGE[row.presence] if side is None else _side_change(side)
        cells = tuple(
            tuple(view for b in cell.blocks if (view := _block(b, unit)) is not None) for cell in row.cells
        )
        rows.append(RowReading(row.header, change, cells))
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
