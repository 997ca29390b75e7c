"""The body of a redline as views for the WordprocessingML templates: runs with their revision kind,
paragraph marks placed where Word can hold them, and ids handed out in document order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from spectool.diff.model import (
    BlockDiff,
    Elision,
    Op,
    ParagraphDiff,
    Presence,
    Redline,
    Side,
    TableDiff,
    UnitDiff,
)
from spectool.diff.plain import ELISION_TEXT
from spectool.redline.revisions import (
    DELETE,
    INSERT,
    INSERTS,
    MOVE_FROM,
    MOVE_TO,
    REMOVES,
    Revision,
    RevisionIds,
)
from spectool.wordml.pieces import Piece, text_pieces

BODY_BOOKMARK = "_SpectoolBody"  # marks where the body starts, after the cover and the summary
TEXT_WIDTH = 9026  # twips between the margins of an A4 page with 1-inch margins
GLOSSARY_TERM_SHARE = 0.3


@dataclass(slots=True)
class RunView:
    kind: str | None  # None for unchanged text, else INSERT, DELETE, MOVE_FROM, MOVE_TO
    text: str
    revision: Revision | None = None

    @property
    def text_tag(self) -> str:
        return "delText" if self.kind == DELETE else "t"

    @property
    def pieces(self) -> list[Piece]:
        """Text and tabs: a tab is a w:tab element, never a character inside w:t."""
        return text_pieces(self.text)


@dataclass(frozen=True, slots=True)
class Marker:
    """A bookmark or move-range start or end."""

    tag: str
    id: int
    name: str = ""
    author: str = ""
    date: str = ""


@dataclass(slots=True)
class ParagraphView:
    is_table: ClassVar[bool] = False
    style: str
    runs: list[RunView]
    mark_kind: str | None = None  # the revision of the paragraph mark
    unit: int = -1
    mark: Revision | None = None
    style_before: str | None = None  # the style rejecting all revisions restores (w:pPrChange)
    style_change: Revision | None = None
    starts: list[Marker] = field(default_factory=list)
    ends: list[Marker] = field(default_factory=list)


@dataclass(slots=True)
class RowView:
    header: bool
    kind: str | None
    cells: list[list[BlockView]]
    revision: Revision | None = None


@dataclass(slots=True)
class TableView:
    is_table: ClassVar[bool] = True
    style: str
    widths: list[int]
    rows: list[RowView]
    unit: int = -1


BlockView = ParagraphView | TableView

_SEGMENT_KIND: dict[Side | None, dict[Op, str | None]] = {
    None: {Op.EQUAL: None, Op.INSERT: INSERT, Op.DELETE: DELETE},
    Side.OLD: {Op.EQUAL: MOVE_FROM, Op.DELETE: DELETE},
    Side.NEW: {Op.EQUAL: MOVE_TO, Op.INSERT: INSERT},
}
_WHOLE_KIND = {Presence.NEW: INSERT, Presence.OLD: DELETE}
_MOVE_KIND = {Side.OLD: MOVE_FROM, Side.NEW: MOVE_TO}
_PLAIN_KIND = {MOVE_FROM: DELETE, MOVE_TO: INSERT}


def body_views(redline: Redline, ids: RevisionIds) -> list[list[BlockView]]:
    """One list of views per unit (an Elision is a unit of its own), ready for body.xml.j2."""
    units: list[list[BlockView]] = []
    for index, unit in enumerate(redline.units):
        if isinstance(unit, Elision):
            units.append([ParagraphView("Elision", [RunView(None, ELISION_TEXT)], unit=index)])
        else:
            units.append(unit_views(unit, index))
    shift_marks([view for unit_views_ in units for view in unit_views_])
    for index, unit in enumerate(redline.units):
        if isinstance(unit, UnitDiff) and unit.side is not None:
            _add_move_range(units[index], unit, ids)
    first = next((view for views in units for view in views if isinstance(view, ParagraphView)), None)
    if first is not None:
        number = ids.take()
        first.starts.insert(0, Marker("bookmarkStart", number, BODY_BOOKMARK))
        first.ends.append(Marker("bookmarkEnd", number))
    for views in units:
        assign_ids(views, ids)
    return units


def unit_views(unit: UnitDiff, index: int) -> list[BlockView]:
    views: list[BlockView] = []
    for block in unit.blocks:
        view = _block_view(block, unit.side, index)
        if view is not None:
            views.append(view)
    return views


def _block_view(block: BlockDiff, side: Side | None, unit: int) -> BlockView | None:
    if side is not None and not block.presence.on(side):
        return None
    if isinstance(block, ParagraphDiff):
        return _paragraph_view(block, side, unit)
    return _table_view(block, side, unit)


def _paragraph_view(paragraph: ParagraphDiff, side: Side | None, unit: int) -> ParagraphView:
    kinds = _SEGMENT_KIND[side]
    runs = [RunView(kinds[s.op], s.text) for s in paragraph.segments if s.op in kinds and s.text]
    mark: str | None
    if paragraph.presence is not Presence.BOTH:
        mark = _WHOLE_KIND[paragraph.presence]
    else:
        mark = None if side is None else _MOVE_KIND[side]
    return ParagraphView(paragraph.style, runs, mark, unit)


def _table_view(table: TableDiff, side: Side | None, unit: int) -> TableView | None:
    rows: list[RowView] = []
    for row in table.rows:
        if side is not None and not row.presence.on(side):
            continue
        if side is None:
            kind = _WHOLE_KIND.get(row.presence)
            cells = [[v for b in cell.blocks if (v := _block_view(b, None, unit))] for cell in row.cells]
        else:
            # Table content of a moved clause is shown deleted and inserted: move ranges stay in paragraphs.
            kind = _PLAIN_KIND[_MOVE_KIND[side]]
            cells = [_whole_views(cell.blocks, side, kind, unit) for cell in row.cells]
        for cell_views in cells:
            shift_marks(cell_views)
            if not cell_views or isinstance(cell_views[-1], TableView):
                cell_views.append(ParagraphView("TableText", [], None, unit))  # a cell ends with a paragraph
        rows.append(RowView(row.header, kind, cells))
    if not rows:
        return None
    return TableView(table.style, column_widths(table.style, table.columns), rows, unit)


def _whole_views(blocks: tuple[BlockDiff, ...], side: Side, kind: str, unit: int) -> list[BlockView]:
    out: list[BlockView] = []
    for block in blocks:
        if not block.presence.on(side):
            continue
        if isinstance(block, ParagraphDiff):
            text = block.text(side)
            out.append(ParagraphView(block.style, [RunView(kind, text)] if text else [], kind, unit))
        else:
            view = _table_view(block, side, unit)
            if view is not None:
                out.append(view)
    return out


def column_widths(style: str, columns: int) -> list[int]:
    if columns <= 0:
        return []
    if style == "Glossary" and columns == 2:
        term = int(TEXT_WIDTH * GLOSSARY_TERM_SHARE)
        return [term, TEXT_WIDTH - term]
    return [TEXT_WIDTH // columns] * columns


def shift_marks(blocks: list[BlockView]) -> None:
    """Place the marks of runs of wholly inserted or deleted paragraphs where Word and LibreOffice
    read them alike.

    A run normally marks its own paragraphs. It hands each mark back one paragraph (the untracked
    paragraph before it takes the first, the run's last keeps none) when it ends a container or
    meets a table, where no mark can be removed, and when it starts with an insertion: that is how
    Word records typing a new paragraph, and LibreOffice merges an insertion that ends the paragraph
    before with one that starts the next, taking the untracked mark between them along."""
    index = 0
    while index < len(blocks):
        start = index
        while index < len(blocks) and isinstance(view := blocks[index], ParagraphView) and view.mark_kind:
            index += 1
        if index == start:
            index += 1
            continue
        run = [view for view in blocks[start:index] if isinstance(view, ParagraphView)]
        before = blocks[start - 1] if start > 0 else None
        followed = index < len(blocks) and isinstance(blocks[index], ParagraphView)
        if followed and (run[0].mark_kind in REMOVES or not isinstance(before, ParagraphView)):
            continue  # the run merges into the untracked paragraph after it: its own marks are right
        if isinstance(before, ParagraphView):
            _hand_marks_back(before, run)
        run[-1].mark_kind = None


def _hand_marks_back(before: ParagraphView, run: list[ParagraphView]) -> None:
    """Each mark goes one paragraph back; the run's last paragraph, whose mark survives both accepting
    and rejecting, takes the style of the text that ends there after accepting and records the style
    it has after rejecting."""
    chain = [before, *run]
    accepted = next((view for view in reversed(chain) if view.mark_kind not in REMOVES), before)
    rejected = next((view for view in reversed(chain) if view.mark_kind not in INSERTS), before)
    for receiver, giver in zip(chain, run, strict=False):
        kind = giver.mark_kind
        receiver.mark_kind = _PLAIN_KIND.get(kind or "", kind) if receiver.unit != giver.unit else kind
    last = run[-1]
    last.style, last.style_before = accepted.style, rejected.style
    if last.style_before == last.style:
        last.style_before = None


def _add_move_range(views: list[BlockView], unit: UnitDiff, ids: RevisionIds) -> None:
    paragraphs = [view for view in views if isinstance(view, ParagraphView)]
    if not paragraphs:
        return
    tag = "moveFromRange" if unit.side is Side.OLD else "moveToRange"
    number = ids.take()
    paragraphs[0].starts.append(Marker(f"{tag}Start", number, unit.move, ids.author, ids.date))
    paragraphs[-1].ends.append(Marker(f"{tag}End", number))


def assign_ids(views: list[BlockView], ids: RevisionIds) -> None:
    for view in views:
        if isinstance(view, ParagraphView):
            if view.mark_kind:
                view.mark = ids.revision(view.mark_kind)
            if view.style_before:
                view.style_change = ids.revision("pPrChange")
            for run in view.runs:
                if run.kind:
                    run.revision = ids.revision(run.kind)
            continue
        for row in view.rows:
            if row.kind:
                row.revision = ids.revision(row.kind)
            for cell in row.cells:
                assign_ids(cell, ids)
