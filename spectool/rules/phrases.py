"""Literal phrases found as whole words, across line breaks, by one compiled regex per table.

The phrases are compiled into a character trie, so the regex engine tests one character per position
instead of every phrase; case-insensitive sets match lower-cased text with a lower-cased trie, which
keeps the engine's fast literal paths (IGNORECASE would make the same search about forty times slower).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# A hyphen counts as part of a word, so "non-spurious" is not "spurious" and "Date-Time" stays one word.
_NOT_AFTER_WORD = r"(?<![\w-].)"  # placed after a phrase's first character: what stands before it
_NOT_BEFORE_WORD = r"(?![\w-])"
_PLURAL = r"(?:e?s)?"
_SPACE = " "
_END = ""


def normalise(phrase: str) -> str:
    """Lower case, single spaces: the form in which phrases are compared."""
    return " ".join(phrase.split()).casefold()


def fold(text: str) -> str:
    """Lower case with every character kept in place, so offsets in the result are offsets in `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def trie_pattern(phrases: Sequence[str], *, plural: bool = True) -> str:
    """One regex for all `phrases`: whitespace runs between words, whole words only, longest first."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for position, word in enumerate(phrase.split()):
            for token in ([_SPACE] if position else []) + list(word):
                node = node.setdefault(token, {})
        node[_END] = _is_word(phrase.rstrip()[-1])

    def render(node: dict[str, Any], top: bool) -> str:
        alternatives = []
        for token, child in node.items():
            if token == _END:
                continue
            piece = r"\s+" if token == _SPACE else re.escape(token)
            if top and _is_word(token):
                piece += _NOT_AFTER_WORD
            # A run of single children is one literal: recursing once per character would overflow
            # the stack on a long phrase (a title of a thousand words is a known name too).
            pieces = [piece]
            while len(child) == 1 and _END not in child:
                ((token, child),) = child.items()
                pieces.append(r"\s+" if token == _SPACE else re.escape(token))
            alternatives.append("".join(pieces) + render(child, False))
        if _END in node:  # after the longer phrases, so that the longest one wins
            alternatives.append((_PLURAL if plural else "") + _NOT_BEFORE_WORD if node[_END] else "")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    if len(phrases) == 1:
        # One phrase: test the boundary after its whole first word, so that the engine can look for
        # that word as a literal prefix (a dozen times faster than stopping at every first letter).
        first = phrases[0].split()[0]
        if _is_word(first[0]) and all(_is_word(char) for char in first):
            rest = render(root, False)[len(re.escape(first)) :]
            return f"{re.escape(first)}(?<![\\w-].{{{len(first)}}}){rest}"
    return render(root, True)


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Phrase number `index` of the set, found at value[start:end]."""

    index: int
    start: int
    end: int
    text: str

    def suffix(self, phrase: str) -> str:
        """The plural ending the text adds to `phrase` ("s", "es" or "")."""
        return normalise(self.text)[len(normalise(phrase)) :]

    def shifted(self, by: int) -> PhraseMatch:
        return PhraseMatch(self.index, self.start - by, self.end - by, self.text)


class PhraseSet:
    """Many phrases compiled into one regex; the longest phrase wins where two start together."""

    __slots__ = ("_index", "_regex", "case_sensitive", "phrases")

    def __init__(self, phrases: Sequence[str], *, case_sensitive: bool = False, plural: bool = True) -> None:
        self.phrases = tuple(phrases)
        self.case_sensitive = case_sensitive
        self._index: dict[str, int] = {}
        for index, phrase in enumerate(self.phrases):
            self._index.setdefault(self._key(phrase), index)
        written = self.phrases if case_sensitive else tuple(phrase.lower() for phrase in self.phrases)
        self._regex = re.compile(trie_pattern(written, plural=plural)) if written else None

    def _key(self, text: str) -> str:
        spaced = " ".join(text.split())
        return spaced if self.case_sensitive else spaced.casefold()

    def index_of(self, text: str) -> int:
        """Which phrase a matched text is (its plural ending allowed)."""
        return self._which(text)

    def _which(self, text: str) -> int:
        key = self._key(text)
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self._index:
                return self._index[candidate]
        raise LookupError(f"{text!r} matched no phrase")  # the regex and the index disagree: a bug

    def __bool__(self) -> bool:
        return self._regex is not None

    def finditer(self, value: str, searched: str | None = None) -> Iterator[PhraseMatch]:
        """Every match in `value`; `searched` is `fold(value)` when the caller has it already."""
        if self._regex is None:
            return
        text = value if self.case_sensitive else (searched if searched is not None else fold(value))
        for match in self._regex.finditer(text):
            start, end = match.span()
            found = value[start:end]
            yield PhraseMatch(self._which(found), start, end, found)

    def spans(self, value: str, searched: str | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every match, without working out which phrase: the fast path for rules
        that look at the matched text themselves."""
        if self._regex is None:
            return
        text = value if self.case_sensitive else (searched if searched is not None else fold(value))
        for match in self._regex.finditer(text):
            yield match.span()

    def mask(self, value: str, blank: str) -> str:
        """`value` with every match overwritten by `blank` characters (offsets unchanged)."""
        if self._regex is None:
            return value
        if not self.case_sensitive:
            raise ValueError("mask() works on case-sensitive sets")
        return self._regex.sub(lambda match: blank * (match.end() - match.start()), value)

    def search_folded(self, value: str, folded: str) -> bool:
        """Whether any phrase occurs, given `value` and `fold(value)` (the cheap test of one text)."""
        if self._regex is None:
            return False
        return self._regex.search(value if self.case_sensitive else folded) is not None

    def search(self, value: str) -> PhraseMatch | None:
        return next(self.finditer(value), None)
