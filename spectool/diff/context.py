"""Show only what changed, with a few units of context and "..." for what is left out."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spectool.diff.model import (
    BlockDiff,
    CellDiff,
    Change,
    Elision,
    Op,
    ParagraphDiff,
    Redline,
    RowDiff,
    Segment,
    TableDiff,
    UnitDiff,
)
from spectool.diff.page import UnitKind
from spectool.diff.plain import ELISION_TEXT


def with_context(redline: Redline, context: int | None) -> Redline:
    """Changed units, `context` units either side of each, and the headings above every shown unit;
    each run of left-out units becomes one Elision. None shows everything."""
    units = redline.diffs()
    if context is None:
        return Redline(redline.old, redline.new, tuple(units))
    shown = [False] * len(units)
    # Context is counted in clauses (and other content), not headings: the headings come anyway.
    content = [index for index, unit in enumerate(units) if unit.kind is not UnitKind.HEADING]
    for index, unit in enumerate(units):
        if unit.change is not Change.KEPT:
            shown[index] = True
            at = bisect_left(content, index)
            after = at + 1 if at < len(content) and content[at] == index else at
            for near in content[max(0, at - context) : at] + content[after : after + context]:
                shown[near] = True
    _show_headings(units, shown)
    out: list[UnitDiff | Elision] = []
    left_out = 0
    for unit, show in zip(units, shown, strict=True):
        if not show:
            left_out += 1
            continue
        if left_out:
            out.append(Elision(left_out))
            left_out = 0
        out.append(_glossary_in_context(unit, context) if unit.kind is UnitKind.GLOSSARY else unit)
    if left_out:
        out.append(Elision(left_out))
    return Redline(redline.old, redline.new, tuple(out))


def _show_headings(units: list[UnitDiff], shown: list[bool]) -> None:
    """A shown unit keeps the chain of section headings it stands under, so readers know where it is."""
    chain: list[int] = []  # indices of the headings above the current unit, outermost first
    for index, unit in enumerate(units):
        if unit.kind is UnitKind.HEADING:
            depth = _depth(unit)
            chain = [i for i in chain if _depth(units[i]) < depth]
            chain.append(index)
        if shown[index]:
            for heading in chain:
                shown[heading] = True


def _depth(unit: UnitDiff) -> int:
    label = unit.new_label or unit.old_label
    number = label.removeprefix("Section ").strip()
    return number.count(".") + 1 if number else 1


def _glossary_in_context(unit: UnitDiff, context: int) -> UnitDiff:
    """A glossary shows its header, its changed definitions and `context` either side; a row of
    "..." stands for each run of definitions left out."""
    blocks: list[BlockDiff] = []
    for block in unit.blocks:
        if not isinstance(block, TableDiff):
            blocks.append(block)
            continue
        rows = block.rows
        shown = [row.header for row in rows]
        for index, row in enumerate(rows):
            if row.changed:
                for near in range(max(0, index - context), min(len(rows), index + context + 1)):
                    shown[near] = True
        kept: list[RowDiff] = []
        for index, row in enumerate(rows):
            if shown[index]:
                kept.append(row)
            elif index == 0 or shown[index - 1]:
                kept.append(_elision_row(block.columns))
        blocks.append(replace(block, rows=tuple(kept)))
    return replace(unit, blocks=tuple(blocks))


def _elision_row(columns: int) -> RowDiff:
    first = CellDiff((ParagraphDiff("TableText", (Segment(Op.EQUAL, ELISION_TEXT),)),))
    rest = tuple(CellDiff((ParagraphDiff("TableText", ()),)) for _ in range(columns - 1))
    return RowDiff((first, *rest))
