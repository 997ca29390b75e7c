"""Neutral edit operations between two versions of a spec: segments, paragraphs, tables, units.

Nothing here knows about XML, HTML or Markdown; the redline writers render these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spectool.diff.page import UnitKind


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Side(StrEnum):
    OLD = "old"
    NEW = "new"


class Presence(StrEnum):
    """Which versions hold a paragraph, a table or a row."""

    BOTH = "both"
    NEW = "new"  # inserted
    OLD = "old"  # deleted

    def on(self, side: Side) -> bool:
        return self is Presence.BOTH or self.value == side.value


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text that both versions share, or that only one of them has."""

    op: Op
    text: str

    def on(self, side: Side) -> bool:
        return self.op is Op.EQUAL or (self.op is Op.INSERT) == (side is Side.NEW)


@dataclass(frozen=True, slots=True)
class ParagraphDiff:
    style: str
    segments: tuple[Segment, ...]
    presence: Presence = Presence.BOTH

    def text(self, side: Side) -> str:
        return "".join(segment.text for segment in self.segments if segment.on(side))

    @property
    def changed(self) -> bool:
        return self.presence is not Presence.BOTH or any(s.op is not Op.EQUAL for s in self.segments)


@dataclass(frozen=True, slots=True)
class CellDiff:
    blocks: tuple[BlockDiff, ...]


@dataclass(frozen=True, slots=True)
class RowDiff:
    cells: tuple[CellDiff, ...]
    presence: Presence = Presence.BOTH
    header: bool = False
    label: str = ""  # what the summary calls the row: a defined term, a table's first cell

    @property
    def changed(self) -> bool:
        return self.presence is not Presence.BOTH or any(
            block.changed for cell in self.cells for block in cell.blocks
        )


@dataclass(frozen=True, slots=True)
class TableDiff:
    style: str
    columns: int
    rows: tuple[RowDiff, ...]
    presence: Presence = Presence.BOTH

    @property
    def changed(self) -> bool:
        return self.presence is not Presence.BOTH or any(row.changed for row in self.rows)


BlockDiff = ParagraphDiff | TableDiff


class Change(StrEnum):
    """What happened to a unit (a heading, a clause, a glossary, a loose note or table)."""

    KEPT = "kept"
    CHANGED = "changed"  # reworded in place
    RENUMBERED = "renumbered"  # new number, same place; text possibly reworded too
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED_FROM = "moved from"  # the old place of a clause that now stands elsewhere
    MOVED_TO = "moved to"  # its new place


@dataclass(frozen=True, slots=True)
class UnitDiff:
    kind: UnitKind
    change: Change
    blocks: tuple[BlockDiff, ...]
    old_label: str = ""  # "5.7.1"; "" when the old version lacks the unit
    new_label: str = ""
    reworded: bool = False  # for renumbered and moved units: did the words change too?
    move: str = ""  # the name shared by the two halves of a move

    @property
    def side(self) -> Side | None:
        """The one version a moved half shows; None for units shown with both versions."""
        if self.change is Change.MOVED_FROM:
            return Side.OLD
        if self.change is Change.MOVED_TO:
            return Side.NEW
        return None


@dataclass(frozen=True, slots=True)
class Elision:
    """Units left out of a redline shown with context ("..." in SEC legal text)."""

    count: int


@dataclass(frozen=True, slots=True)
class VersionInfo:
    name: str
    version: str
    title: str
    status: str = ""
    date: str = ""

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True, slots=True)
class Redline:
    """Every unit of two versions, in reading order, each with its edits."""

    old: VersionInfo
    new: VersionInfo
    units: tuple[UnitDiff | Elision, ...]

    def diffs(self) -> list[UnitDiff]:
        return [unit for unit in self.units if isinstance(unit, UnitDiff)]
