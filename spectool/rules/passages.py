"""The running text of a spec as passages: requirement text, notes and definitions, each with its owner."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from spectool.model.document import Clause, Definition, Note, Spec, Table, Text


class Kind(StrEnum):
    REQUIREMENT = "requirement"  # a clause's own text and its sub-items
    NOTE = "note"
    DEFINITION = "definition"


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of running text and the clause (or defined term) it belongs to."""

    text: Text
    owner: str  # the clause or section id, or the defined term
    kind: Kind


def requirement_passages(spec: Spec) -> Iterator[Passage]:
    """The normative text: every clause and its sub-items (notes and the glossary left out)."""
    for clause in spec.clauses():
        yield Passage(clause.text, clause.id, Kind.REQUIREMENT)
        for item in clause.all_items():
            yield Passage(item.text, clause.id, Kind.REQUIREMENT)


def all_passages(spec: Spec) -> Iterator[Passage]:
    """Every piece of running text: clauses, sub-items, notes and definitions."""
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Clause):
                yield Passage(block.text, block.id, Kind.REQUIREMENT)
                for item in block.all_items():
                    yield Passage(item.text, block.id, Kind.REQUIREMENT)
                yield from _notes(block.notes, block.id)
            elif isinstance(block, Definition):
                yield Passage(block.text, block.term, Kind.DEFINITION)
                for item in block.all_items():
                    yield Passage(item.text, block.term, Kind.DEFINITION)
                yield from _notes(tuple(a for a in block.attachments if isinstance(a, Note)), block.term)
            elif isinstance(block, Note):
                yield Passage(block.text, section.id, Kind.NOTE)


def _notes(notes: tuple[Note, ...], owner: str) -> Iterator[Passage]:
    for note in notes:
        yield Passage(note.text, owner, Kind.NOTE)


def tables(spec: Spec) -> Iterator[tuple[Table, str]]:
    """Every table and the clause, term or section it belongs to."""
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                yield block, section.id
            elif isinstance(block, Clause | Definition):
                owner = block.id if isinstance(block, Clause) else block.term
                for attachment in block.attachments:
                    if isinstance(attachment, Table):
                        yield attachment, owner


def table_text(table: Table) -> str:
    """A table's title and cells, one per line: enough to count words in, not to place findings."""
    cells = [table.title, *table.header, *(cell for row in table.rows for cell in row)]
    return "\n".join(cells)


def spec_words(spec: Spec) -> Iterator[str]:
    """Every text of the spec, headings and tables included, for "is this term used anywhere" questions."""
    for section in spec.sections:
        yield section.title
    for passage in all_passages(spec):
        yield passage.text.value
    for table, _ in tables(spec):
        yield table_text(table)
