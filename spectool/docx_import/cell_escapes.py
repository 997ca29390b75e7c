"""Table cells whose text the source format would read as something else, escaped with a backslash.

A cell whose whole text is `^` or `<` reads as a merged cell, and a row of only dashes as the line
under a header. The import writes such text with a backslash before it (`\\^`, `\\<`, `\\---`, one
more before any it already has) and the export takes one away, so each maps back to itself. A `<` in
the first column is never a merge (there is no cell to its left): it stays as it is.
"""

from __future__ import annotations

import re

from spectool.model.document import MERGED_ABOVE, MERGED_LEFT

_MARK_TEXT = re.compile(rf"\\*[{re.escape(MERGED_ABOVE + MERGED_LEFT)}]")
_FIRST_COLUMN_MARK = re.compile(rf"\\*{re.escape(MERGED_ABOVE)}")
_DASHES = re.compile(r"\\*[-:][-: ]*")


def escape_cell(text: str, column: int) -> str:
    """A Word cell's text as the model holds it."""
    mark = _MARK_TEXT if column else _FIRST_COLUMN_MARK
    return f"\\{text}" if mark.fullmatch(text) else text


def unescape_cell(text: str, column: int) -> str:
    """The inverse of escape_cell: the text the export writes into a cell."""
    mark = _MARK_TEXT if column else _FIRST_COLUMN_MARK
    return text[1:] if text.startswith("\\") and mark.fullmatch(text) else text


def escape_row(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A row of only dashes (backslashes before them aside) gets a backslash before its first cell."""
    if cells and all(_DASHES.fullmatch(cell) for cell in cells):
        return (f"\\{cells[0]}", *cells[1:])
    return cells


def unescape_row(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The inverse of escape_row."""
    if cells and cells[0].startswith("\\") and all(_DASHES.fullmatch(cell) for cell in cells):
        return (cells[0][1:], *cells[1:])
    return cells
