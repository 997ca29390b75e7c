"""Fill a matrix for one spec version: each cell covered (by which clauses), a gap, or not applicable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from spectool.coverage.detect import Covering, Decision, Verdict, decide, profile_spec
from spectool.coverage.hits import MatrixSearch, SpecTerms
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.owners import ClauseOwners, clause_owners
from spectool.model.document import Spec, SubItem


class Status(StrEnum):
    COVERED = "covered"
    GAP = "gap"
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True, slots=True)
class Cell:
    row: str
    column: str
    status: Status
    clauses: tuple[str, ...] = ()  # the ids of the clauses that cover it
    reason: str = ""  # why it is not applicable


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A covering clause as a reader needs it: its id, heading, text and the words that matched."""

    clause: str
    heading: str
    line: int
    lines: tuple[tuple[int, str], ...]  # (depth, text): the clause, then "(a) ..." at depth 1, ...
    highlights: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SpecCoverage:
    """One matrix filled in for one spec version, over the rows that spec is responsible for."""

    matrix: CoverageMatrix
    spec: str
    version: str
    path: str
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]
    excerpts: tuple[Excerpt, ...]
    amended_by: str = ""  # the amendment applied to the spec first, if any

    @property
    def key(self) -> str:
        return f"{self.spec}@{self.version}"

    @property
    def title(self) -> str:
        """`SMETS2@4.2`, or `SMETS2@4.2 as amended by MP102A`."""
        return f"{self.key} as amended by {self.amended_by}" if self.amended_by else self.key

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.matrix.columns

    def cell(self, row: str, column: str) -> Cell:
        for cell in self.cells:
            if (cell.row, cell.column) == (row, column):
                return cell
        raise KeyError(f"{self.key} has no cell {row} x {column}")

    @property
    def gaps(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.status is Status.GAP)

    def excerpt(self, clause: str) -> Excerpt | None:
        return next((excerpt for excerpt in self.excerpts if excerpt.clause == clause), None)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Every clause's verdict on one cell of one spec version (`spectool coverage --explain`)."""

    matrix: CoverageMatrix
    spec: str  # NAME@VERSION
    path: str
    row: Row
    column: Column
    cell: Cell
    decisions: tuple[Decision, ...]  # the clauses that use a term of the row or the column
    unrelated: int  # how many other clauses use neither


def assess(
    spec: Spec, matrix: CoverageMatrix, *, amended_by: str = "", search: MatrixSearch | None = None
) -> SpecCoverage:
    """The matrix filled in for `spec`; `search`, of the same matrix, may come from other specs."""
    terms = SpecTerms(spec, matrix, search)
    candidates = [clause_owners(terms, clause) for clause in spec.clauses() if terms.may_cover(clause)]
    index = Covering(())
    for owners in candidates:
        if owners.on_subject:
            index.add(owners.clause.id, owners.rows, owners.columns)
    rows = matrix.rows_for(spec.name)
    cells = tuple(_cell(matrix, index, row, column) for row in rows for column in matrix.columns)
    covering = {clause for cell in cells for clause in cell.clauses}
    excerpts = tuple(_excerpt(spec, owners) for owners in candidates if owners.clause.id in covering)
    return SpecCoverage(matrix, spec.name, spec.version, spec.path, rows, cells, excerpts, amended_by)


def assess_all(
    specs: Iterable[Spec], matrix: CoverageMatrix, *, amended_by: str = ""
) -> tuple[SpecCoverage, ...]:
    """The matrix for each spec version responsible for at least one of its rows."""
    search = MatrixSearch(matrix)
    return tuple(
        assess(spec, matrix, amended_by=amended_by, search=search)
        for spec in specs
        if matrix.rows_for(spec.name)
    )


def explain(spec: Spec, matrix: CoverageMatrix, row: Row, column: Column) -> Explanation:
    """Why the cell (row, column) of `spec` is covered or not, clause by clause."""
    profiles = profile_spec(spec, matrix)
    decisions = [decide(profile, row, column) for profile in profiles]
    related = [decision for decision in decisions if decision.verdict is not Verdict.UNRELATED]
    # The nearest misses first: a reader wants the clause that almost covers the cell.
    related.sort(key=lambda decision: _VERDICT_ORDER.index(decision.verdict))
    return Explanation(
        matrix=matrix,
        spec=spec.key,
        path=spec.path,
        row=row,
        column=column,
        cell=_cell(matrix, Covering(profiles), row, column),
        decisions=tuple(related),
        unrelated=len(decisions) - len(related),
    )


_VERDICT_ORDER = (
    Verdict.COVERS,
    Verdict.NOT_REQUIREMENT,
    Verdict.OFF_SUBJECT,
    Verdict.COLUMN_ONLY,
    Verdict.ROW_ONLY,
    Verdict.NOTE_ONLY,
)


def _cell(matrix: CoverageMatrix, covering: Covering, row: Row, column: Column) -> Cell:
    reason = matrix.not_applicable_reason(row, column)
    if reason is not None:
        return Cell(row.key, column.key, Status.NOT_APPLICABLE, reason=reason)
    clauses = covering.clauses(row, column)
    return Cell(row.key, column.key, Status.COVERED if clauses else Status.GAP, clauses)


def _excerpt(spec: Spec, owners: ClauseOwners) -> Excerpt:
    clause = owners.clause
    section = spec.section_of(clause)
    lines = [(0, clause.text.flat), *_item_lines(clause.items, 1)]
    highlights = owners.own_words
    return Excerpt(
        clause=clause.id,
        heading=f"{section.number} {section.title}",
        line=clause.position.line,
        lines=tuple(lines),
        highlights=tuple(sorted(highlights, key=lambda word: (word.casefold(), word))),
    )


def _item_lines(items: tuple[SubItem, ...], depth: int) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for item in items:
        lines.append((depth, f"({item.label}) {item.text.flat}"))
        lines.extend(_item_lines(item.items, depth + 1))
    return lines
