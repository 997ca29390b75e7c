"""Clause numbers as a value type: `5.7.4.12` compares, sorts and knows its parent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, total_ordering

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_LEADING_ZERO = re.compile(r"(?:^|\.)0[0-9]")


@total_ordering
@dataclass(frozen=True, slots=True)
class ClauseNumber:
    """A dotted clause or section number such as 5.7.4.12."""

    parts: tuple[int, ...]
    # The dotted text, kept because rules ask for it per clause; `parse` passes the text it read.
    text: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", ".".join(map(str, self.parts)))

    @classmethod
    def parse(cls, text: str) -> ClauseNumber:
        """Read "5.7.4.12" (a trailing dot is tolerated); ValueError on anything else."""
        try:
            return _parse_cached(text)
        except (ValueError, TypeError):
            raise ValueError(f"not a clause number: {text!r}") from None

    @property
    def depth(self) -> int:
        return len(self.parts)

    @property
    def parent(self) -> ClauseNumber | None:
        if len(self.parts) == 1:
            return None
        return ClauseNumber(self.parts[:-1], self.text.rpartition(".")[0])

    @property
    def last(self) -> int:
        return self.parts[-1]

    def child(self, last: int) -> ClauseNumber:
        return ClauseNumber((*self.parts, last))

    def sibling(self, last: int) -> ClauseNumber:
        return ClauseNumber((*self.parts[:-1], last))

    def is_within(self, other: ClauseNumber) -> bool:
        """True when this number is `other` or lies below it (5.7.4.12 is within 5.7)."""
        return self.parts[: len(other.parts)] == other.parts

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ClauseNumber):
            return NotImplemented
        return self.parts < other.parts

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> ClauseNumber:
    cleaned = text.strip().rstrip(".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    parts = tuple(map(int, cleaned.split(".")))
    # "05.7" reads as 5.7; only a text without leading zeros is already the canonical one.
    return ClauseNumber(parts, "" if _LEADING_ZERO.search(cleaned) else cleaned)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_value(label: str) -> int:
    """The value of a lower-case roman numeral label such as "iv"."""
    total = 0
    for index, char in enumerate(label):
        value = _ROMAN[char]
        following = _ROMAN[label[index + 1]] if index + 1 < len(label) else 0
        total += -value if value < following else value
    return total


def letter_value(label: str) -> int:
    """The position of a sub-item letter: a=1 ... z=26, aa=27."""
    value = 0
    for char in label:
        value = value * 26 + (ord(char) - ord("a") + 1)
    return value
