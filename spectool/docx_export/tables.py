"""Spec tables as Word tables: header rows repeated on each page, cells of several paragraphs, merges."""

from __future__ import annotations

from spectool.diff.page import clean_text
from spectool.docx_export.view import CellView, ParagraphView, RowView, Run, TableView
from spectool.docx_import.cell_escapes import unescape_cell, unescape_row
from spectool.model.document import MERGED_ABOVE, MERGED_LEFT, Table

TEXT_WIDTH = 9026  # twips between the margins of an A4 page with 1-inch margins
GLOSSARY_TERM_SHARE = 0.3


def table_view(table: Table) -> TableView | None:
    """`table` as a Word table; None for a table without a row."""
    heads = len(table.header_rows)
    grid = [list(unescape_row(row)) for row in (*table.header_rows, *table.rows)]
    if not grid:
        return None
    width = max(len(row) for row in grid)
    for row in grid:
        row.extend("" for _ in range(width - len(row)))
    widths = _even_widths(width)
    rows = tuple(
        RowView(_cells(grid, index, widths, "TableHeading" if index < heads else "TableText"), index < heads)
        for index in range(len(grid))
    )
    return TableView("SpecTable", widths, rows)


def glossary_widths() -> tuple[int, int]:
    term = int(TEXT_WIDTH * GLOSSARY_TERM_SHARE)
    return term, TEXT_WIDTH - term


def cell_paragraphs(text: str, style: str) -> tuple[ParagraphView, ...]:
    """One paragraph per line of a cell (a cell always holds at least one paragraph)."""
    return tuple(ParagraphView(style, (Run(clean_text(line)),)) for line in text.split("\n"))


def _cells(grid: list[list[str]], row: int, widths: tuple[int, ...], style: str) -> tuple[CellView, ...]:
    cells: list[CellView] = []
    texts = grid[row]
    column = 0
    while column < len(texts):
        span = 1
        while column + span < len(texts) and texts[column + span] == MERGED_LEFT:
            span += 1
        text = texts[column]
        width = sum(widths[column : column + span])
        below = grid[row + 1][column] if row + 1 < len(grid) else ""
        if text == MERGED_ABOVE:
            cells.append(CellView((ParagraphView(style),), width, span, "continue"))
        else:
            # A "<" with no cell to its left cannot be merged: it stays as the text it is.
            merge = "restart" if below == MERGED_ABOVE else ""
            cells.append(CellView(cell_paragraphs(unescape_cell(text, column), style), width, span, merge))
        column += span
    return tuple(cells)


def _even_widths(columns: int) -> tuple[int, ...]:
    share = TEXT_WIDTH // columns
    return tuple(share for _ in range(columns))
