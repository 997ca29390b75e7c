"""Headings, the sections they open (with empty parents added where needed), and the clauses and
definitions inside them."""

from __future__ import annotations

from spectool.docx_import.classify import ClauseStart, DefinitionStart, Heading
from spectool.docx_import.drafts import ParagraphDraft, SectionDraft
from spectool.docx_import.paragraph_placing import ParagraphPlacing
from spectool.docx_import.reading import WordParagraph
from spectool.model.document import Heading as HeadingBlock
from spectool.model.numbers import ClauseNumber
from spectool.wordml.part_labels import label_count

MAX_HEADING_LEVEL = 9


class SectionPlacing(ParagraphPlacing):
    """Opens sections as headings and clause numbers call for them; what cannot open one stays as text."""

    def heading(self, piece: Heading) -> None:
        self.holder, self.last = None, ""
        level = min(max(piece.source.heading_level or 1, 1), MAX_HEADING_LEVEL)
        if piece.number is None:
            self.keep(HeadingBlock(level, piece.title, piece.label), piece.source)
            self.kept.add("named heading" if piece.label else "unnumbered heading", piece.source)
            if piece.label:
                self.named_source = piece.source
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
        section = self.section_from_heading(number) if added else None
        if section is None:
            if added:
                self.kept.add("added heading", source)
            section = SectionDraft(number=number, title=title)
        self.sections.append(section)
        self.seen[number] = source.index
        del self.stack[number.depth - 1 :]
        self.stack.append(number)
        return True

    def section_from_heading(self, number: ClauseNumber) -> SectionDraft | None:
        """Section `number`, opened by the last heading here when that heading's label counts to it:
        "Part I" before clause 1.1 is section 1 (Word numbers "Part %1" with what follows on one list).
        The free paragraphs after the heading go into the section; the label leads its title."""
        blocks = self.here.blocks
        index = next((i for i in range(len(blocks) - 1, -1, -1) if isinstance(blocks[i], HeadingBlock)), None)
        if index is None or number.is_inserted:
            return None
        heading = blocks[index]
        assert isinstance(heading, HeadingBlock)
        after = blocks[index + 1 :]
        if (
            heading.level != number.depth
            or label_count(heading.label) != number.last
            or not all(isinstance(block, ParagraphDraft) and block.is_free for block in after)
        ):
            return None
        section = SectionDraft(after, number=number, title=f"{heading.label} {heading.title}".strip())
        del blocks[index:]
        locations = self.log.take(heading)
        for location in locations:
            self.log.add(section, location)
        source = self.named_source
        # The warning points at this heading: it is the last kept with a label (only free text since).
        self.kept.move(
            "named heading",
            "heading counting to its section",
            source if source is not None and source.location in locations else None,
        )
        return section

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
