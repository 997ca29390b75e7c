"""The exported body as plain values for the templates: paragraphs of runs, tables of cells, notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from spectool.wordml.pieces import Piece, text_pieces

FOOTNOTE, ENDNOTE = "footnote", "endnote"


@dataclass(frozen=True, slots=True)
class Run:
    """Text, or (with `note`) the reference mark of a footnote or endnote."""

    text: str = ""
    bold: bool = False
    note: str = ""  # FOOTNOTE or ENDNOTE for a reference mark
    note_id: int = 0

    @property
    def pieces(self) -> list[Piece]:
        """Text and tabs: a tab is a w:tab element, never a character inside w:t (DOCX009)."""
        return text_pieces(self.text)


@dataclass(frozen=True, slots=True)
class ParagraphView:
    style: str  # a paragraph style of styles.xml.j2 or export/styles.xml.j2
    runs: tuple[Run, ...] = ()
    list_id: int = 0  # a w:num that shows a label before the text (0: none)
    bookmark: str = ""  # a bookmark opened and closed at the paragraph's start
    kind: ClassVar[str] = "paragraph"  # how the templates tell the blocks apart

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def with_run(self, run: Run) -> ParagraphView:
        return ParagraphView(self.style, (*self.runs, run), self.list_id, self.bookmark)


@dataclass(frozen=True, slots=True)
class CellView:
    blocks: tuple[ParagraphView | TableView, ...]  # a definition's cell may hold a table
    width: int  # twips, the columns it spans together
    span: int = 1  # grid columns (w:gridSpan)
    merge: str = ""  # w:vMerge: "restart", "continue" or "" for none


@dataclass(frozen=True, slots=True)
class RowView:
    cells: tuple[CellView, ...]
    header: bool = False  # repeated at the top of each page (w:tblHeader)


@dataclass(frozen=True, slots=True)
class TableView:
    style: str
    widths: tuple[int, ...]  # the grid, twips per column
    rows: tuple[RowView, ...]
    kind: ClassVar[str] = "table"

    def with_last_run(self, run: Run) -> TableView:
        """The table with `run` at the end of its last cell's last paragraph (where a note is cited)."""
        *rows, last_row = self.rows
        *cells, last_cell = last_row.cells
        *blocks, last = last_cell.blocks
        cited = last.with_run(run) if isinstance(last, ParagraphView) else last.with_last_run(run)
        cell = CellView((*blocks, cited), last_cell.width, last_cell.span, last_cell.merge)
        return TableView(self.style, self.widths, (*rows, RowView((*cells, cell), last_row.header)))


@dataclass(frozen=True, slots=True)
class ContentsView:
    """A table of contents: a TOC field whose cached result is one paragraph per heading."""

    entries: tuple[tuple[int, str], ...]  # (level, text)
    kind: ClassVar[str] = "contents"


@dataclass(frozen=True, slots=True)
class NoteView:
    """One footnote or endnote: its id in footnotes.xml or endnotes.xml and its paragraphs."""

    kind: str  # FOOTNOTE or ENDNOTE
    id: int
    lines: tuple[str, ...]


BodyBlock = ParagraphView | TableView | ContentsView


@dataclass(frozen=True, slots=True)
class LabelList:
    """A w:num whose one level shows `label` as it is: how a number no clause has is written."""

    id: int
    label: str
