"""Redlines for reviewers reading a pull request: self-contained HTML, and Markdown for a comment."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spectool.diff.model import Redline
from spectool.diff.summary import Summary
from spectool.redline.cover import CoverView, cover_view, summary_view
from spectool.redline.rationale import Rationale
from spectool.redline.reading import TableReading, UnitReading, reading_units
from spectool.redline.templates import render, template_environment


@dataclass(frozen=True, slots=True)
class Step:
    """Where "previous" and "next" lead from one change, in the order the list of changes gives."""

    previous: str
    next: str
    number: int  # 1-based
    total: int


def steps(summary: Summary | None) -> dict[str, Step]:
    """Each change's neighbours: the anchors of the summary's rows, in order."""
    order = [row.anchor for row in summary.rows if row.anchor] if summary is not None else []
    return {
        anchor: Step(
            order[index - 1] if index else "",
            order[index + 1] if index + 1 < len(order) else "",
            index + 1,
            len(order),
        )
        for index, anchor in enumerate(order)
    }


def redline_html(
    redline: Redline,
    cover: CoverView,
    *,
    summary: bool = True,
    template_dir: Path | None = None,
    notes: Sequence[Rationale] = (),
) -> str:
    """A self-contained page: a list of the changes, each change with an id, previous and next links
    and its notes beside it."""
    environment = template_environment(template_dir)
    shown = summary_view(redline) if summary else None
    return render(
        environment,
        "redline.html.j2",
        cover=cover,
        summary=shown,
        units=reading_units(redline, notes),
        steps=steps(shown),
    )


# GitHub refuses a comment (issue, pull request) longer than this many characters.
COMMENT_LIMIT = 65_536


def redline_markdown(
    redline: Redline,
    cover: CoverView,
    *,
    summary: bool = True,
    template_dir: Path | None = None,
    notes: Sequence[Rationale] = (),
    limit: int | None = COMMENT_LIMIT,
) -> str:
    """Markdown for a pull-request comment, at most `limit` characters: what does not fit is left
    out from the end, and a last line says how much (None: no limit)."""
    environment = template_environment(template_dir)
    shown = summary_view(redline) if summary else None
    units = reading_units(redline, notes)

    def text(kept: int, rows: int | None = None, cut: str = "") -> str:
        listed = shown if shown is None or rows is None else replace(shown, rows=shown.rows[:rows])
        out = render(environment, "redline.md.j2", cover=cover, summary=listed, units=units[:kept], cut=cut)
        return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"

    whole = text(len(units))
    if limit is None or len(whole) <= limit:
        return whole
    changes = sum(_changes(unit) for unit in units)
    kept = _most(len(units), lambda k: len(text(k, cut=_cut_line(units, k, changes, limit))) <= limit)
    if kept > 0 or shown is None:
        return _fitted(text(kept, cut=_cut_line(units, kept, changes, limit)), limit)
    rows = len(shown.rows)
    listed = _most(rows, lambda r: len(text(0, r, _cut_line(units, 0, changes, limit, rows - r))) <= limit)
    return _fitted(text(0, listed, _cut_line(units, 0, changes, limit, rows - listed)), limit)


def _changes(unit: UnitReading) -> int:
    rows = sum(
        1 for block in unit.blocks if isinstance(block, TableReading) for row in block.rows if row.anchor
    )
    return rows + (1 if unit.anchor else 0)


def _cut_line(units: list[UnitReading], kept: int, changes: int, limit: int, rows_cut: int = 0) -> str:
    left_out = sum(_changes(unit) for unit in units[kept:])
    line = (
        f"Cut to fit a {limit:,}-character comment: the last {len(units) - kept} of "
        f"{len(units)} parts of the text are left out, with {left_out} of the {changes} changes"
    )
    if rows_cut:
        line += f", and the last {rows_cut} rows of the summary"
    return line + ". The HTML and Word redlines hold everything."


def _most(count: int, fits: Callable[[int], bool]) -> int:
    """The largest n in 0..count for which fits(n) holds, fits being monotone (0 if none does)."""
    low, high = 0, count
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _fitted(text: str, limit: int) -> str:
    """The last resort, when even the cover is too long: cut the text itself at the limit."""
    return text if len(text) <= limit else text[: limit - 2].rstrip() + "\n"


__all__ = ["COMMENT_LIMIT", "cover_view", "redline_html", "redline_markdown"]
