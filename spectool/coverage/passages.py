"""The passages that speak for a clause: its text, sub-items, headings, the definitions it uses, notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from spectool.model.document import Clause, Definition, Section, Spec, Text


class Source(StrEnum):
    """Where in or around a clause a passage comes from."""

    TEXT = "text"
    SUB_ITEM = "sub-item"
    HEADING = "heading"
    DEFINITION = "definition"
    NOTE = "note"

    @property
    def normative(self) -> bool:
        """Every source but a note can make a clause address a row or a column."""
        return self is not Source.NOTE


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of text and where it stands, so a match in it can be shown at its line."""

    source: Source
    label: str  # "sub-item (a)", "heading 5.7 Power Supply", "definition of \"Polyphase ESME\""
    text: Text
    line: int = 0  # for text without line starts (a heading): where it begins
    column: int = 0

    def locate(self, offset: int) -> tuple[int, int]:
        if self.text.line_starts:
            return self.text.locate(offset)
        return (self.line, self.column + offset if self.line else 0)


def passages_of(spec: Spec, clause: Clause) -> tuple[Passage, ...]:
    """The clause's own passages, then its headings (nearest first), definitions used, and notes."""
    own = [Passage(Source.TEXT, "its text", clause.text)]
    own.extend(_items(clause, "sub-item", Source.SUB_ITEM))
    used = definitions_used(spec, " ".join(passage.text.value for passage in own))
    around = [*own, *_headings(spec, spec.section_of(clause))]
    for definition in used:
        around.append(Passage(Source.DEFINITION, f'definition of "{definition.term}"', definition.text))
        around.extend(_items(definition, f'definition of "{definition.term}"', Source.DEFINITION))
    for note in clause.notes:
        around.append(Passage(Source.NOTE, f"Note {note.label}".strip(), note.text))
    return tuple(around)


def definitions_used(spec: Spec, text: str) -> list[Definition]:
    """The spec's definitions whose term `text` uses, in glossary order.

    Matched with their capitals: SEC text capitalises a defined term, and "supply" in lower case
    is not the defined "Supply".
    """
    return [definition for definition in spec.definitions() if _defined_term(definition.term).search(text)]


@cache
def _defined_term(term: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _items(owner: Clause | Definition, kind: str, source: Source) -> Iterator[Passage]:
    for item in owner.all_items():
        yield Passage(source, f"{kind} ({item.label})", item.text)


def _headings(spec: Spec, section: Section) -> Iterator[Passage]:
    current: Section | None = section
    while current is not None:
        number = current.number
        # The title starts after the '#'s, the number and a space each: "## 5.7 Power Supply".
        column = current.position.column + number.depth + len(str(number)) + 2
        yield Passage(
            Source.HEADING,
            f"heading {number} {current.title}",
            Text(current.title),
            current.position.line,
            column,
        )
        current = spec.section(number.parent) if number.parent is not None else None
