"""Find the terms of a matrix in running text: whole words, any case, across line breaks.

A term is literal text, never a regular expression: a space in it matches any run of white space
(a line break included) and a trailing `*` lets the last word go on ("reboot*" finds "rebooting").
Where two terms of one axis overlap, the longer wins, so "Polyphase ESME" is not also "ESME".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache


@cache
def term_pattern(term: str) -> re.Pattern[str]:
    """The pattern of one term: whole words, case-insensitive, white space of any kind and length."""
    stem = term.strip()
    open_ended = stem.endswith("*")
    words = stem.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    tail = r"\w*" if open_ended else ""
    return re.compile(rf"(?<!\w){body}{tail}(?!\w)", re.IGNORECASE)


def term_problem(term: str) -> str | None:
    """Why `term` cannot be used as a term, or None."""
    stem = term.strip()
    if not re.search(r"\w", stem):
        return "has no letters or digits"
    if "*" in stem.rstrip("*") or stem.endswith("**"):
        return "may only end with one '*' (a word that goes on); it is not a pattern"
    if stem.endswith("*") and not re.search(r"\w\*$", stem):
        return "must have a letter before its '*'"
    return None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a term of a row or a column (its `owner`) occurs in a text."""

    owner: str  # the row or column key
    term: str
    start: int
    end: int
    found: str  # the text as written, line breaks made spaces

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The terms of one axis of a matrix: every row's, every column's, or the subject's."""

    terms: tuple[tuple[str, str], ...]  # (owner, term)

    @classmethod
    def of(cls, owners: Iterable[tuple[str, Sequence[str]]]) -> Vocabulary:
        return cls(tuple((owner, term) for owner, terms in owners for term in terms))

    def find(self, text: str) -> list[Occurrence]:
        """Every occurrence of an owner's term in `text` that no longer term of this axis covers."""
        candidates = [
            Occurrence(owner, term, match.start(), match.end(), " ".join(match.group().split()))
            for owner, term in self.terms
            for match in term_pattern(term).finditer(text)
        ]
        candidates.sort(key=lambda item: (-item.length, item.start))
        kept: list[Occurrence] = []
        for candidate in candidates:
            if all(_compatible(candidate, other) for other in kept):
                kept.append(candidate)
        kept.sort(key=lambda item: (item.start, item.owner))
        return kept


def _compatible(candidate: Occurrence, kept: Occurrence) -> bool:
    """Apart, or the very same words (two owners may share a term)."""
    apart = candidate.end <= kept.start or kept.end <= candidate.start
    same_span = (candidate.start, candidate.end) == (kept.start, kept.end)
    return apart or (same_span and kept.owner != candidate.owner)
