"""Coverage matrices as configured: rows (devices), columns (scenarios), and cells ruled out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spectool.errors import UsageError


@dataclass(frozen=True, slots=True)
class Row:
    """A kind of device, the specs responsible for it, and the terms that name it."""

    key: str
    label: str
    specs: tuple[str, ...]
    terms: tuple[str, ...]  # the actors whose obligations count for it: "Polyphase ESME"
    description: str = ""
    # Words an obligation must also use to count for this row ("Hot Shoe", "Gas First"); () for none.
    context: tuple[str, ...] = ()
    # (spec version, section number): sections for this row alone, where a bare actor of its
    # family ("ESME" in "5.6 Additional requirements for Polyphase ESME") means this row.
    sections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Column:
    """A scenario, and the terms that name it."""

    key: str
    label: str
    terms: tuple[str, ...]
    description: str = ""
    # A `[parameters]` entry: a duration an obligation states for this column is checked against it.
    parameter: str = ""


Axis = Row | Column
_Axis = TypeVar("_Axis", Row, Column)


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """A cell that no spec needs to cover, and why."""

    row: str
    column: str
    reason: str


@dataclass(frozen=True, slots=True)
class CoverageMatrix:
    """One named matrix, such as `ota-power` for MP102A."""

    name: str
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    not_applicable: tuple[NotApplicable, ...] = ()
    # What every cell is about ("power", "Power Outage Alert"): when given, a covering clause must
    # use one of these terms too, so that a firmware clause silent on power covers nothing here.
    subject: tuple[str, ...] = ()
    description: str = ""
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of words that count as one: ("upgrade", "update")

    def rows_for(self, spec_name: str) -> tuple[Row, ...]:
        """The rows `spec_name` is responsible for."""
        return tuple(row for row in self.rows if spec_name in row.specs)

    def not_applicable_reason(self, row: Row, column: Column) -> str | None:
        for cell in self.not_applicable:
            if cell.row == row.key and cell.column == column.key:
                return cell.reason
        return None

    def find_row(self, name: str) -> Row:
        """The row with this key or label (any case), else UsageError listing the rows."""
        return _find(self.rows, name, "row", self.name)

    def find_column(self, name: str) -> Column:
        """The column with this key or label (any case), else UsageError listing the columns."""
        return _find(self.columns, name, "column", self.name)


def _find(axes: tuple[_Axis, ...], name: str, kind: str, matrix: str) -> _Axis:
    wanted = name.strip().casefold()
    for axis in axes:
        if wanted in (axis.key.casefold(), axis.label.casefold()):
            return axis
    known = ", ".join(axis.key for axis in axes)
    raise UsageError(f"matrix {matrix} has no {kind} {name!r}: expected one of {known}")


@dataclass(frozen=True, slots=True)
class CoverageSettings:
    """Every configured matrix, and the one shown when none is named."""

    matrices: tuple[CoverageMatrix, ...]
    default: str
    path: Path | None = None  # the file the matrices came from

    def matrix(self, name: str | None = None) -> CoverageMatrix:
        wanted = name or self.default
        for matrix in self.matrices:
            if matrix.name == wanted:
                return matrix
        known = ", ".join(matrix.name for matrix in self.matrices) or "none"
        raise UsageError(f"no coverage matrix {wanted!r} (configured: {known})")
