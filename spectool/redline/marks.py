"""Bookmarks the summary links to, and comments anchored on the changes they explain, placed in the
body views before ids are handed out to revisions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spectool.diff.model import Redline, UnitDiff
from spectool.diff.summary import SummaryRow, change_anchor
from spectool.redline.rationale import Rationale
from spectool.redline.revisions import RevisionIds
from spectool.redline.view import BlockView, Marker, ParagraphView, RowView, TableView

Place = tuple[int, int | None, int | None]  # unit index, and a table's block and row index within it


@dataclass(frozen=True, slots=True)
class CommentView:
    """One Word comment (w:comment in comments.xml), its id shared with its range in the body."""

    id: int
    author: str
    initials: str
    date: str
    text: str


def place_marks(
    redline: Redline,
    units: list[list[BlockView]],
    rows: Sequence[SummaryRow],
    notes: Sequence[Rationale],
    ids: RevisionIds,
) -> list[CommentView]:
    """Bookmark each summary row's change and anchor each note on its change, as a comment; the
    comments, in the order their ranges start."""
    anchors = {row.anchor for row in rows if row.anchor}
    for place in _anchor_places(redline, anchors):
        container = _container(redline, units, place)
        first = _first_paragraph(container) if container is not None else None
        if first is not None:
            number = ids.take()
            first.starts.append(Marker("bookmarkStart", number, change_anchor(*place)))
            first.ends.insert(0, Marker("bookmarkEnd", number))
    comments: list[CommentView] = []
    initials = "".join(word[0] for word in ids.author.split())[:9].upper()
    for note in notes:
        container = _container(redline, units, note.place)
        span = _changed_span(container) if container is not None else None
        if span is None:
            continue
        number = ids.take()
        span[0].starts.append(Marker("commentRangeStart", number))
        span[1].ends.extend((Marker("commentRangeEnd", number), Marker("commentReference", number)))
        comments.append(CommentView(number, ids.author, initials, ids.date, note.text))
    return comments


def _anchor_places(redline: Redline, anchors: set[str]) -> Iterable[Place]:
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff):
            continue
        if change_anchor(index) in anchors:
            yield (index, None, None)
        for block_index, block in enumerate(unit.blocks):
            for row_index in range(len(getattr(block, "rows", ()))):
                if change_anchor(index, block_index, row_index) in anchors:
                    yield (index, block_index, row_index)


def _container(redline: Redline, units: list[list[BlockView]], place: Place) -> list[BlockView] | None:
    """The views of a unit, or the cells of one row of a table in it (as one list)."""
    index, block_index, row_index = place
    views = units[index]
    if block_index is None or row_index is None:
        return views
    unit = redline.units[index]
    # A unit shown with both versions has one view per block and one row view per row.
    if not isinstance(unit, UnitDiff) or unit.side is not None or len(views) != len(unit.blocks):
        return None
    table = views[block_index]
    if not isinstance(table, TableView) or row_index >= len(table.rows):
        return None
    row = table.rows[row_index]
    return _changed_cell(row) or (row.cells[0] if row.cells else None)


def _changed_cell(row: RowView) -> list[BlockView] | None:
    return next((cell for cell in row.cells if _changed_span(cell, fallback=False) is not None), None)


def _first_paragraph(views: list[BlockView]) -> ParagraphView | None:
    for view in views:
        if isinstance(view, ParagraphView):
            return view
        for row in view.rows:
            for cell in row.cells:
                found = _first_paragraph(cell)
                if found is not None:
                    return found
    return None


def _changed(view: ParagraphView) -> bool:
    return bool(view.mark_kind or view.style_before or any(run.kind for run in view.runs))


def _changed_span(
    views: list[BlockView], *, fallback: bool = True
) -> tuple[ParagraphView, ParagraphView] | None:
    """The first and last changed paragraphs of one container (a comment range stays within one);
    failing those, the changed paragraphs of the first changed table cell; failing those, all."""
    paragraphs = [view for view in views if isinstance(view, ParagraphView)]
    changed = [view for view in paragraphs if _changed(view)]
    if changed:
        return changed[0], changed[-1]
    for view in views:
        if isinstance(view, TableView):
            for row in view.rows:
                cell = _changed_cell(row)
                if cell is not None:
                    return _changed_span(cell)
    if fallback and paragraphs:
        return paragraphs[0], paragraphs[-1]
    return None
