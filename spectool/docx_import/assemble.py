"""Put classified paragraphs and tables into sections the way the source format reads them back."""

from __future__ import annotations

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
    Title,
    classify,
)
from spectool.docx_import.cover import CoverPage
from spectool.docx_import.drafts import NoteDraft, ParagraphDraft, SectionDraft, is_roman_item
from spectool.docx_import.issues import ImportIssue, excerpt
from spectool.docx_import.normalise import clean_line
from spectool.docx_import.reading import Block, WordParagraph, WordTable
from spectool.docx_import.tables import caption_title, glossary_definitions, is_glossary, plain_table
from spectool.model.document import Section
from spectool.model.numbers import ClauseNumber

TEXT, ITEMS, NOTE, TABLE = "text", "items", "note", "table"


class SpecAssembler:
    """A state machine over the document: the open section, the clause that gets what follows, warnings."""

    def __init__(
        self, footnotes: dict[str, str], endnotes: dict[str, str], name: str = "", version: str = ""
    ) -> None:
        self.cover = CoverPage(name, version)
        self.notes = {"Footnote": footnotes, "Endnote": endnotes}
        self.note_numbers: dict[str, dict[str, int]] = {"Footnote": {}, "Endnote": {}}  # by kind, then id
        self.sections: list[SectionDraft] = []
        self.seen: dict[ClauseNumber, int] = {}
        self.stack: list[ClauseNumber] = []
        self.holder: ParagraphDraft | None = None
        self.last = ""
        self.last_note: NoteDraft | None = None
        self.lost = ""  # why what follows has no place, until the next heading or clause
        self.caption = ""
        self.title = ""
        self.contents: list[WordParagraph] = []
        self.issues: list[ImportIssue] = []

    def warn(self, paragraph: WordParagraph | None, message: str) -> None:
        if paragraph is None:
            self.issues.append(ImportIssue(0, "", message))
        else:
            self.issues.append(ImportIssue(paragraph.index, excerpt(paragraph.shown), message))

    def where_lost(self) -> str:
        return f"after {self.lost}" if self.lost else "before the first numbered heading"

    def add(self, blocks: list[Block]) -> None:
        for position, block in enumerate(blocks):
            if isinstance(block, WordTable):
                self.table(block)
                continue
            piece = classify(block)
            for warning in block.warnings:
                self.warn(block, warning)
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            if isinstance(piece, Caption) and isinstance(following, WordTable):
                self.caption = caption_title(piece.title)
                continue
            self.piece(piece)
        if self.contents:
            count = len(self.contents)
            self.warn(self.contents[0], f"a table of contents ({count} paragraphs) is left out")

    def piece(self, piece: Piece) -> None:
        if isinstance(piece, Contents):
            self.contents.append(piece.source)
        elif isinstance(piece, Title) and not self.title:
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
        elif isinstance(piece, Caption | Title):
            self.line(piece.source, piece.source.text)
        elif not isinstance(piece, Blank):
            raise AssertionError(f"unhandled piece {piece!r}")

    def cover_line(self, piece: Line) -> bool:
        """A cover-page line that fills the header, before the first heading."""
        if self.sections:
            return False
        taken, warning = self.cover.read(piece.text)
        if warning:
            self.warn(piece.source, warning)
        return taken

    def heading(self, piece: Heading) -> None:
        self.holder, self.last = None, ""
        if piece.number is None:
            self.warn(piece.source, "a heading without a number cannot be a section: left out")
            self.lost = "an unnumbered heading"
            self.cite(piece.source, None)
            return
        opened = self.open_section(piece.number, piece.title, piece.source)
        self.lost = "" if opened else f"heading {piece.number}, which was left out"
        self.cite(piece.source, None)

    def open_section(
        self, number: ClauseNumber, title: str, source: WordParagraph, subject: str = ""
    ) -> bool:
        """Open section `number`, adding empty headings for missing parents; `subject` is who needs it."""
        added = bool(subject)
        if number in self.seen:
            if self.stack and self.stack[-1] == number and not added:
                self.warn(source, f"repeats heading {number}: what follows stays in section {number}")
                return True
            self.twice(number, source)
            return False
        parent = number.parent
        if parent is not None and not self.is_open(parent):
            if parent in self.seen:
                self.warn(
                    source,
                    f"{subject or f'section {number}'} belongs under section {parent}, which another section "
                    "has closed: the source format keeps a section's content under its heading, so it is "
                    "left out",
                )
                return False
            if not self.open_section(parent, "", source, subject or f"section {number}"):
                return False
        if added:
            self.warn(source, f"no heading {number} stands above this: an empty heading {number} is added")
        self.sections.append(SectionDraft(number, title))
        self.seen[number] = source.index
        del self.stack[number.depth - 1 :]
        self.stack.append(number)
        return True

    def is_open(self, number: ClauseNumber) -> bool:
        """True when section `number` is on the heading stack, so a child section may follow."""
        return len(self.stack) >= number.depth and self.stack[number.depth - 1] == number

    def twice(self, number: ClauseNumber, source: WordParagraph) -> None:
        self.warn(source, f"{number} is numbered twice (first at paragraph {self.seen[number]}): left out")

    def clause(self, piece: ClauseStart) -> None:
        number, source = piece.number, piece.source
        self.holder, self.last, self.lost = None, "", f"clause {number}, which was left out"
        if not piece.text:
            self.warn(source, f"clause {number} has no text after its number, as the format needs: left out")
            return
        if number in self.seen:
            self.twice(number, source)
            return
        parent = number.parent
        assert parent is not None  # a clause number has at least two parts
        if not (self.stack and self.stack[-1] == parent):
            if parent in self.seen:
                where = f"section {self.stack[-1]}" if self.stack else "no section"
                self.warn(
                    source,
                    f"clause {number} stands under {where}, away from section {parent}: the source format "
                    "keeps a section's clauses under its heading, so it is left out",
                )
                return
            if not self.open_section(parent, "", source, f"clause {number}"):
                return
        self.start_paragraph(ParagraphDraft([piece.text], number=number), source)

    def definition(self, piece: DefinitionStart) -> None:
        self.holder, self.last = None, ""
        if not self.sections or self.lost:
            self.warn(piece.source, f"a definition {self.where_lost()}: left out")
            return
        self.start_paragraph(ParagraphDraft([piece.text], term=piece.term), piece.source)

    def start_paragraph(self, draft: ParagraphDraft, source: WordParagraph) -> None:
        self.sections[-1].blocks.append(draft)
        if draft.number is not None:
            self.seen[draft.number] = source.index
        self.holder, self.last, self.lost = draft, TEXT, ""
        self.cite(source, draft)

    def item(self, piece: Item) -> None:
        holder = self.holder
        if holder is None or self.lost:
            self.warn(piece.source, f"sub-item ({piece.label}) with no clause or definition above: left out")
            return
        if not piece.text:
            self.warn(piece.source, f"sub-item ({piece.label}) has no text, as the format needs: left out")
            return
        roman = is_roman_item(holder, piece.label, piece.number_format)
        warning = holder.add_item(piece.label, roman, piece.text)
        if warning:
            self.warn(piece.source, warning)
        self.last = ITEMS
        self.cite(piece.source, holder)

    def note(self, piece: NoteStart) -> None:
        if not self.sections or self.lost:
            self.warn(piece.source, f"a note {self.where_lost()}: left out")
            return
        draft = NoteDraft(piece.label, [piece.text])
        self.sections[-1].attach(draft)
        self.last, self.last_note = NOTE, draft
        self.cite(piece.source, self.holder)

    def line(self, source: WordParagraph, text: str, label: str = "") -> None:
        """Unnumbered text continues the text or note just before it; anywhere else it is reported."""
        kept = not self.lost and bool(self.sections)
        if not kept:
            self.warn(source, f"text {self.where_lost()}: left out")
        elif self.last == TEXT and self.holder is not None:
            self.holder.lines.append(text)
        elif self.last == NOTE and self.last_note is not None:
            self.last_note.lines.append(text)
        elif self.last == ITEMS and self.holder is not None and label:
            deepest = self.holder.items[-1].deepest()
            deepest.lines.append(text)
            self.warn(
                source,
                f"{label} cannot be a sub-item in the source format: kept as text of ({deepest.label})",
            )
        else:
            kept = False
            self.warn(source, self.no_place())
        self.cite(source, self.holder if kept else None)

    def no_place(self) -> str:
        if self.last == ITEMS and self.holder is not None:
            return f"unnumbered text after the sub-items of {self.holder.name} has no place: left out"
        if self.last == TABLE:
            return "unnumbered text after a table has no place in the source format: left out"
        where = f"section {self.stack[-1]}" if self.stack else "a heading"
        return f"text directly under {where} that is no clause, note or table: left out"

    def table(self, table: WordTable) -> None:
        caption, self.caption = self.caption, ""
        first = next((cell[0] for row in table.rows for cell in row if cell), None)
        for paragraph in (paragraph for row in table.rows for cell in row for paragraph in cell):
            for warning in paragraph.warnings:
                self.warn(paragraph, warning)
            self.cite(paragraph, None)
        for warning in table.ignored:
            self.warn(first, warning)
        if table.nested_tables:
            self.warn(first, "a table inside a table cell is flattened into the cell's text")
        if not self.sections or self.lost:
            self.warn(first, f"a table {self.where_lost()}: left out")
            return
        section = self.sections[-1]
        if is_glossary(table, section.title):
            for draft in glossary_definitions(table, self.warn):
                section.blocks.append(draft)
                self.holder = draft
            self.last = TABLE
            return
        built = plain_table(table, caption, self.warn)
        if built is None:
            return
        section.attach(built)
        self.last = TABLE

    def cite(self, source: WordParagraph, holder: ParagraphDraft | None) -> None:
        """Footnotes and endnotes become notes of the clause that cites them, or warnings."""
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
            text = self.notes[kind].get(key, "")
            if holder is None:
                self.warn(source, f"{kind.lower()} {number} has no clause to attach to: left out: {text}")
            else:
                holder.attachments.append(NoteDraft("", [f"{kind} {number}: {text}"]))

    def build(self) -> tuple[Section, ...]:
        return tuple(section.build() for section in self.sections)
