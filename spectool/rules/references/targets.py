"""Where each reference of a spec points: the spec it names (latest version) or the spec it stands in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spectool.model.corpus import Corpus
from spectool.model.document import Note, Reference, Spec, Text

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
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Note):
                for reference in block.references:
                    yield Located(reference, block.text, section.id)
    for definition in spec.definitions():
        for reference in definition.references:
            yield Located(reference, definition.text, definition.term)
        for sub_item in definition.all_items():
            for reference in sub_item.references:
                yield Located(reference, sub_item.text, definition.term)


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
