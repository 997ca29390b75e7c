"""The body of an export: the cover, then every block of the spec as Word paragraphs and tables.

Clause and section numbers are typed at the start of their paragraph ("5.7.1 ESME shall ..."), as the
existing export and the redline write them; numbers that are no clause numbers are Word list labels
(spectool.docx_export.labels). A footnote or endnote is cited at the end of the paragraph written
just before it, which is where the importer puts it back.
"""

from __future__ import annotations

from spectool.diff.page import GLOSSARY_HEADER, clean_text
from spectool.docx_export.contents import contents_entries, section_level
from spectool.docx_export.labels import LabelLists, typed_heading_reads_back
from spectool.docx_export.tables import cell_paragraphs, glossary_widths, table_view
from spectool.docx_export.view import (
    ENDNOTE,
    FOOTNOTE,
    BodyBlock,
    CellView,
    ContentsView,
    NoteView,
    ParagraphView,
    RowView,
    Run,
    TableView,
)
from spectool.model.document import (
    Block,
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Section,
    Spec,
    SubItem,
    Table,
)
from spectool.wordml.captions import caption_line
from spectool.wordml.part_labels import counted_labels, shown_label

BODY_BOOKMARK = "_SpectoolBody"  # where the body starts, after the cover (as in a redline)
HEADING_STYLES = 9


class BodyWriter:
    """Collects the body's blocks, the notes they cite and the list labels they show."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.blocks: list[BodyBlock] = []
        self.notes: list[NoteView] = []
        self.labels = LabelLists()
        self._contents = contents_entries(spec)

    def write(self) -> list[BodyBlock]:
        self.cover()
        first = len(self.blocks)
        for block in self.spec.front:
            self.block(block, None)
        sections = self.spec.sections
        for index, (section, counted) in enumerate(zip(sections, counted_labels(sections), strict=True)):
            following = sections[index + 1] if index + 1 < len(sections) else None
            if not is_added_heading(section, following):
                self.section_heading(section, counted)
            self.section(section)
        self.mark_body_start(first)
        return self.blocks

    def cover(self) -> None:
        spec = self.spec
        if spec.title:
            self.paragraph("Title", clean_text(spec.title))
        self.paragraph("Subtitle", clean_text(f"{spec.name} version {spec.version}"))
        for name, value in (("Status", spec.status), ("Date", spec.date)):
            if value:
                runs = (Run(f"{name}: ", bold=True), Run(clean_text(value)))
                self.blocks.append(ParagraphView("CoverField", runs))

    def mark_body_start(self, first: int) -> None:
        block = self.blocks[first] if first < len(self.blocks) else None
        if isinstance(block, ParagraphView):
            self.blocks[first] = ParagraphView(block.style, block.runs, block.list_id, BODY_BOOKMARK)
        else:  # a table or contents list first, or no body at all: an empty paragraph holds the mark
            self.blocks.insert(first, ParagraphView("BodyText", (), 0, BODY_BOOKMARK))

    def paragraph(self, style: str, text: str, list_id: int = 0) -> None:
        self.blocks.append(ParagraphView(style, (Run(text),) if text else (), list_id))

    def section_heading(self, section: Section, counted: tuple[str, str] | None) -> None:
        """ "1 Scope" typed; a section counted from its label ("Part I Scope") as the document showed it,
        with "Part I" as Word's label where that label reads back as it is (spectool.wordml.part_labels)."""
        style = f"Heading{section_level(section)}"
        if counted is None:
            self.paragraph(style, clean_text(f"{section.number} {section.title}".rstrip()))
        elif shown_label(counted[0]):
            self.paragraph(style, clean_text(counted[1]), self.labels.id_of(counted[0]))
        else:
            self.paragraph(style, clean_text(section.title))

    def section(self, section: Section) -> None:
        glossary: list[Definition] = []
        for block in (*section.blocks, None):
            if isinstance(block, Definition):
                glossary.append(block)
                continue
            if glossary:
                self.glossary(glossary)
                glossary = []
            if block is not None:
                self.block(block, section)

    def block(self, block: Block, section: Section | None) -> None:
        if isinstance(block, Clause):
            self.paragraph("Clause", clean_text(f"{block.number} {block.text.flat}".rstrip()))
            self.items(block.items, 1)
            for attachment in block.attachments:
                self.block(attachment, section)
        elif isinstance(block, Paragraph):
            list_id = self.labels.id_of(block.label) if block.label else 0
            self.paragraph("BodyText", clean_text(block.text.flat), list_id)
            self.items(block.items, 1)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Note):
            label = f"Note {block.label}:" if block.label else "Note:"
            self.paragraph("Note", clean_text(f"{label} {block.text.flat}".rstrip()))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Footnote):
            self.cite(block)
        elif isinstance(block, Contents):
            self.blocks.append(ContentsView(self._contents))
        elif isinstance(block, Placeholder):
            described = f" -- {block.description}" if block.description else ""
            self.paragraph("Placeholder", clean_text(f"{block.kind}: {block.target}{described}"))
        elif isinstance(block, Definition):
            self.glossary([block])

    def heading(self, heading: Heading) -> None:
        level = min(max(heading.level, 1), HEADING_STYLES)
        title = clean_text(heading.title)
        if not heading.label or typed_heading_reads_back(level, heading.label, title):
            self.paragraph(f"Heading{level}", clean_text(f"{heading.label} {title}".strip()))
        else:
            self.paragraph(f"Heading{level}", title, self.labels.id_of(heading.label))

    def items(self, items: tuple[SubItem, ...], level: int) -> None:
        for item in items:
            self.paragraph(f"SubItem{min(level, 2)}", clean_text(f"({item.label}) {item.text.flat}".rstrip()))
            self.items(item.items, level + 1)

    def table(self, table: Table) -> None:
        view = table_view(table)
        if view is None:
            return
        if table.title:
            # A title that holds its own number ("Table 3: Alerts") is the caption as it was read.
            self.paragraph("Caption", clean_text(caption_line(table.title)))
        self.blocks.append(view)

    def glossary(self, definitions: list[Definition]) -> None:
        """Definitions as one two-column table, Term / Definition, each with its items and notes."""
        term_width, text_width = glossary_widths()
        header = RowView(
            tuple(
                CellView(cell_paragraphs(text, "TableHeading"), width)
                for text, width in zip(GLOSSARY_HEADER, (term_width, text_width), strict=True)
            ),
            header=True,
        )
        rows = [header]
        for definition in definitions:
            inner = BodyWriter(self.spec)
            inner.notes, inner.labels = self.notes, self.labels
            inner.paragraph("TableText", clean_text(definition.text.flat))
            inner.items(definition.items, 1)
            for attachment in definition.attachments:
                inner.block(attachment, None)
            term = CellView(cell_paragraphs(clean_text(definition.term), "TableText"), term_width)
            blocks = tuple(block for block in inner.blocks if not isinstance(block, ContentsView))
            rows.append(RowView((term, CellView(blocks, text_width))))
        self.blocks.append(TableView("Glossary", (term_width, text_width), tuple(rows)))

    def cite(self, note: Footnote) -> None:
        """The note's text goes to footnotes.xml (or endnotes.xml); its mark ends the last paragraph."""
        kind = FOOTNOTE if note.kind == "Footnote" else ENDNOTE
        number = 1 + sum(1 for existing in self.notes if existing.kind == kind)
        # Each line of the note's text is a paragraph of the note, as the import reads them back.
        lines = tuple(clean_text(line) for line in note.text.value.split("\n"))
        self.notes.append(NoteView(kind, number, lines))
        mark = Run(note=kind, note_id=number)
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, ParagraphView):
            self.blocks[-1] = last.with_run(mark)
        elif isinstance(last, TableView):
            self.blocks[-1] = last.with_last_run(mark)
        else:  # nothing to cite it from: a paragraph of its own keeps the note in the document
            self.blocks.append(ParagraphView("BodyText", (mark,)))


def is_added_heading(section: Section, following: Section | None) -> bool:
    """A heading with a number and no title that the import adds by itself, as it added it to the
    original: the parent of a clause or section that comes next with no heading of its own between."""
    if section.title:
        return False
    first = section.blocks[0] if section.blocks else None
    if isinstance(first, Clause):
        return first.number.parent == section.number
    return first is None and following is not None and following.number.parent == section.number
