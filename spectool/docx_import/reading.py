"""Walk a document body in order: paragraphs (with the numbers Word shows) and tables, as plain values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spectool.docx_import.attributes import GRID_SPAN, OUTLINE_LEVEL, AttributeReader
from spectool.docx_import.list_numbers import ListCounter, ListLabel
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.runs import FieldState, PlacedBegins, alternate_branch, read_paragraph
from spectool.docx_import.styles import BODY_TEXT_OUTLINE, StyleSheet, numbering_properties
from spectool.model.document import MERGED_ABOVE, MERGED_LEFT
from spectool.model.provenance import PARAGRAPH, ROW, TABLE, WordLocation
from spectool.wordml.names import Element, attribute, child, child_value, local_name, w

MAX_COLUMNS = GRID_SPAN.high


@dataclass(frozen=True, slots=True)
class WordParagraph:
    """One paragraph as Word shows it; `index` is 1-based in document order, table cells included."""

    index: int
    text: str  # normalised; a line break in Word is "\n"
    label: ListLabel | None = None  # automatic numbering
    style: str = ""
    heading_level: int | None = None
    note_style: bool = False
    caption_style: bool = False
    title_style: bool = False
    contents: bool = False  # part of a table of contents
    footnotes: tuple[str, ...] = ()
    endnotes: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()  # pictures, equations ...: what the text leaves out (placeholders keep)
    ignored: tuple[str, ...] = ()  # attribute values out of bounds, read as if absent
    path: tuple[int, ...] = ()  # element-child indices from w:body down to this w:p
    boxed: tuple[str, ...] = ()  # the paragraphs of its text boxes, normalised
    hidden: str = ""  # its hidden text (w:vanish), normalised
    unterminated_fields: int = 0  # fields begun in it that nothing ends, ended with it

    @property
    def location(self) -> WordLocation:
        return WordLocation(PARAGRAPH, self.index, self.path)

    @property
    def shown(self) -> str:
        """The label and the text, as a reader sees the paragraph."""
        label = self.label.text if self.label is not None and not self.label.is_bullet else ""
        return f"{label} {self.text}".strip()


Cell = tuple[WordParagraph, ...]


@dataclass(frozen=True, slots=True)
class WordTable:
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0  # leading rows marked to repeat as a header (w:tblHeader)
    nested_tables: int = 0  # tables inside cells, flattened into their cell's paragraphs
    ignored: tuple[str, ...] = ()  # spans out of bounds, cells past the widest row Word allows
    # (row, column) of cells covered by a merged cell, with MERGED_ABOVE or MERGED_LEFT
    merged: tuple[tuple[int, int, str], ...] = ()
    number: int = 0  # 1-based among the document's tables (nested ones aside)
    path: tuple[int, ...] = ()  # element-child indices from w:body down to this w:tbl
    row_paths: tuple[tuple[int, ...], ...] = ()  # of each row's w:tr

    @property
    def location(self) -> WordLocation:
        return WordLocation(TABLE, self.number, self.path)

    def row_location(self, row: int) -> WordLocation:
        """Row `row` (0-based, as in `rows`)."""
        return WordLocation(ROW, self.number, self.row_paths[row], row + 1)

    @property
    def index(self) -> int:
        return next((cell[0].index for row in self.rows for cell in row if cell), 0)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = WordParagraph | WordTable


class DocumentReader:
    """Reads blocks in order, counting automatic numbers and complex fields as Word does."""

    def __init__(self, styles: StyleSheet, numbering: NumberingDefinitions) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counter = ListCounter(numbering)
        self.fields = FieldState()
        self.paragraphs = 0
        self.tables = 0

    def read(self, body: Element) -> list[Block]:
        return list(self.blocks(body))

    def blocks(self, body: Element) -> Iterator[Block]:
        """The blocks one at a time, so that a caller that keeps none of them never holds them all."""
        self.fields = FieldState.of(body)
        return self._blocks(body, contents=False, path=())

    def streamed_blocks(self, children: Iterable[Element], unterminated: frozenset[int]) -> Iterator[Block]:
        """The blocks of a body given as a stream of its children (`MainBody.children`), each child
        read before the next arrives; `unterminated` places the field begins no end closes, as a
        FieldPairing over the same children found them."""
        begins = PlacedBegins(unterminated)
        self.fields = FieldState()
        for position, node in enumerate(children):
            self.fields.unterminated = begins.of(node)
            yield from self._block(node, contents=False, here=(position,))
        self.fields.unterminated = frozenset()

    def _blocks(self, container: Element, contents: bool, path: tuple[int, ...]) -> Iterator[Block]:
        for position, node in enumerate(container):
            yield from self._block(node, contents, (*path, position))

    def _block(self, node: Element, contents: bool, here: tuple[int, ...]) -> Iterator[Block]:
        """The blocks of `node`, found at `here` (element-child indices from w:body)."""
        name = local_name(node)
        if name == "p":
            yield self.paragraph(node, contents, here)
        elif name == "tbl":
            yield self.table(node, contents, here)
        elif name == "sdt":
            gallery = child_value(child(child(node, "sdtPr"), "docPartObj"), "docPartGallery") or ""
            inner = child(node, "sdtContent")
            if inner is not None:
                inner_path = (*here, node.index(inner))
                yield from self._blocks(inner, contents or "contents" in gallery.lower(), inner_path)
        elif name == "customXml":
            yield from self._blocks(node, contents, here)
        elif name == "AlternateContent":  # around blocks: one branch, as in a paragraph
            branch = alternate_branch(node)
            if branch is not None:
                yield from self._blocks(branch, contents, (*here, node.index(branch)))
        elif name == "altChunk":
            self.paragraphs += 1
            yield WordParagraph(self.paragraphs, "", dropped=("an embedded document",), path=here)

    def paragraph(self, node: Element, contents: bool = False, path: tuple[int, ...] = ()) -> WordParagraph:
        self.paragraphs += 1
        properties = child(node, "pPr")
        style_id = self.styles.style_id_of(child_value(properties, "pStyle"))
        content = read_paragraph(node, self.fields)
        values = AttributeReader()
        return WordParagraph(
            index=self.paragraphs,
            text=clean_text(content.text),
            label=self._label(properties, style_id, values),
            style=self.styles.name(style_id),
            heading_level=self._heading_level(properties, style_id, values),
            note_style=self.styles.is_note(style_id),
            caption_style=self.styles.is_caption(style_id),
            title_style=self.styles.is_title(style_id),
            contents=contents or content.in_contents or self.styles.is_contents(style_id),
            footnotes=tuple(content.footnotes),
            endnotes=tuple(content.endnotes),
            dropped=tuple(content.dropped),
            ignored=values.taken(),
            path=path,
            boxed=tuple(text for text in (clean_text(box) for box in content.boxed) if text),
            hidden=clean_text(content.hidden),
            unterminated_fields=content.unterminated_fields,
        )

    def table(self, node: Element, contents: bool, path: tuple[int, ...] = ()) -> WordTable:
        self.tables += 1
        number = self.tables
        rows: list[tuple[Cell, ...]] = []
        row_paths: list[tuple[int, ...]] = []
        header_rows = 0
        nested = 0
        values = AttributeReader()
        merged: list[tuple[int, int, str]] = []
        for row in node.iter(w("tr")):
            if next(row.iterancestors(w("tbl"))) is not node:
                continue  # a row of a nested table: read with its cell below
            cells: list[Cell] = []
            width = 0
            for cell in row.iter(w("tc")):
                if next(cell.iterancestors(w("tr"))) is not row:
                    continue
                paragraphs = tuple(
                    self.paragraph(element, contents, (*path, *path_below(node, element)))
                    for element in cell.iter(w("p"))
                )
                nested += sum(1 for _ in cell.iter(w("tbl")))
                span = (
                    values.integer(child_value(child(cell, "tcPr"), "gridSpan"), "gridSpan", GRID_SPAN) or 1
                )
                vertical = child(child(cell, "tcPr"), "vMerge")
                if (
                    vertical is not None
                    and attribute(vertical, "val") in (None, "continue")
                    and width < MAX_COLUMNS
                ):
                    merged.append((len(rows), width, MERGED_ABOVE))
                merged.extend(
                    (len(rows), column, MERGED_LEFT)
                    for column in range(width + 1, min(width + span, MAX_COLUMNS))
                )
                cells.extend([paragraphs, *[()] * (span - 1)][: max(MAX_COLUMNS - width, 0)])
                width += span
            if width > MAX_COLUMNS:
                values.rejected.append(
                    f"a table row of {width} columns is wider than Word allows: the cells after "
                    f"column {MAX_COLUMNS} are left out"
                )
            if len(rows) == header_rows and child(child(row, "trPr"), "tblHeader") is not None:
                header_rows += 1
            rows.append(tuple(cells))
            row_paths.append((*path, *path_below(node, row)))
        return WordTable(
            tuple(rows), header_rows, nested, values.taken(), tuple(merged), number, path, tuple(row_paths)
        )

    def _label(
        self, properties: Element | None, style_id: str | None, values: AttributeReader
    ) -> ListLabel | None:
        num_id, level = numbering_properties(properties, values)
        if num_id == 0:
            return None  # numId 0 switches off numbering the style would give
        linked = self.styles.numbering(style_id)
        if num_id is None:
            if linked is None:
                return None
            num_id = linked[0]
        if level is None:
            # ECMA-376 17.9.23: the level whose w:pStyle names the style wins over the style's own ilvl.
            level = self.numbering.level_for_style(num_id, style_id)
        if level is None:
            level = linked[1] if linked is not None and linked[1] is not None else 0
        return self.counter.label(num_id, level)

    def _heading_level(
        self, properties: Element | None, style_id: str | None, values: AttributeReader
    ) -> int | None:
        direct = values.integer(child_value(properties, "outlineLvl"), "outlineLvl", OUTLINE_LEVEL)
        if direct is None:
            return self.styles.heading_level(style_id)
        return None if direct >= BODY_TEXT_OUTLINE else direct + 1


def path_below(ancestor: Element, element: Element) -> tuple[int, ...]:
    """Element-child indices from `ancestor` down to `element`."""
    steps: list[int] = []
    while element is not ancestor:
        parent = element.getparent()
        assert parent is not None  # `element` lies below `ancestor`
        steps.append(parent.index(element))
        element = parent
    return tuple(reversed(steps))
