"""Case-insensitive alternations of words, each at a word start, run as fast as the regex engine allows.

`\\b(?:shall|must|may)\\b` with IGNORECASE is tried at every position of a text. The same words run on
the lower-case text, case-sensitive and grouped by their first letter (the word start checked after
it), let the engine skip straight to the letters a word can start with. Text outside ASCII, where
lower case may change a letter's meaning for the engine, is searched with the plain pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence


class WordAlternation:
    """Named alternatives tried in order at each word start, then `tail`: (start, end, name) of each."""

    __slots__ = ("_exact", "_fast", "_names")

    def __init__(self, alternatives: Sequence[tuple[str, str]], tail: str = r"\b") -> None:
        # Each alternative's pattern starts with a lower-case letter; its name says what it means.
        self._names = tuple(name for name, _ in alternatives)
        exact = "|".join(f"(?P<a{index}>{pattern})" for index, (_, pattern) in enumerate(alternatives))
        self._exact = re.compile(rf"\b(?:{exact}){tail}", re.IGNORECASE)
        by_first: dict[str, list[str]] = {}
        for index, (_, pattern) in enumerate(alternatives):
            by_first.setdefault(pattern[0], []).append(f"(?P<a{index}>{pattern[1:]})")
        fast = "|".join(
            rf"{re.escape(first)}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in by_first.items()
        )
        self._fast = re.compile(rf"(?:{fast}){tail}")

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        matches = self._fast.finditer(text.lower()) if text.isascii() else self._exact.finditer(text)
        for match in matches:
            yield match.start(), match.end(), self._names[int((match.lastgroup or "a0")[1:])]

    def search(self, text: str) -> bool:
        found = self._fast.search(text.lower()) if text.isascii() else self._exact.search(text)
        return found is not None
