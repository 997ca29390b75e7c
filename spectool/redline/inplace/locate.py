"""Where each paragraph, table and row of a redline's old version stands in the Word original: read the
document as the importer reads it (automatic numbers included) and pair both in reading order by text."""

from __future__ import annotations

from dataclasses import dataclass, field

from spectool.diff.model import ParagraphDiff, Redline, Side, TableDiff, UnitDiff
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.provenance import ProvenanceError, element_at
from spectool.docx_import.reading import DocumentReader, WordParagraph
from spectool.docx_import.styles import StyleSheet
from spectool.model.provenance import WordLocation
from spectool.wordml.names import Element, w
from spectool.wordml.package import WordPackage

# (unit, block) for a block of the body; (unit, block, row, cell, block) for a block in a table cell.
Path = tuple[int, ...]


class PlacementError(ValueError):
    """A paragraph or table of the old version has no counterpart in the document."""

    def __init__(self, what: str, text: str) -> None:
        super().__init__(f"{what} {text[:60]!r}" + ("..." if len(text) > 60 else ""))


@dataclass(slots=True)
class Located:
    """The document's elements by the path of the redline's block, row or cell they hold."""

    paragraphs: dict[Path, Element] = field(default_factory=dict)
    tables: dict[Path, Element] = field(default_factory=dict)
    rows: dict[Path, Element] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.paragraphs or self.tables)


def same_text(text: str) -> str:
    """Text as both sides are compared: the importer's characters, spaces folded."""
    return " ".join(clean_text(text).split())


def locate(redline: Redline, package: WordPackage) -> Located:
    """Pair every block of the old version with its element; PlacementError names the first that has none."""
    reader = DocumentReader(
        StyleSheet.from_element(package.styles),
        NumberingDefinitions.from_elements(package.numbering, package.styles),
    )
    body = package.body
    shown: list[tuple[str, Element]] = []
    cells: dict[Element, str] = {}  # each table cell's paragraph and its text
    for read in reader.read(body):
        element = _element(body, read.location)
        if element is None:
            continue
        if isinstance(read, WordParagraph):
            shown.append((same_text(read.shown), element))
            continue
        shown.append(("\x00table", element))
        for row in read.rows:
            for cell in row:
                for paragraph in cell:
                    found = _element(body, paragraph.location)
                    if found is not None:
                        cells[found] = same_text(paragraph.shown)
    located = Located()
    cursor = 0
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff) or unit.side is Side.NEW:
            continue
        for number, block in enumerate(unit.blocks):
            if not block.presence.on(Side.OLD):
                continue
            wanted = "\x00table" if isinstance(block, TableDiff) else same_text(block.text(Side.OLD))
            found = next((k for k in range(cursor, len(shown)) if shown[k][0] == wanted), None)
            if found is None:
                raise PlacementError(
                    "no table for" if isinstance(block, TableDiff) else "no paragraph", wanted
                )
            skipped = next((text for text, _ in shown[cursor:found] if text), None) if located.any else None
            if skipped is not None:
                raise PlacementError("a paragraph the spec does not hold:", skipped)
            element = shown[found][1]
            cursor = found + 1
            if isinstance(block, TableDiff):
                located.tables[(index, number)] = element
                _locate_rows(block, element, (index, number), located, cells)
            else:
                located.paragraphs[(index, number)] = element
    return located


def _locate_rows(
    table: TableDiff, element: Element, path: Path, located: Located, shown: dict[Element, str]
) -> None:
    rows = [row for row in table.rows if row.presence.on(Side.OLD)]
    numbers = [number for number, row in enumerate(table.rows) if row.presence.on(Side.OLD)]
    elements = list(element.iterchildren(w("tr")))
    if len(rows) != len(elements):
        raise PlacementError(f"a table of {len(elements)} rows, not {len(rows)}, at", _first_text(table))
    for number, row, row_element in zip(numbers, rows, elements, strict=True):
        located.rows[(*path, number)] = row_element
        cells = list(row_element.iterchildren(w("tc")))
        if len(cells) != len(row.cells):
            raise PlacementError(f"a row of {len(cells)} cells, not {len(row.cells)}, at", _first_text(table))
        for cell_number, (cell, cell_element) in enumerate(zip(row.cells, cells, strict=True)):
            paragraphs = list(cell_element.iterchildren(w("p")))
            cursor = 0
            for block_number, block in enumerate(cell.blocks):
                if not isinstance(block, ParagraphDiff) or not block.presence.on(Side.OLD):
                    continue
                wanted = same_text(block.text(Side.OLD))
                found = next(
                    (k for k in range(cursor, len(paragraphs)) if shown.get(paragraphs[k]) == wanted), None
                )
                if found is None:
                    raise PlacementError("no paragraph in a table cell for", wanted)
                located.paragraphs[(*path, number, cell_number, block_number)] = paragraphs[found]
                cursor = found + 1


def _element(body: Element, location: WordLocation) -> Element | None:
    """The w:p or w:tbl the reader read at `location` (None for what is neither, an embedded document)."""
    try:
        return element_at(body, location)
    except ProvenanceError:
        return None


def _first_text(table: TableDiff) -> str:
    for row in table.rows:
        for cell in row.cells:
            for block in cell.blocks:
                if isinstance(block, ParagraphDiff):
                    return block.text(Side.OLD)
    return ""
