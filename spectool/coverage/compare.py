"""One matrix filled twice, side by side: two versions of a spec, or a spec before and after an amendment."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spectool.coverage.assess import Cell, SpecCoverage, Status
from spectool.coverage.matrix import Column, Row
from spectool.errors import UsageError


class Change(StrEnum):
    SAME = "same"
    CLOSED = "closed"  # a gap on the left, covered on the right
    OPENED = "opened"  # covered on the left, a gap on the right
    RULED = "ruled"  # applicable on one side only (the rows' not-applicable cells differ)
    SHIFTED = "shifted"  # uncovered on both sides, in different states (a gap, then mentioned only)


@dataclass(frozen=True, slots=True)
class CellPair:
    row: str
    column: str
    left: Cell
    right: Cell

    @property
    def change(self) -> Change:
        statuses = {self.left.status, self.right.status}
        if len(statuses) == 1:
            return Change.SAME
        if Status.NOT_APPLICABLE in statuses:
            return Change.RULED
        if self.right.status is Status.COVERED:
            return Change.CLOSED
        return Change.OPENED if self.left.status is Status.COVERED else Change.SHIFTED


@dataclass(frozen=True, slots=True)
class Comparison:
    """The same matrix filled in twice, cell by cell."""

    left: SpecCoverage
    right: SpecCoverage
    left_label: str  # "SMETS2@4.2", or "before MP102A"
    right_label: str
    pairs: tuple[CellPair, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.left.rows

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.left.columns

    def pair(self, row: str, column: str) -> CellPair:
        for pair in self.pairs:
            if (pair.row, pair.column) == (row, column):
                return pair
        raise KeyError(f"no cell {row} x {column}")

    @property
    def differences(self) -> tuple[CellPair, ...]:
        return tuple(pair for pair in self.pairs if pair.change is not Change.SAME)


def compare(
    left: SpecCoverage, right: SpecCoverage, *, left_label: str = "", right_label: str = ""
) -> Comparison:
    """Cell by cell, `left` against `right`: both must be one matrix filled for one spec."""
    if left.matrix.name != right.matrix.name:
        raise UsageError(f"cannot compare matrix {left.matrix.name} with matrix {right.matrix.name}")
    if left.spec != right.spec:
        raise UsageError(
            f"cannot compare {left.key} with {right.key}: their rows differ; compare two versions of one spec"
        )
    pairs = tuple(
        CellPair(cell.row, cell.column, cell, right.cell(cell.row, cell.column)) for cell in left.cells
    )
    return Comparison(left, right, left_label or left.key, right_label or right.key, pairs)
