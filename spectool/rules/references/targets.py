"""Where each reference of a spec points: the spec it names (latest version) or the spec it stands in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spectool.model.corpus import Corpus
from spectool.model.document import Block, Footnote, Note, Paragraph, Reference, Spec, Table, Text
from spectool.parsing.references import find_references
from spectool.rules.passages import FRONT

# "Section 4 of the Smart Energy Code": a document the reference grammar does not name as a spec.
_OTHER_DOCUMENT = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


@dataclass(frozen=True, slots=True)
class Located:
    """A reference with the text it stands in and the clause (or term) that holds it."""

    reference: Reference
    text: Text
    owner: str


def located_references(spec: Spec) -> Iterator[Located]:
    for clause in spec.clauses():
        for reference in clause.references:
            yield Located(reference, clause.text, clause.id)
        for item in clause.all_items():
            for reference in item.references:
                yield Located(reference, item.text, clause.id)
        for note in clause.notes:
            for reference in note.references:
                yield Located(reference, note.text, clause.id)
        yield from _in_attachments(clause.attachments, clause.id)
    for block in spec.front:
        yield from _in_free_block(block, FRONT)
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Note):
                for reference in block.references:
                    yield Located(reference, block.text, section.id)
            else:
                yield from _in_free_block(block, section.id)
    for definition in spec.definitions():
        for reference in definition.references:
            yield Located(reference, definition.text, definition.term)
        for sub_item in definition.all_items():
            for reference in sub_item.references:
                yield Located(reference, sub_item.text, definition.term)
        yield from _in_attachments(definition.attachments, definition.term)


def _in_free_block(block: Block, where: str) -> Iterator[Located]:
    """References in free paragraphs, footnotes and tables standing on their own (and front notes)."""
    if isinstance(block, Paragraph):
        owner = f"{where} {block.label}" if block.label else where
        for reference in block.references:
            yield Located(reference, block.text, owner)
        for item in block.all_items():
            for reference in item.references:
                yield Located(reference, item.text, owner)
    elif isinstance(block, Note) and where == FRONT:
        for reference in block.references:
            yield Located(reference, block.text, where)
    elif isinstance(block, Footnote | Table):
        yield from _in_attachments((block,), where)


def _in_attachments(attachments: tuple[object, ...], owner: str) -> Iterator[Located]:
    """References in footnotes and table cells (notes are read with their clause)."""
    for attachment in attachments:
        if isinstance(attachment, Footnote):
            for reference in attachment.references:
                yield Located(reference, attachment.text, owner)
        elif isinstance(attachment, Table):
            for cell in attachment.cells():
                for reference in find_references(cell):
                    yield Located(reference, cell, owner)


def names_other_document(located: Located) -> bool:
    """True when "Section 4" is followed by "of the Code" or the like: not a reference into a spec."""
    reference = located.reference
    if reference.spec is not None:
        return False
    return _OTHER_DOCUMENT.match(located.text.value, reference.offset + reference.length) is not None


def target_spec(spec: Spec, reference: Reference, corpus: Corpus) -> Spec | None:
    """The spec version a reference points into: this one, or the latest loaded version of the one named."""
    if reference.spec is None or reference.spec == spec.name:
        return spec
    return corpus.get(reference.spec)
