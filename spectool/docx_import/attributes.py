"""Attribute values from the XML kept to what Word writes: anything else is read as absent and reported."""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN_CHARACTERS = 24  # of a rejected value, in its message


@dataclass(frozen=True, slots=True)
class Bounds:
    """The whole numbers an attribute may hold."""

    low: int
    high: int


# A crafted value would otherwise size a label or a table row: "99999999999" in a letter format is
# that many letters, a gridSpan of 300,000,000 that many cells.
LIST_START = Bounds(0, 10_000)  # w:start, w:startOverride
LIST_LEVEL = Bounds(0, 8)  # w:ilvl
LEVEL_RESTART = Bounds(0, 9)  # w:lvlRestart: the 1-based level that restarts this one, 0 for never
OUTLINE_LEVEL = Bounds(0, 9)  # w:outlineLvl: 9 is body text
LIST_ID = Bounds(0, 2**31 - 1)  # w:numId, w:abstractNumId
GRID_SPAN = Bounds(1, 64)  # w:gridSpan: Word's tables have at most 63 columns
MAX_LEVEL_TEXT = 255  # characters of w:lvlText: every paragraph of the level repeats it


@dataclass
class AttributeReader:
    """Reads attribute values, keeping a message for each one it reads as absent; `where` ends them."""

    where: str = ""
    rejected: list[str] = field(default_factory=list)

    def integer(self, value: str | None, name: str, bounds: Bounds) -> int | None:
        """`value` of the attribute `w:name` as an int; None when missing, not a number or out of bounds."""
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:  # also a number of more digits than int() takes (4,300)
            self.reject(name, value, "is not a whole number")
            return None
        if not bounds.low <= number <= bounds.high:
            self.reject(name, value, f"is out of range ({bounds.low} to {bounds.high})")
            return None
        return number

    def text(self, value: str | None, name: str, longest: int) -> str | None:
        """`value` unless it is longer than `longest` characters."""
        if value is not None and len(value) > longest:
            self.reject(name, value, f"is {len(value):,} characters long, over {longest}")
            return None
        return value

    def reject(self, name: str, value: str, why: str) -> None:
        shown = value if len(value) <= SHOWN_CHARACTERS else f"{value[:SHOWN_CHARACTERS]}..."
        where = f" {self.where}" if self.where else ""
        self.rejected.append(f'w:{name}="{shown}"{where} {why}: read as if absent')

    def taken(self) -> tuple[str, ...]:
        """The messages so far, and a clean slate for what is read next."""
        messages = tuple(self.rejected)
        self.rejected.clear()
        return messages
