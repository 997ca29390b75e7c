"""Paragraphs that are no heading or table put in their place: clause and definition text, sub-items,
notes, further lines, free paragraphs, placeholders, cover lines and contents entries."""

from __future__ import annotations

from spectool.docx_import.assembly_state import FREE, ITEMS, NOTE, TEXT
from spectool.docx_import.citations import NoteCitations
from spectool.docx_import.classify import Item, Line, NoteStart
from spectool.docx_import.drafts import ContentsDraft, NoteDraft, ParagraphDraft, contents_line, is_roman_item
from spectool.docx_import.normalise import clean_line
from spectool.docx_import.reading import WordParagraph
from spectool.model.document import Footnote, Placeholder

_PLACEHOLDER_KINDS = {
    "an equation": "Equation",
    "an embedded object": "Object",
    "an embedded document": "Object",
}


class ParagraphPlacing(NoteCitations):
    """Where each paragraph goes, given what was placed before it."""

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
