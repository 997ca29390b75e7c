"""Put classified paragraphs and tables into the model in document order, keeping every one of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spectool.docx_import.classify import (
    Blank,
    Caption,
    ClauseStart,
    Contents,
    DefinitionStart,
    Heading,
    Item,
    Line,
    NoteStart,
    Piece,
    PlaceholderLine,
    Title,
    classify,
)
from spectool.docx_import.cover import CoverPage
from spectool.docx_import.drafts import (
    BlockList,
    ContentsDraft,
    NoteDraft,
    ParagraphDraft,
    SectionDraft,
    contents_line,
    is_roman_item,
)
from spectool.docx_import.issues import ImportIssue, excerpt
from spectool.docx_import.kept import Kept
from spectool.docx_import.normalise import clean_line, clean_text
from spectool.docx_import.origins import OriginLog
from spectool.docx_import.reading import Block, WordParagraph, WordTable
from spectool.docx_import.tables import GlossaryRow, caption_title, glossary_rows, is_glossary, plain_table
from spectool.model.document import Block as ModelBlock
from spectool.model.document import Footnote, Placeholder, Section, Text
from spectool.model.document import Heading as HeadingBlock
from spectool.model.numbers import ClauseNumber
from spectool.model.provenance import ENDNOTE, FOOTNOTE, BlockOrigin, WordLocation
from spectool.parsing.references import find_references

TEXT, ITEMS, NOTE, TABLE, FREE = "text", "items", "note", "table", "free"
_PLACEHOLDER_KINDS = {
    "an equation": "Equation",
    "an embedded object": "Object",
    "an embedded document": "Object",
}
MAX_HEADING_LEVEL = 9


class SpecAssembler:
    """A state machine over the document: where the next block goes, the paragraph that gets what follows."""

    def __init__(
        self, footnotes: dict[str, str], endnotes: dict[str, str], name: str = "", version: str = ""
    ) -> None:
        self.cover = CoverPage(name, version)
        self.notes = {"Footnote": footnotes, "Endnote": endnotes}
        self.note_numbers: dict[str, dict[str, int]] = {"Footnote": {}, "Endnote": {}}  # by kind, then id
        self.front = BlockList(attaches=False)
        self.sections: list[SectionDraft] = []
        self.seen: dict[ClauseNumber, int] = {}
        self.stack: list[ClauseNumber] = []
        self.holder: ParagraphDraft | None = None
        self.last = ""
        self.last_note: NoteDraft | None = None
        self.caption = ""
        self.caption_source: WordParagraph | None = None
        self.title = ""
        self.contents: ContentsDraft | None = None  # the contents list being read, if any
        self.kept = Kept()
        self.issues: list[ImportIssue] = []
        self.log = OriginLog()
        self.cited: set[int] = set()  # paragraphs whose notes have been placed
        self.blocks_read = 0

    @property
    def here(self) -> BlockList:
        """Where the next block goes: the open section, or the front matter before the first one."""
        return self.sections[-1] if self.sections else self.front

    def warn(self, paragraph: WordParagraph | None, message: str) -> None:
        if paragraph is None:
            self.issues.append(ImportIssue(0, "", message))
        else:
            self.issues.append(ImportIssue(paragraph.index, excerpt(paragraph.shown), message))

    def add(self, blocks: Iterable[Block]) -> None:
        """Take the blocks in document order; each is let go once the next has been read."""
        pending = iter(blocks)
        following = next(pending, None)
        while following is not None:
            block, following = following, next(pending, None)
            self.blocks_read += 1
            if isinstance(block, WordTable):
                self.contents = None
                self.table(block)
                continue
            piece = classify(block)
            for warning in block.ignored:
                self.warn(block, warning)
            if block.unterminated_fields:
                self.kept.add("unterminated field", block)
            if isinstance(piece, Caption) and isinstance(following, WordTable):
                self.caption = caption_title(piece.title)
                self.caption_source = block
                continue
            if not isinstance(piece, Contents | Blank):
                self.contents = None
            self.piece(piece)
            self.placeholders(block)
            self.cite_uncited(block)
        for paragraph, message in self.kept.summary():
            self.warn(paragraph, message)

    def piece(self, piece: Piece) -> None:
        if isinstance(piece, Contents):
            self.contents_entry(piece.source)
        elif isinstance(piece, Title):
            if self.title:
                self.line(piece.source, piece.source.text)
            else:  # the header keeps it, and export writes it back as the title
                self.title = clean_line(piece.source.text)
        elif isinstance(piece, Heading):
            self.heading(piece)
        elif isinstance(piece, ClauseStart):
            self.clause(piece)
        elif isinstance(piece, DefinitionStart):
            self.definition(piece)
        elif isinstance(piece, Item):
            self.item(piece)
        elif isinstance(piece, NoteStart):
            self.note(piece)
        elif isinstance(piece, Line):
            if piece.warning:
                self.warn(piece.source, piece.warning)
            if not self.cover_line(piece):
                self.line(piece.source, piece.text, piece.label)
        elif isinstance(piece, Caption):
            self.line(piece.source, piece.source.text)
        elif isinstance(piece, PlaceholderLine):
            self.holder, self.last = None, ""
            self.keep(Placeholder(piece.kind, piece.target, piece.description), piece.source)
            self.kept.add("exported placeholder", piece.source)
            self.cite(piece.source, None)
        elif not isinstance(piece, Blank):
            raise AssertionError(f"unhandled piece {piece!r}")

    def cover_line(self, piece: Line) -> bool:
        """A cover-page line before the first heading that the header keeps: version, status or date."""
        if self.sections or any(not isinstance(block, Footnote) for block in self.front.blocks):
            return False  # a note cited by the title stands before the cover lines, which go on
        taken, warning = self.cover.read(piece.text)
        if warning:
            self.warn(piece.source, warning)
        return taken

    def contents_entry(self, source: WordParagraph) -> None:
        entry = contents_line(clean_line(source.shown))
        if self.contents is None:
            self.contents = ContentsDraft()
            self.here.blocks.append(self.contents)
            self.holder, self.last = None, ""
        if entry:
            self.contents.entries.append(entry)
            self.log.add(self.contents, source.location)
        self.kept.add("contents", source)

    def heading(self, piece: Heading) -> None:
        self.holder, self.last = None, ""
        level = min(max(piece.source.heading_level or 1, 1), MAX_HEADING_LEVEL)
        if piece.number is None:
            self.keep(HeadingBlock(level, piece.title, piece.label), piece.source)
            self.kept.add("named heading" if piece.label else "unnumbered heading", piece.source)
        elif piece.number in self.seen and self.stack and self.stack[-1] == piece.number:
            # A heading that repeats the open section's number: what follows stays in that section.
            self.keep(HeadingBlock(level, piece.title, str(piece.number)), piece.source)
            self.kept.add("repeated heading", piece.source)
        elif not self.open_section(piece.number, piece.title, piece.source):
            self.keep(HeadingBlock(level, piece.title, str(piece.number)), piece.source)
            self.kept.add("misplaced heading", piece.source)
        else:
            self.log.add(self.sections[-1], piece.source.location)
        self.cite(piece.source, None)

    def keep(self, block: HeadingBlock | Placeholder, source: WordParagraph) -> None:
        self.here.blocks.append(block)
        self.log.add(block, source.location)

    def open_section(
        self, number: ClauseNumber, title: str, source: WordParagraph, subject: str = ""
    ) -> bool:
        """Open section `number`, adding empty headings for missing parents; `subject` is who needs it."""
        added = bool(subject)
        if number in self.seen:
            return False
        parent = number.parent
        if parent is not None and not self.is_open(parent):
            if parent in self.seen:
                return False
            if not self.open_section(parent, "", source, subject or f"section {number}"):
                return False
        if added:
            self.kept.add("added heading", source)
        self.sections.append(SectionDraft(number=number, title=title))
        self.seen[number] = source.index
        del self.stack[number.depth - 1 :]
        self.stack.append(number)
        return True

    def is_open(self, number: ClauseNumber) -> bool:
        """True when section `number` is on the heading stack, so a child section may follow."""
        return len(self.stack) >= number.depth and self.stack[number.depth - 1] == number

    def clause(self, piece: ClauseStart) -> None:
        number, source = piece.number, piece.source
        self.holder, self.last = None, ""
        if number in self.seen:
            self.free(source, [piece.text], str(number), "clause numbered twice")
            return
        section = self.stack[-1] if self.stack else None
        # A clause may stand deeper than its heading (3.2.1 directly under section 3), never outside it.
        inside = section is not None and number.depth > section.depth and number.is_within(section)
        parent = number.parent
        assert parent is not None  # a clause number has at least two parts
        if not inside and (
            parent in self.seen or not self.open_section(parent, "", source, f"clause {number}")
        ):
            self.free(source, [piece.text], str(number), "clause away from its section")
            return
        if not piece.text:
            self.free(source, [], str(number), "clause without text")
            return
        self.start_paragraph(ParagraphDraft([piece.text], number=number), source)

    def definition(self, piece: DefinitionStart) -> None:
        self.holder, self.last = None, ""
        if not self.sections:
            self.free(piece.source, [f'"{piece.term}" {piece.text}'], "", "definition before a section")
            return
        self.start_paragraph(ParagraphDraft([piece.text], term=piece.term), piece.source)

    def start_paragraph(self, draft: ParagraphDraft, source: WordParagraph) -> None:
        self.sections[-1].blocks.append(draft)
        self.log.add(draft, source.location)
        if draft.number is not None:
            self.seen[draft.number] = source.index
        self.holder, self.last = draft, TEXT
        self.cite(source, draft)

    def free(self, source: WordParagraph, lines: list[str], label: str, kind: str) -> None:
        """Keep text that can be no clause as a free paragraph, with the number it shows."""
        lines = [line for line in lines if line.strip()]
        if not lines and not label:
            return
        draft = ParagraphDraft(lines, label=label.replace("]", ")"))
        self.here.blocks.append(draft)
        self.log.add(draft, source.location)
        self.holder, self.last = draft, FREE
        self.kept.add(kind, source)
        self.cite(source, None)

    def item(self, piece: Item) -> None:
        holder = self.holder
        if holder is None or not piece.text:
            self.free(piece.source, [piece.text], f"({piece.label})", "sub-item with no paragraph above")
            self.holder = None  # the next sub-item is free text too, not a sub-item of this one
            return
        roman = is_roman_item(holder, piece.label, piece.number_format)
        warning = holder.add_item(piece.label, roman, piece.text)
        if warning:
            self.warn(piece.source, warning)
        self.last = ITEMS
        self.log.add(holder, piece.source.location)
        self.cite(piece.source, holder)

    def note(self, piece: NoteStart) -> None:
        draft = NoteDraft(piece.label, [piece.text])
        self.here.attach(draft)
        self.log.add(draft, piece.source.location)
        self.last, self.last_note = NOTE, draft
        self.cite(piece.source, None if self.holder is None or self.holder.is_free else self.holder)

    def line(self, source: WordParagraph, text: str, label: str = "") -> None:
        """Unnumbered text continues the clause text or note just before it; else it is a free paragraph."""
        # A numbered line ("(iii) ...") would read back as a sub-item of a free paragraph: it stands apart.
        if self.last == TEXT and self.holder is not None and not (label and self.holder.is_free):
            self.holder.lines.append(text)
            self.log.add(self.holder, source.location)
            self.cite(source, self.holder)
        elif self.last == NOTE and self.last_note is not None:
            self.last_note.lines.append(text)
            self.log.add(self.last_note, source.location)
            self.cite(source, self.holder)
        elif self.last == ITEMS and self.holder is not None and self.holder.items and label:
            deepest = self.holder.items[-1].deepest()
            deepest.lines.append(text)
            self.log.add(self.holder, source.location)
            self.warn(
                source,
                f"{label} cannot be a sub-item in the source format: kept as text of ({deepest.label})",
            )
            self.cite(source, self.holder)
        else:
            shown = text
            if label and text.startswith(label):
                shown = text[len(label) :].strip()
            self.free(source, [shown], label, "free paragraph")

    def table(self, table: WordTable) -> None:
        caption, self.caption = self.caption, ""
        caption_source, self.caption_source = self.caption_source, None
        first = next((cell[0] for row in table.rows for cell in row if cell), None)
        paragraphs = [paragraph for row in table.rows for cell in row for paragraph in cell]
        for paragraph in paragraphs:
            for warning in paragraph.ignored:
                self.warn(paragraph, warning)
            if paragraph.unterminated_fields:
                self.kept.add("unterminated field", paragraph)
        for warning in table.ignored:
            self.warn(first, warning)
        if table.nested_tables:
            self.warn(first, "a table inside a table cell is flattened into the cell's text")
        section = self.sections[-1] if self.sections else None
        held: list[tuple[WordParagraph | None, str]] = []  # warned about only if read as a glossary
        glossary = section is not None and is_glossary(table, section.title)
        rows = glossary_rows(table, lambda *warning: held.append(warning)) if glossary else []
        if section is not None and glossary and self.keeps_glossary(rows, caption):
            for where, message in held:
                self.warn(where, message)
            if caption_source is not None:
                self.free(caption_source, [caption_source.shown], "", "glossary caption")
            self.glossary(section, table, rows)
        else:
            built = plain_table(table, caption)
            if built is not None:
                self.here.attach(built)
                if caption_source is not None:
                    self.log.add(built, caption_source.location)
                self.log.add(built, table.location)
                if section is None:
                    self.kept.add("table before a section", first)
            self.last = TABLE
        for paragraph in paragraphs:
            self.cite(paragraph, None)
            self.placeholders(paragraph)
        if caption_source is not None:
            self.cite_uncited(caption_source)
            self.placeholders(caption_source)

    def keeps_glossary(self, rows: list[GlossaryRow], caption: str) -> bool:
        """Whether a glossary table can be definitions: free text opening it (its caption, a row lacking
        a term or a definition) would read back, after export, as a further line of the clause text or
        note just before the table, so then the table is kept whole as a table."""
        opening = next((row.kind for row in rows if row.kind != "blank"), "")
        return not ((caption or opening in ("free", "header")) and self.last in (TEXT, NOTE))

    def glossary(self, section: SectionDraft, table: WordTable, rows: list[GlossaryRow]) -> None:
        """Each row in its place: a definition, free text, or more of the definition above."""
        for row in rows:
            if row.draft is None:
                self.kept.add("empty glossary row", row.source)
                continue
            if row.kind == "free":
                self.kept.add("glossary row as free text", row.source)
            elif row.kind == "header":
                self.kept.add("glossary header row", row.source)
            if row.kind != "continued":
                section.blocks.append(row.draft)
            self.log.add(row.draft, table.row_location(row.row))
            self.holder = row.draft
        self.last = TABLE

    def placeholders(self, source: WordParagraph) -> None:
        """Pictures, equations and objects stand after their paragraph as placeholders."""
        for index, what in enumerate(source.dropped, 1):
            kind = _PLACEHOLDER_KINDS.get(what.partition(":")[0], "Image")
            target = f"word/document.xml#paragraph-{source.index}" + (f"-{index}" if index > 1 else "")
            self.keep(Placeholder(kind, target, " ".join(what.split())), source)
            self.kept.add("placeholder", source)
        # A text box's words are the document's words: each of its paragraphs stands after the anchor.
        for text in source.boxed:
            self.free(source, [text], "", "text box paragraph")
        if source.hidden and not source.text.strip():
            # Word hides it from the reader, so it cannot be a clause, but it is still the document's text.
            self.free(source, [source.hidden], "hidden", "hidden paragraph")

    def cite_uncited(self, source: WordParagraph) -> None:
        """The notes of a paragraph that no block took (an empty paragraph, the title, a cover line,
        a contents entry, a caption) stand after it."""
        if (source.footnotes or source.endnotes) and source.index not in self.cited:
            self.cite(source, None)

    def cite(self, source: WordParagraph, holder: ParagraphDraft | None) -> None:
        """Footnotes and endnotes go with the clause that cites them, or stand after the paragraph."""
        if source.footnotes or source.endnotes:
            self.cited.add(source.index)
        cited = [("Footnote", key) for key in source.footnotes]
        cited += [("Endnote", key) for key in source.endnotes]
        for kind, key in cited:
            numbers = self.note_numbers[kind]
            if key in numbers:
                # Word cites a note once: a note copied at every citation of a crafted document multiplies.
                self.warn(
                    source, f"{kind.lower()} {numbers[key]} is cited again: its text stays where first cited"
                )
                continue
            number = numbers[key] = len(numbers) + 1
            text = Text(clean_text(self.notes[kind].get(key, "")))
            note = Footnote(kind, str(number), text, find_references(text))
            if key.lstrip("-").isdigit():
                self.log.add(note, WordLocation(FOOTNOTE if kind == "Footnote" else ENDNOTE, int(key)))
            if holder is not None and not holder.is_free:
                holder.attachments.append(note)
            else:
                self.here.attach(note)

    def build(self) -> BuiltSpec:
        """The front matter and the sections, each built and its origins found before the next, and its
        drafts let go: drafts and model never both take the memory of the whole document."""
        front = self.front.build_blocks()
        origins = self.log.origins(self.front, front)
        self.front = BlockList(attaches=False)
        drafts, self.sections = self.sections, []
        drafts.reverse()
        sections: list[Section] = []
        while drafts:
            draft = drafts.pop()
            section = draft.build()
            origins.extend(self.log.origins(draft, section))
            sections.append(section)
        return BuiltSpec(front, tuple(sections), tuple(origins))


@dataclass(frozen=True, slots=True)
class BuiltSpec:
    """What the assembler built: the front matter, the sections, and where each block came from."""

    front: tuple[ModelBlock, ...]
    sections: tuple[Section, ...]
    origins: tuple[BlockOrigin, ...]
