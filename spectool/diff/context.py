"""Show only what changed, with a few units of context and "..." for what is left out."""

from __future__ import annotations

from bisect import bisect_left

from spectool.diff.model import Change, Elision, Redline, UnitDiff
from spectool.diff.page import UnitKind


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
        out.append(unit)
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
