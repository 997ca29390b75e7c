"""Clause numbers as a value type: `5.7.4.12` and `5.6.4A` compare, sort and know their parent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, total_ordering

# A part is digits, optionally followed by the capital letters of a clause inserted later ("5.6.4A",
# "5.6.4AA"): SEC legal text numbers an insertion so that nothing after it is renumbered.
_NUMBER = re.compile(r"[0-9]+[A-Z]{0,3}(?:\.[0-9]+[A-Z]{0,3})*")
_PART = re.compile(r"([0-9]+)([A-Z]*)")
_LEADING_ZERO = re.compile(r"(?:^|\.)0[0-9]")


@total_ordering
@dataclass(frozen=True, slots=True)
class ClauseNumber:
    """A dotted clause or section number such as 5.7.4.12, or an inserted one such as 5.6.4A."""

    parts: tuple[int, ...]
    # The dotted text, kept because rules ask for it per clause; `parse` passes the text it read.
    text: str = field(default="", compare=False, repr=False)
    # The letters after each part ("" for none); () when no part has any, as for every plain number.
    suffixes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.suffixes and not any(self.suffixes):
            object.__setattr__(self, "suffixes", ())
        elif self.suffixes and len(self.suffixes) != len(self.parts):
            raise ValueError(f"{len(self.suffixes)} suffixes for {len(self.parts)} parts")
        if not self.text:
            object.__setattr__(self, "text", ".".join(_render_parts(self.parts, self.suffixes)))

    @classmethod
    def parse(cls, text: str) -> ClauseNumber:
        """Read "5.7.4.12" or "5.6.4A" (a trailing dot is tolerated); ValueError on anything else."""
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
        return ClauseNumber(self.parts[:-1], self.text.rpartition(".")[0], self.suffixes[:-1])

    @property
    def last(self) -> int:
        return self.parts[-1]

    @property
    def is_inserted(self) -> bool:
        """True for 5.6.4A: its own last part carries letters (5.6.4A.1 is a plain child of one)."""
        return bool(self.suffixes) and bool(self.suffixes[-1])

    def child(self, last: int) -> ClauseNumber:
        return ClauseNumber((*self.parts, last), suffixes=(*self.suffixes, "") if self.suffixes else ())

    def sibling(self, last: int) -> ClauseNumber:
        suffixes = (*self.suffixes[:-1], "") if self.suffixes else ()
        return ClauseNumber((*self.parts[:-1], last), suffixes=suffixes)

    def is_within(self, other: ClauseNumber) -> bool:
        """True when this number is `other` or lies below it (5.7.4.12 is within 5.7)."""
        depth = len(other.parts)
        if self.parts[:depth] != other.parts:
            return False
        return self._suffixes_padded()[:depth] == other._suffixes_padded()

    def _suffixes_padded(self) -> tuple[str, ...]:
        return self.suffixes or ("",) * len(self.parts)

    def sort_key(self) -> tuple[tuple[int, str], ...]:
        """5.6.4 < 5.6.4A < 5.6.4AA < 5.6.4B < 5.6.5: letters sort after the bare part, as text."""
        return tuple(zip(self.parts, self._suffixes_padded(), strict=True))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ClauseNumber):
            return NotImplemented
        if not self.suffixes and not other.suffixes:
            return self.parts < other.parts
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.text


def _render_parts(parts: tuple[int, ...], suffixes: tuple[str, ...]) -> list[str]:
    if not suffixes:
        return [str(part) for part in parts]
    return [f"{part}{suffix}" for part, suffix in zip(parts, suffixes, strict=True)]


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> ClauseNumber:
    cleaned = text.strip().rstrip(".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    pieces = cleaned.split(".")
    if any(not piece[-1].isdigit() for piece in pieces):
        matches = [_PART.fullmatch(piece) for piece in pieces]
        parts = tuple(int(match[1]) for match in matches if match)
        suffixes = tuple(match[2] for match in matches if match)
    else:
        parts, suffixes = tuple(map(int, pieces)), ()
    # "05.7" reads as 5.7; only a text without leading zeros is already the canonical one.
    return ClauseNumber(parts, "" if _LEADING_ZERO.search(cleaned) else cleaned, suffixes)


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


def is_inserted_item(label: str, previous: str) -> bool:
    """Is `label` an inserted sub-item, such as (aa) or (ab) after (a), rather than a plain one (after
    (z), (aa) is the 27th item)? `previous` is the label of the last plain item before it."""
    return len(label) > 1 and label[0] == previous and previous != "z"
