"""What a spec becomes through Word and back, by the rules docs/import.md ("Export") states.

A contents list is written afresh from the headings (an entry that opens with a sub-item label
read back with a backslash before it); Word numbers footnotes and endnotes in the order
they are cited, and each line of a note's text is a paragraph of the note; elsewhere a source line wrap
is layout (Word reflows paragraphs). A placeholder is written as
the line naming it, in the Placeholder style, which reads back as the placeholder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from spectool.docx_export.contents import contents_entries
from spectool.docx_import.drafts import contents_line
from spectool.docx_import.normalise import clean_lines
from spectool.model.document import Block, Contents, Footnote, Section, Spec, Text
from spectool.model.numbers import ClauseNumber
from tests.docx_import.test_roundtrip import as_word_keeps_it, unwrapped


def as_exported(spec: Spec) -> Spec:
    """The model `import(export(spec))` is expected to equal."""
    # A note's lines, as the import reads its paragraphs (spaces folded, empty ones gone), in the order
    # block() below meets the notes.
    note_texts = iter([Text("\n".join(clean_lines(note.text.value))) for note in _notes(spec)])
    spec = unwrapped(as_word_keeps_it(spec))
    # unwrapped() reads sections: the front matter is unwrapped as the blocks of a section of its own.
    holder = Section(ClauseNumber((0,)), "", spec.front)
    spec = dataclasses.replace(
        spec, front=unwrapped(dataclasses.replace(spec, sections=(holder,))).sections[0].blocks
    )
    entries = tuple(contents_line(text) for _, text in contents_entries(spec))
    counts = {"Footnote": 0, "Endnote": 0}

    def block(item: Any) -> Any:
        if isinstance(item, Contents):
            return Contents(entries)
        if isinstance(item, Footnote):
            counts[item.kind] += 1
            return dataclasses.replace(item, label=str(counts[item.kind]), text=next(note_texts))
        changes = {
            name: tuple(block(child) for child in getattr(item, name))
            for name in ("attachments", "blocks")
            if hasattr(item, name)
        }
        return dataclasses.replace(item, **changes) if changes else item

    front: tuple[Block, ...] = tuple(block(item) for item in spec.front)
    sections = tuple(block(section) for section in spec.sections)
    return dataclasses.replace(spec, front=front, sections=sections)


def _notes(spec: Spec) -> Iterator[Footnote]:
    """The spec's footnotes and endnotes: the front matter's, then each section's, attachments first."""

    def walk(item: Any) -> Iterator[Footnote]:
        if isinstance(item, Footnote):
            yield item
            return
        for name in ("attachments", "blocks"):
            for child in getattr(item, name, ()):
                yield from walk(child)

    for item in (*spec.front, *spec.sections):
        yield from walk(item)
