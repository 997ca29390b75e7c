"""Footnotes and endnotes placed where first cited: with the clause citing them, or after the paragraph."""

from __future__ import annotations

from spectool.docx_import.assembly_state import AssemblyState
from spectool.docx_import.drafts import ParagraphDraft
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.reading import WordParagraph
from spectool.model.document import Footnote, Text
from spectool.model.provenance import ENDNOTE, FOOTNOTE, WordLocation
from spectool.parsing.references import find_references


class NoteCitations(AssemblyState):
    """Places each note the first time a paragraph cites it."""

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
