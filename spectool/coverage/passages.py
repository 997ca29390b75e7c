"""The passages that speak for a clause: its text, sub-items, headings, the definitions it uses, notes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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
    return SpecPassages(spec).of(clause).all


def definitions_used(spec: Spec, text: str) -> list[Definition]:
    """The spec's definitions whose term `text` uses, in glossary order.

    Matched with their capitals: SEC text capitalises a defined term, and "supply" in lower case
    is not the defined "Supply".
    """
    return DefinedTerms(tuple(spec.definitions())).used(text)


@dataclass(frozen=True, slots=True)
class ClausePassages:
    """A clause's passages in order: its own, those it shares with other clauses, its notes."""

    own: tuple[Passage, ...]  # its text, then its sub-items
    shared: tuple[tuple[Passage, ...], ...]  # its headings, then each definition it uses: built once
    notes: tuple[Passage, ...]

    @property
    def all(self) -> tuple[Passage, ...]:
        return (*self.own, *(passage for block in self.shared for passage in block), *self.notes)


class SpecPassages:
    """The passages of every clause of one spec; what clauses share is built once.

    The clauses of a section share its headings, and many clauses use one definition: on a spec of
    20,000 clauses, building those anew for each clause cost more than all the other rules together.
    """

    def __init__(self, spec: Spec) -> None:
        self._spec = spec
        self._defined = DefinedTerms(tuple(spec.definitions()))
        # Keyed by the section itself, not its number: a faulty spec may number two sections alike.
        self._headings: dict[int, tuple[Passage, ...]] = {}
        self._definitions: dict[int, tuple[Passage, ...]] = {}
        self._own_words: tuple[Clause | None, str] = (None, "")
        self._sections: dict[int, Section] | None = None

    @property
    def glossary(self) -> range:
        """The positions of the spec's definitions, in glossary order."""
        return range(len(self._defined.definitions))

    def of(self, clause: Clause) -> ClausePassages:
        own = (Passage(Source.TEXT, "its text", clause.text), *_items(clause, "sub-item", Source.SUB_ITEM))
        shared = (self.headings(clause), *map(self.definition, self.used_indexes(clause)))
        notes = tuple(Passage(Source.NOTE, f"Note {note.label}".strip(), note.text) for note in clause.notes)
        return ClausePassages(own, shared, notes)

    def own_words(self, clause: Clause) -> str:
        """The clause's text and sub-items, joined: where it uses a defined term."""
        # Asked of one clause several times in a row (each axis, then its definitions): kept.
        if self._own_words[0] is not clause:
            words = " ".join([clause.text.value, *(item.text.value for item in clause.all_items())])
            self._own_words = (clause, words)
        return self._own_words[1]

    def used_indexes(self, clause: Clause, among: Sequence[int] | None = None) -> list[int]:
        """The positions in the glossary of the definitions the clause uses (of those `among`)."""
        return self._defined.used_indexes(self.own_words(clause), among)

    def headings(self, clause: Clause) -> tuple[Passage, ...]:
        """The passages of the clause's section heading and every heading above it, nearest first."""
        section = self._section_of(clause)
        found = self._headings.get(id(section))
        if found is None:
            found = self._headings[id(section)] = tuple(_headings(self._spec, section))
        return found

    def _section_of(self, clause: Clause) -> Section:
        """`Spec.section_of`, by the clause's identity: hashing a `ClauseNumber` costs more than the rest."""
        if self._sections is None:
            self._sections = _sections_by_clause(self._spec)
        section = self._sections.get(id(clause))
        return self._spec.section_of(clause) if section is None else section

    def definition(self, index: int) -> tuple[Passage, ...]:
        """The passages of the definition at this position in the glossary: its text, its sub-items."""
        found = self._definitions.get(index)
        if found is None:
            definition = self._defined.definitions[index]
            label = f'definition of "{definition.term}"'
            passages = [Passage(Source.DEFINITION, label, definition.text)]
            passages.extend(_items(definition, label, Source.DEFINITION))
            found = self._definitions[index] = tuple(passages)
        return found

    def uses_any(self, indexes: tuple[int, ...], words: str) -> bool:
        """True when `words` use the term of one of these definitions."""
        return self._defined.uses_any(indexes, words)


class DefinedTerms:
    """The defined terms of a spec, found in a text with their capitals, whole words, any white space.

    A term's pattern matches only where the text, its white space made single spaces, holds the
    term's words joined by single spaces: that substring test rules out most terms before any
    pattern runs, and the pattern decides for the rest.
    """

    def __init__(self, definitions: tuple[Definition, ...]) -> None:
        self.definitions = definitions
        self._phrases = tuple(" ".join(definition.term.split()) for definition in definitions)
        self._last = ("", "")
        self._longest = tuple(max(phrase.split(" "), key=len) for phrase in self._phrases)

    def used_indexes(self, text: str, among: Sequence[int] | None = None) -> list[int]:
        """The positions in the glossary of the definitions whose term `text` uses (of those `among`)."""
        phrases, longest = self._phrases, self._longest
        indexes = [
            index for index in (range(len(phrases)) if among is None else among) if longest[index] in text
        ]
        if not indexes:
            return []
        words = self._single_spaced(text)
        return [index for index in indexes if phrases[index] in words and self._uses(index, text)]

    def uses_any(self, indexes: tuple[int, ...], text: str) -> bool:
        # A term's words stand in the text as they are, whatever white space joins them: the
        # longest rules most terms out before the text is joined with single spaces.
        indexes = tuple(index for index in indexes if self._longest[index] in text)
        if not indexes:
            return False
        words = self._single_spaced(text)
        return any(self._phrases[index] in words and self._uses(index, text) for index in indexes)

    def _single_spaced(self, text: str) -> str:
        # One text is asked about for several axes, then for its definitions: the last one is kept.
        if self._last[0] is not text:
            self._last = (text, " ".join(text.split()))
        return self._last[1]

    def used(self, text: str) -> list[Definition]:
        return [self.definitions[index] for index in self.used_indexes(text)]

    def _uses(self, index: int, text: str) -> bool:
        return _defined_term(self.definitions[index].term).search(text) is not None


@cache
def _defined_term(term: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _sections_by_clause(spec: Spec) -> dict[int, Section]:
    """Each clause's section, by the clause's identity; empty when two clauses share a number.

    `Spec.section_of` gives a number's first section: with every number once, that is the clause's own.
    """
    found = {
        id(block): section for section in spec.sections for block in section.blocks if type(block) is Clause
    }
    numbers = {
        block.number.parts for section in spec.sections for block in section.blocks if type(block) is Clause
    }
    return found if len(numbers) == len(found) else {}


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
