"""Footnote and endnote texts (footnotes.xml, endnotes.xml), by the id that body text cites them with."""

from __future__ import annotations

from spectool.docx_import.normalise import clean_lines
from spectool.docx_import.runs import FieldState, read_paragraph
from spectool.wordml.names import Element, attribute, w

_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")


def read_note_texts(root: Element | None, kind: str) -> dict[str, str]:
    """`kind` is "footnote" or "endnote"; each note's paragraphs become lines of its text."""
    texts: dict[str, str] = {}
    if root is None:
        return texts
    for note in root.iterfind(w(kind)):
        if attribute(note, "type") in _NOT_NOTES:
            continue
        fields = FieldState.of(note)
        lines: list[str] = []
        for paragraph in note.iter(w("p")):
            lines.extend(clean_lines(read_paragraph(paragraph, fields).text))
        texts[attribute(note, "id") or ""] = "\n".join(lines)
    return texts
