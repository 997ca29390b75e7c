"""A matrix's words, and actors as sets of rows: "ESME" is the rows it names, less what is left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.obligations import Reading
from spectool.coverage.words import Vocabulary, durations, stems, synonym_map

SUBJECT = "subject"


@dataclass
class MatrixWords:
    """The vocabularies of one matrix: actors, row contexts, columns and subject, with its synonyms."""

    matrix: CoverageMatrix

    def __post_init__(self) -> None:
        # What reading a sentence gives, by its text, and what an obligation's words name: specs and
        # versions repeat sentences, and each is read once per matrix.
        self.readings: dict[str, list[Reading]] = {}
        # judge._Core by an obligation's (lead, action, exceptions); judge.py depends on this module.
        self.cores: dict[tuple[str, str, tuple[str, ...]], Any] = {}
        self._families: dict[tuple[str, ...], frozenset[str]] = {}
        self._scopes: dict[tuple[str, ...], frozenset[str]] = {}
        self._columns_of: dict[frozenset[str], Vocabulary] = {}
        self._actors_of: dict[frozenset[str], Vocabulary] = {}

    @cached_property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        return synonym_map(self.matrix.synonyms)

    @cached_property
    def actors(self) -> Vocabulary:
        """Every row's actor terms; each term is its own owner."""
        terms = sorted({term for row in self.matrix.rows for term in row.terms})
        return Vocabulary.of(((term, [term]) for term in terms), self.synonyms)

    @cached_property
    def contexts(self) -> Vocabulary:
        return Vocabulary.of(((row.key, row.context) for row in self.matrix.rows), self.synonyms)

    @cached_property
    def context_rows(self) -> frozenset[str]:
        """The rows that need their context words as well as their actor."""
        return frozenset(row.key for row in self.matrix.rows if row.context)

    def actors_of(self, keys: frozenset[str]) -> Vocabulary:
        """The actor terms of these rows alone."""
        found = self._actors_of.get(keys)
        if found is None:
            terms = sorted({term for row in self.matrix.rows if row.key in keys for term in row.terms})
            found = self._actors_of[keys] = Vocabulary.of(((term, [term]) for term in terms), self.synonyms)
        return found

    def columns_of(self, keys: frozenset[str]) -> Vocabulary:
        """The vocabulary of these columns alone."""
        found = self._columns_of.get(keys)
        if found is None:
            chosen = ((column.key, column.terms) for column in self.matrix.columns if column.key in keys)
            found = self._columns_of[keys] = Vocabulary.of(chosen, self.synonyms)
        return found

    @cached_property
    def timed_columns(self) -> tuple[Column, ...]:
        """The columns with a parameter and a duration among their terms ("3 minutes")."""
        return tuple(
            column
            for column in self.matrix.columns
            if column.parameter and any(durations(term) for term in column.terms)
        )

    @cached_property
    def columns(self) -> Vocabulary:
        return Vocabulary.of(((column.key, column.terms) for column in self.matrix.columns), self.synonyms)

    @cached_property
    def subject(self) -> Vocabulary:
        return Vocabulary.of([(SUBJECT, self.matrix.subject)], self.synonyms)

    def scope(self, terms: Iterable[str]) -> frozenset[str]:
        """The rows that name any of these actor terms among their own."""
        key = tuple(terms)
        found = self._scopes.get(key)
        if found is None:
            wanted = set(key)
            found = frozenset(row.key for row in self.matrix.rows if wanted.intersection(row.terms))
            self._scopes[key] = found
        return found

    def family(self, terms: Iterable[str]) -> frozenset[str]:
        """The rows whose actors any of these terms may stand for: "ESME" is also "Polyphase ESME"'s."""
        key = tuple(terms)
        found = self._families.get(key)
        if found is None:
            rows: set[str] = set()
            for term in key:
                words = stems(term)
                for row in self.matrix.rows:
                    if any(_holds(stems(own), words) for own in row.terms):
                        rows.add(row.key)
            found = self._families[key] = frozenset(rows)
        return found

    def narrowed(self, spec: str, section: str) -> Row | None:
        """The row configured for this section of `spec` (or a section above it), if any."""
        for row in self.matrix.rows:
            for key, number in row.sections:
                if key == spec and (section == number or section.startswith(number + ".")):
                    return row
        return None


def _holds(longer: list[str], words: list[str]) -> bool:
    return any(longer[index : index + len(words)] == words for index in range(len(longer) - len(words) + 1))
