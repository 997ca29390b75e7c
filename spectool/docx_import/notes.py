"""Footnote and endnote texts (footnotes.xml, endnotes.xml), by the id that body text cites them with."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.docx_import.normalise import clean_lines
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.reading import DocumentReader, WordParagraph
from spectool.docx_import.runs import FieldState
from spectool.docx_import.styles import StyleSheet
from spectool.wordml.names import Element, attribute, w

_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")


def read_note_texts(
    root: Element | None,
    kind: str,
    styles: StyleSheet | None = None,
    numbering: NumberingDefinitions | None = None,
) -> dict[str, str]:
    """`kind` is "footnote" or "endnote"; each note's paragraphs become lines of its text, a numbered
    paragraph's line led by the label Word shows ("(a) ...") by the document's `styles` and lists."""
    return {
        key: "\n".join(line for paragraph in paragraphs for line in clean_lines(shown(paragraph)))
        for key, paragraphs in note_paragraphs(root, kind, styles, numbering)
    }


def note_paragraphs(
    root: Element | None,
    kind: str,
    styles: StyleSheet | None = None,
    numbering: NumberingDefinitions | None = None,
) -> Iterator[tuple[str, list[WordParagraph]]]:
    """Each note's id and its paragraphs, with the numbers Word shows, in the part's order."""
    if root is None:
        return
    # Word counts a list in the notes apart from the body's, from one note to the next, and keeps
    # footnotes and endnotes apart (stories of their own): one count for the whole part.
    reader = DocumentReader(
        styles or StyleSheet.from_element(None), numbering or NumberingDefinitions.from_elements(None, None)
    )
    for note in root.iterfind(w(kind)):
        if attribute(note, "type") in _NOT_NOTES:
            continue
        reader.fields = FieldState.of(note)
        yield attribute(note, "id") or "", [reader.paragraph(paragraph) for paragraph in note.iter(w("p"))]


def shown(paragraph: WordParagraph) -> str:
    """The paragraph as a line of a note: Word's label first, a bullet as "- " as in the body."""
    label = paragraph.label
    if label is not None and label.is_bullet and paragraph.text:
        return f"- {paragraph.text}"
    return paragraph.shown
