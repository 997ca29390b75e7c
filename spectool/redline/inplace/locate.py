"""Where each paragraph, table and row of a redline's old version stands in the Word original: read the
document as the importer reads it (automatic numbers included) and pair both in reading order by text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from spectool.diff.free import FREE_KINDS
from spectool.diff.model import Change, ParagraphDiff, Redline, RowDiff, Side, TableDiff, UnitDiff
from spectool.diff.page import UnitKind
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.provenance import ElementIndex, ProvenanceError
from spectool.docx_import.reading import DocumentReader, WordParagraph
from spectool.docx_import.styles import StyleSheet
from spectool.docx_import.tables import is_term_header
from spectool.model.document import Contents, Heading, Paragraph, Placeholder, Spec
from spectool.model.provenance import WordLocation, origin_index
from spectool.wordml.names import Element, w
from spectool.wordml.package import WordPackage

_NOTE = re.compile(r"(Footnote|Endnote) \S+:")
# (unit, block) for a block of the body; (unit, block, row, cell, block) for a block in a table cell.
Path = tuple[int, ...]


class PlacementError(ValueError):
    """A paragraph or table of the old version has no counterpart in the document."""

    def __init__(self, what: str, text: str, where: str = "") -> None:
        shown = f"{what} {_short(text)}"
        super().__init__(f"{shown} ({where})" if where else shown)


def _short(text: str) -> str:
    return f"{text[:60]!r}" + ("..." if len(text) > 60 else "")


@dataclass(slots=True)
class Located:
    """The document's elements by the path of the redline's block, row or cell they hold."""

    paragraphs: dict[Path, Element] = field(default_factory=dict)
    tables: dict[Path, Element] = field(default_factory=dict)
    rows: dict[Path, Element] = field(default_factory=dict)
    by_id: int = 0  # paragraphs and tables found where the import recorded them (the rest by text)

    @property
    def any(self) -> bool:
        return bool(self.paragraphs or self.tables)


def same_text(text: str) -> str:
    """Text as both sides are compared: the importer's characters, spaces folded."""
    return " ".join(clean_text(text).split())


def free_texts(spec: Spec) -> frozenset[str]:
    """The free text a spec holds (paragraphs, headings that open no section, the contents list, the
    descriptions of pictures): no redline shows it, and its paragraphs in the document stay as they are."""
    texts: set[str] = set()
    for block in (*spec.front, *(block for section in spec.sections for block in section.blocks)):
        if isinstance(block, Paragraph):
            texts.update((f"{block.label} {block.text.flat}", block.text.flat))
            texts.update(f"({item.label}) {item.text.flat}" for item in block.all_items())
            texts.update(item.text.flat for item in block.all_items())
        elif isinstance(block, Heading):
            texts.update((f"{block.label} {block.title}", block.title))
        elif isinstance(block, Contents):
            texts.update(block.entries)
        elif isinstance(block, Placeholder):
            texts.add(block.description)
    return frozenset(same_text(text) for text in texts)


def added_headings(spec: Spec) -> frozenset[str]:
    """The numbers of the sections whose heading the import added (a number the document shows
    nowhere): their heading paragraphs have no counterpart in the document. Empty without provenance."""
    if not spec.origins:
        return frozenset()
    origins = origin_index(spec)
    return frozenset(str(section.number) for section in spec.sections if not origins.get(str(section.number)))


def is_note_text(block: ParagraphDiff) -> bool:
    """A footnote or endnote shown after its paragraph: in Word it stands in its own part, not the body."""
    return any(_NOTE.match(block.text(side)) is not None for side in (Side.OLD, Side.NEW))


def locate(
    redline: Redline,
    package: WordPackage,
    free: frozenset[str] = frozenset(),
    added: frozenset[str] = frozenset(),
    recorded: Mapping[Path, WordLocation] | None = None,
) -> Located:
    """Pair every block of the old version with its element: the one `recorded` names (the import's
    provenance) when it shows the block's text, else the next one that does in reading order.
    PlacementError names the first block neither finds, or a paragraph of the document between them
    that is neither the spec's nor in `free`."""
    reader = DocumentReader(
        StyleSheet.from_element(package.styles),
        NumberingDefinitions.from_elements(package.numbering, package.styles),
    )
    body = ElementIndex(package.body)
    shown: list[tuple[str, Element]] = []
    names: list[str] = []  # "paragraph 14", "table 2": as a reader of the document finds them
    cells: dict[Element, str] = {}  # each table cell's paragraph and its text
    for read in reader.read(package.body):
        element = _element(body, read.location)
        if element is None:
            continue
        if isinstance(read, WordParagraph):
            shown.append((same_text(read.shown), element))
            names.append(read.location.describe())
            continue
        shown.append(("\x00table", element))
        names.append(read.location.describe())
        for row in read.rows:
            for cell in row:
                for paragraph in cell:
                    in_cell = _element(body, paragraph.location)
                    if in_cell is not None:
                        cells[in_cell] = same_text(paragraph.shown)
    located = Located()
    where = {element: k for k, (_, element) in enumerate(shown)}
    cursor = 0
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff) or unit.side is Side.NEW:
            continue
        if unit.kind is UnitKind.HEADING and unit.old_label.removeprefix("Section ") in added:
            continue
        if unit.kind in FREE_KINDS:
            if unit.change is Change.KEPT:
                cursor = _kept_free(unit, index, shown, free, cursor, located)
                continue
            if unit.kind is not UnitKind.FREE:
                raise PlacementError(
                    f"a change to {unit.old_label or unit.new_label}:", _first_old(unit), _WHY
                )
        for number, block in enumerate(unit.blocks):
            if not block.presence.on(Side.OLD):
                continue
            if isinstance(block, ParagraphDiff) and is_note_text(block):
                continue  # in word/footnotes.xml: the writer leaves notes alone
            wanted = "\x00table" if isinstance(block, TableDiff) else same_text(block.text(Side.OLD))
            caption = isinstance(block, ParagraphDiff) and block.style == "Caption"
            at = _recorded(recorded, (index, number), body, where, cursor)
            if at is not None and _same(wanted, shown[at][0], caption=caption):
                found: int | None = at
                located.by_id += 1
            else:
                found = next(
                    (k for k in range(cursor, len(shown)) if _same(wanted, shown[k][0], caption=caption)),
                    None,
                )
            if found is None:
                what = "no table for" if isinstance(block, TableDiff) else "no paragraph"
                if at is not None:
                    near = f"where the import recorded it, {names[at]} reads {_short(shown[at][0])}"
                else:
                    near = f"none after {names[cursor - 1]}" if cursor else "none in the document"
                raise PlacementError(what, wanted, near)
            skipped = next((k for k in range(cursor, found) if shown[k][0] and shown[k][0] not in free), None)
            if skipped is not None and located.any:
                raise PlacementError("a paragraph the spec does not hold:", shown[skipped][0], names[skipped])
            element = shown[found][1]
            cursor = found + 1
            if isinstance(block, TableDiff):
                located.tables[(index, number)] = element
                _locate_rows(block, element, (index, number), located, cells)
            else:
                located.paragraphs[(index, number)] = element
    return located


def _kept_free(
    unit: UnitDiff,
    index: int,
    shown: list[tuple[str, Element]],
    free: frozenset[str],
    cursor: int,
    located: Located,
) -> int:
    """Free text that stays as it is: its paragraphs are found where they are, when no block of the spec
    stands before them, so that what is inserted after them goes after them; the cursor after them."""
    for number, block in enumerate(unit.blocks):
        if isinstance(block, ParagraphDiff) and not block.text(Side.OLD):
            continue
        # A table left alone is passed over, not recorded: the writer has nothing to do in it.
        wanted = "\x00table" if isinstance(block, TableDiff) else same_text(block.text(Side.OLD))
        for k in range(cursor, len(shown)):
            if shown[k][0] == wanted:
                if isinstance(block, ParagraphDiff):
                    located.paragraphs[(index, number)] = shown[k][1]
                cursor = k + 1
                break
            if shown[k][0] and shown[k][0] not in free:
                break  # a block of the spec: the free text is not where it was
    return cursor


def _recorded(
    recorded: Mapping[Path, WordLocation] | None,
    path: Path,
    body: ElementIndex,
    where: dict[Element, int],
    cursor: int,
) -> int | None:
    """The reading-order place of the element the provenance records for `path`, if it is at or after
    `cursor` (never a place already passed)."""
    location = recorded.get(path) if recorded else None
    element = _element(body, location) if location is not None else None
    found = where.get(element) if element is not None else None
    return found if found is not None and found >= cursor else None


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
        header = _glossary_header(table, row, cells, shown)
        for cell_number, (cell, cell_element) in enumerate(zip(row.cells, cells, strict=True)):
            paragraphs = list(cell_element.iterchildren(w("p")))
            if header and paragraphs:
                # Export's own words for any glossary's header, never changed: its cells, whatever words
                # the document's header has ("Defined term" / "Meaning", kept by the import as free text).
                located.paragraphs[(*path, number, cell_number, 0)] = paragraphs[0]
                continue
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


def _glossary_header(table: TableDiff, row: RowDiff, cells: list[Element], shown: dict[Element, str]) -> bool:
    """The page's Term / Definition header of a glossary, standing on the document's header in other
    words ("Defined term" / "Meaning"), which the import keeps as free text before the definitions."""
    if table.style != "Glossary" or not row.header or row.changed:
        return False
    texts = tuple(" ".join(shown.get(p, "") for p in cell.iterchildren(w("p"))) for cell in cells)
    return is_term_header(texts)


def _same(wanted: str, candidate: str, *, caption: bool) -> bool:
    """The same text; a caption "Table: Supply" is also the document's "Table 1: Supply"."""
    if wanted == candidate:
        return True
    if not caption or not wanted.startswith("Table: "):
        return False
    head, _, title = candidate.partition(": ")
    return head.lower().startswith("table") and len(head) <= 20 and title == wanted[len("Table: ") :]


def _element(body: ElementIndex, location: WordLocation) -> Element | None:
    """The w:p or w:tbl the reader read at `location` (None for what is neither, an embedded document)."""
    try:
        return body.at(location)
    except ProvenanceError:
        return None


_WHY = "the contents list and pictures are Word's own: change them in Word, or use the template redline"


def _first_old(unit: UnitDiff) -> str:
    for block in unit.blocks:
        if isinstance(block, ParagraphDiff) and block.text(Side.OLD):
            return block.text(Side.OLD)
    return ""


def _first_text(table: TableDiff) -> str:
    for row in table.rows:
        for cell in row.cells:
            for block in cell.blocks:
                if isinstance(block, ParagraphDiff):
                    return block.text(Side.OLD)
    return ""
