"""Word tables as spec tables, or as definitions when the table is a glossary."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spectool.docx_import.cell_escapes import escape_cell, escape_row
from spectool.docx_import.classify import Item, classify
from spectool.docx_import.drafts import ParagraphDraft, is_roman_item
from spectool.docx_import.normalise import clean_line
from spectool.docx_import.reading import Cell, WordParagraph, WordTable
from spectool.model.document import MERGED_ABOVE, Table
from spectool.wordml.captions import is_numbered_caption

GLOSSARY_TITLE = re.compile(r"\b(glossary|definitions)\b", re.IGNORECASE)
TERM_HEADERS = frozenset(("term", "terms", "defined term", "defined terms", "expression"))
MEANING_HEADERS = frozenset(("definition", "definitions", "meaning", "description"))
_CAPTION_PREFIX = re.compile(r"table\s*[:.\-\u2013\u2014]?\s*", re.IGNORECASE)


# Reports a problem at a paragraph: (paragraph, message).
Report = Callable[[WordParagraph | None, str], None]


def cell_text(cell: Cell) -> str:
    """A cell on one line, each paragraph with the number Word shows before it."""
    return clean_line(" ".join(paragraph.shown for paragraph in cell))


def caption_title(caption: str) -> str:
    """The title in a caption: "Table: Alerts" gives "Alerts"; a caption with a number of its own
    ("Table 3: Alerts") is its title whole, so that the number is kept."""
    if is_numbered_caption(caption):
        return clean_line(caption)
    return clean_line(_CAPTION_PREFIX.sub("", caption, count=1))


def has_term_header(table: WordTable) -> bool:
    if not table.rows or len(table.rows[0]) != 2:
        return False
    return is_term_header(tuple(cell_text(cell) for cell in table.rows[0]))


def is_term_header(cells: tuple[str, ...]) -> bool:
    """Two cells that head a glossary: "Term" / "Definition", "Defined term" / "Meaning" and the like."""
    if len(cells) != 2:
        return False
    term, meaning = (" ".join(cell.split()).lower().rstrip(":") for cell in cells)
    return term in TERM_HEADERS and meaning in MEANING_HEADERS


def has_exported_header(table: WordTable) -> bool:
    """A Term / Definition header in the very words export writes for every glossary table."""
    return has_term_header(table) and tuple(cell_text(cell).lower() for cell in table.rows[0]) == (
        "term",
        "definition",
    )


def is_glossary(table: WordTable, section_title: str) -> bool:
    """A two-column table whose header is Term / Definition, or which stands under a Glossary heading."""
    if table.width != 2:
        return False
    return has_term_header(table) or bool(GLOSSARY_TITLE.search(section_title))


GlossaryKind = Literal["definition", "free", "header", "continued", "blank"]


@dataclass(frozen=True, slots=True)
class GlossaryRow:
    """A glossary row as the import keeps it: a definition; free text (a row lacking a term or a
    definition, such as a letter dividing the terms); a header row (w:tblHeader, or a term header in
    words other than Term / Definition), kept as free text too; the definition above continued (its
    term cell merged with the one above); or a row with no text at all."""

    row: int  # the row's index in the table
    kind: GlossaryKind
    draft: ParagraphDraft | None  # None for a blank row
    source: WordParagraph | None  # the row's first paragraph, for warnings


def glossary_rows(table: WordTable, report: Report) -> list[GlossaryRow]:
    """Every row after a Term / Definition header, in order, none left out but rows without text. A
    header in other words ("Defined term / Meaning") is kept as a header row: export writes Term /
    Definition afresh, and its own words would be lost."""
    skip = 1 if has_exported_header(table) else 0
    headers = max(table.header_rows, 1 if has_term_header(table) else 0)
    merged_above = {row for row, column, mark in table.merged if column == 0 and mark == MERGED_ABOVE}
    rows: list[GlossaryRow] = []
    for index, row in enumerate(table.rows[skip:], skip):
        cells = [*row, (), ()][:2]
        first = _first_paragraph(cells[0]) or _first_paragraph(cells[1])
        if index < headers:
            # A header row the model has no place for (definitions have no header): its words as one
            # line of text, as export writes a paragraph's lines (a source line wrap is layout).
            shown = " ".join(line for cell in cells for line in _shown_lines(cell))
            draft = ParagraphDraft([shown], label="") if shown else None
            rows.append(GlossaryRow(index, "header" if shown else "blank", draft, first))
            continue
        term = cell_text(cells[0]).strip('"').strip()
        if '"' in term:
            report(first, f"the term {term} holds a double quote, which a term cannot: written with '")
            term = term.replace('"', "'")
        draft = _definition(term, cells[1], report) if term else None
        if draft is not None:
            rows.append(GlossaryRow(index, "definition", draft, first))
            continue
        lines = [line for cell in cells for line in _shown_lines(cell)]
        above = rows[-1].draft if rows and rows[-1].kind in ("definition", "continued") else None
        if not lines:
            rows.append(GlossaryRow(index, "blank", None, first))
        elif not term and index in merged_above and above is not None:
            # The term's cell spans this row too: the text goes on with the definition above.
            for paragraph in cells[1]:
                if paragraph.shown:
                    _add_paragraph(above, paragraph, report)
            rows.append(GlossaryRow(index, "continued", above, first))
        else:
            rows.append(GlossaryRow(index, "free", ParagraphDraft(lines, label=""), first))
    return rows


def _shown_lines(cell: Cell) -> list[str]:
    return [line for line in (clean_line(paragraph.shown) for paragraph in cell) if line]


def _definition(term: str, cell: Cell, report: Report) -> ParagraphDraft | None:
    paragraphs = [paragraph for paragraph in cell if paragraph.shown]
    if not paragraphs:
        return None
    draft = ParagraphDraft(lines=[paragraphs[0].shown], term=term)
    for paragraph in paragraphs[1:]:
        _add_paragraph(draft, paragraph, report)
    return draft


def _add_paragraph(draft: ParagraphDraft, paragraph: WordParagraph, report: Report) -> None:
    """A further paragraph of a definition's cell: a sub-item, or a line of its text."""
    piece = classify(paragraph)
    if isinstance(piece, Item) and piece.text:
        warning = draft.add_item(
            piece.label, is_roman_item(draft, piece.label, piece.number_format), piece.text
        )
        if warning:
            report(paragraph, warning)
    else:
        draft.add_line(paragraph.shown)


def cell_paragraphs(cell: Cell) -> str:
    """A cell's paragraphs, each on a line of its own with the number Word shows before it."""
    return "\n".join(line for line in (clean_line(paragraph.shown) for paragraph in cell) if line)


def plain_table(table: WordTable, title: str) -> Table | None:
    """Header rows as Word marks them (else the first row); every row padded to the widest; text the
    source format would read as a merge or a header's underline escaped (cell_escapes)."""
    width = table.width
    merged = {(row, column): mark for row, column, mark in table.merged}
    rows: list[tuple[str, ...]] = []
    for index, row in enumerate(table.rows):
        cells = [
            merged.get((index, column)) or escape_cell(cell_paragraphs(cell), column)
            for column, cell in enumerate(row)
        ]
        cells += [""] * (width - len(cells))
        rows.append(escape_row(tuple(cells)))
    if not rows:
        return None
    heads = max(min(table.header_rows, len(rows)), 1)
    return Table(title, rows[0], tuple(rows[heads:]), more_header=tuple(rows[1:heads]))


def _first_paragraph(cell: Cell) -> WordParagraph | None:
    return cell[0] if cell else None
