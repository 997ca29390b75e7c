"""Find the terms of a matrix in running text: whole words, any case, across line breaks.

A term is literal text, never a regular expression: a space in it matches any run of white space
(a line break included) and a trailing `*` lets the last word go on ("reboot*" finds "rebooting").
Where two terms of one axis overlap, the longer wins, so "Polyphase ESME" is not also "ESME".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
    _search: TermSearch = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_search", TermSearch((self,)))

    @classmethod
    def of(cls, owners: Iterable[tuple[str, Sequence[str]]]) -> Vocabulary:
        return cls(tuple((owner, term) for owner, terms in owners for term in terms))

    def find(self, text: str) -> list[Occurrence]:
        """Every occurrence of an owner's term in `text` that no longer term of this axis covers."""
        return [Occurrence(*span) for span in self._search.spans(text)[0]]


class TermSearch:
    """Several vocabularies searched in one text, each term's pattern run only where it can match.

    A term's pattern matches only where each of its words stands in the text in some case. In ASCII
    text `str.lower` agrees with the patterns' IGNORECASE, so a term with a word missing from the
    lowered text is skipped, and the terms that pass are matched by their own patterns: exactly as
    if every term had been tried, at a fraction of the cost on a spec of 20,000 clauses. Outside
    ASCII the two disagree (to the patterns the long "ſ" is an "s", and "İ" an "i", but lower case
    leaves the one and makes two letters of the other), so there every term is tried.
    """

    def __init__(self, vocabularies: Sequence[Vocabulary]) -> None:
        self._terms = tuple(vocabulary.terms for vocabulary in vocabularies)
        # Each term's longest word is looked for first: it rules out the most. Words as
        # `term_pattern` splits them; a term with a word outside ASCII is tried on every text.
        needing: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
        everywhere: list[tuple[int, int]] = []
        for axis, terms in enumerate(self._terms):
            for position, (_, term) in enumerate(terms):
                words = term.strip().rstrip("*").split()
                if words and all(word.isascii() for word in words):
                    lowered = sorted({word.lower() for word in words}, key=len)
                    needing.setdefault(lowered[-1], []).append((axis, position, tuple(lowered[:-1])))
                else:
                    everywhere.append((axis, position))
        self._needing = tuple((word, tuple(terms)) for word, terms in needing.items())
        self._everywhere = tuple(everywhere)
        self._tried_everywhere = frozenset(axis for axis, _ in everywhere)
        self._words_by_axis = tuple(
            tuple(
                (word, others) for word, terms in self._needing for each, _, others in terms if each == axis
            )
            for axis in range(len(self._terms))
        )
        # One search per axis for its terms' longest words, run in C: where none is found (most
        # texts of a large spec, for some axis), no term of the axis can be.
        self._screens = tuple(_any_of({word for word, _ in words}) for words in self._words_by_axis)
        self._lowered = ("", "")  # the last text `may_name` lowered: it is asked of each axis in turn

    def spans(self, text: str) -> tuple[tuple[Span, ...], ...]:
        """For each vocabulary, every occurrence of its terms in `text` that no longer one covers.

        Plain tuples, not `Occurrence`s: a caller that keeps them for every text of a large spec
        keeps nothing the garbage collector has to walk.
        """
        matches: dict[str, list[tuple[int, int, str]]] = {}  # owners and axes may share a term
        found = []
        for terms, positions in zip(self._terms, self.candidates(text), strict=True):
            occurring: list[_Candidate] = []
            for position in positions:
                owner, term = terms[position]
                spans = matches.get(term)
                if spans is None:
                    spans = matches[term] = [
                        (match.start(), match.end(), match.group())
                        for match in term_pattern(term).finditer(text)
                    ]
                occurring.extend((start, end, owner, term, words) for start, end, words in spans)
            found.append(_longest_first(occurring))
        return tuple(found)

    def may_name(self, text: str, axis: int) -> bool:
        """False when no term of the vocabulary at `axis` occurs in `text`, told by its words alone."""
        if not text.isascii() or axis in self._tried_everywhere:
            return bool(self._terms[axis])
        screen = self._screens[axis]
        if screen is None:
            return False
        if self._lowered[0] is not text:
            self._lowered = (text, text.lower())
        lowered = self._lowered[1]
        if screen.search(lowered) is None:
            return False
        for word, others in self._words_by_axis[axis]:
            if word in lowered and all(other in lowered for other in others):
                return True
        return False

    def candidates(self, text: str) -> list[list[int]]:
        """For each vocabulary, the positions of the terms that may occur in `text`, in order."""
        if not text.isascii():
            return [list(range(len(terms))) for terms in self._terms]
        lowered = text.lower()
        chosen: list[list[int]] = [[] for _ in self._terms]
        for axis, position in self._everywhere:
            chosen[axis].append(position)
        for word, needing in self._needing:
            if word in lowered:
                for axis, position, others in needing:
                    for other in others:
                        if other not in lowered:
                            break
                    else:
                        chosen[axis].append(position)
        for positions in chosen:
            positions.sort()
        return chosen


def _any_of(words: set[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of `words` (lower case), anywhere; None for no words."""
    if not words:
        return None
    return re.compile(
        "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
    )


Span = tuple[str, str, int, int, str]  # an Occurrence's fields: owner, term, start, end, found
_Candidate = tuple[int, int, str, str, str]  # start, end, owner, term, the words as written


def _longest_first(candidates: list[_Candidate]) -> tuple[Span, ...]:
    """The candidates that no longer one overlaps, in the text's order.

    The longest first, then the earliest; one that overlaps a kept one is dropped unless it has the
    very same words and another owner (two owners may share a term).
    """
    if len(candidates) > 1:
        candidates.sort(key=lambda item: (item[0] - item[1], item[0]))
        kept: list[_Candidate] = []
        for candidate in candidates:
            start, end, owner = candidate[0], candidate[1], candidate[2]
            for other in kept:
                apart = end <= other[0] or other[1] <= start
                if not (apart or (start == other[0] and end == other[1] and owner != other[2])):
                    break
            else:
                kept.append(candidate)
        kept.sort(key=lambda item: (item[0], item[2]))
        candidates = kept
    return tuple(
        (owner, term, start, end, " ".join(words.split())) for start, end, owner, term, words in candidates
    )
