"""Literal phrases found as whole words, across line breaks, by one compiled regex per table."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# A hyphen counts as part of a word, so "non-spurious" is not "spurious" and "Date-Time" stays one word.
_WORD_CHAR = r"[\w-]"
_PLURAL = r"(?:e?s)?"


def normalise(phrase: str) -> str:
    """Lower case, single spaces: the form in which phrases are compared."""
    return " ".join(phrase.split()).casefold()


def phrase_pattern(phrase: str, *, plural: bool = True) -> str:
    """A regex for `phrase`: any run of whitespace between its words, whole words only.

    With `plural`, the last word may also end in -s or -es ("power failures").
    """
    words = phrase.split()
    if not words:
        raise ValueError("an empty phrase")
    body = r"\s+".join(re.escape(word) for word in words)
    before = rf"(?<!{_WORD_CHAR})" if re.match(r"\w", words[0]) else ""
    after = rf"(?!{_WORD_CHAR})" if re.search(r"\w$", words[-1]) else ""
    return f"{before}{body}{_PLURAL if plural and after else ''}{after}"


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


class PhraseSet:
    """Many phrases compiled into one alternation; the longest phrase wins where two start together."""

    __slots__ = ("_regex", "phrases")

    def __init__(self, phrases: Sequence[str], *, case_sensitive: bool = False, plural: bool = True) -> None:
        self.phrases = tuple(phrases)
        order = sorted(range(len(self.phrases)), key=lambda index: -len(self.phrases[index]))
        alternatives = [
            f"(?P<p{index}>{phrase_pattern(self.phrases[index], plural=plural)})" for index in order
        ]
        flags = 0 if case_sensitive else re.IGNORECASE
        self._regex = re.compile("|".join(alternatives), flags) if alternatives else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def finditer(self, value: str) -> Iterator[PhraseMatch]:
        if self._regex is None:
            return
        for match in self._regex.finditer(value):
            name = match.lastgroup
            assert name is not None
            yield PhraseMatch(int(name[1:]), match.start(), match.end(), match.group())

    def search(self, value: str) -> PhraseMatch | None:
        return next(self.finditer(value), None)
