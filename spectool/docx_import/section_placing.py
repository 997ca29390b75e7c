"""Headings, the sections they open (with empty parents added where needed), and the clauses and
definitions inside them."""

from __future__ import annotations

from spectool.docx_import.classify import ClauseStart, DefinitionStart, Heading
from spectool.docx_import.drafts import ParagraphDraft, SectionDraft
from spectool.docx_import.paragraph_placing import ParagraphPlacing
from spectool.docx_import.reading import WordParagraph
from spectool.model.document import Heading as HeadingBlock
from spectool.model.numbers import ClauseNumber

MAX_HEADING_LEVEL = 9


class SectionPlacing(ParagraphPlacing):
    """Opens sections as headings and clause numbers call for them; what cannot open one stays as text."""

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
