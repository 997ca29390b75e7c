"""Coverage rules (COV): the configured matrices filled once per check, for every COV rule to read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spectool.config import Config
from spectool.coverage.assess import Assessor, Cell, SpecCoverage, assess
from spectool.coverage.limits import Limits, limits_of
from spectool.coverage.load import has_coverage, load_coverage
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus
from spectool.model.document import Position, Spec
from spectool.rules.base import RuleContext

# A gap is the absence of text, so it has no place of its own: it is reported at the spec's header.
HEADER = Position(1, 1, 1, 4)


@dataclass(frozen=True, slots=True)
class Checked:
    """One matrix filled for the corpus under check, and the gaps it had before an amendment."""

    matrix: CoverageMatrix
    coverages: tuple[SpecCoverage, ...]
    limits: Limits
    known: frozenset[tuple[str, str, str]]  # (spec key, row, column) uncovered in the base corpus
    opened_by: str  # the amendment's id when an amendment is checked, else ""
    file: Path | None  # the coverage file the matrix came from; None when inline in the configuration


@dataclass(frozen=True, slots=True)
class CellOf:
    """One cell of one spec's filled matrix, with what a finding about it needs."""

    checked: Checked
    spec: Spec
    row: Row
    column: Column
    cell: Cell


def cells_of(context: RuleContext, wanted: Callable[[Cell], bool]) -> Iterator[CellOf]:
    """Every cell `wanted` picks, matrix by matrix and spec by spec."""
    for each in checked(context):
        for coverage in each.coverages:
            spec = context.corpus.require(coverage.key)
            for cell in coverage.cells:
                if wanted(cell):
                    row, column = each.matrix.find_row(cell.row), each.matrix.find_column(cell.column)
                    yield CellOf(each, spec, row, column, cell)


_CHECKED: MemoKind[tuple[Checked, ...]] = MemoKind("coverage matrices filled")


def checked(context: RuleContext) -> tuple[Checked, ...]:
    """Every configured matrix filled for `context`, once per run however many COV rules ask."""
    sources = (context.corpus, context.base, context.config, context.amendment)
    return context.memo.once(
        _CHECKED, sources, lambda: tuple(_check(context)) if has_coverage(context.config) else ()
    )


def _check(context: RuleContext) -> Iterable[Checked]:
    opened_by = context.amendment.id if context.amendment is not None and context.base is not None else ""
    settings = load_coverage(context.config)
    for matrix in settings.matrices:
        assessed = _Assessed(matrix, context.config, context.corpus, context.memo)
        known: frozenset[tuple[str, str, str]] = frozenset()
        if context.base is not None:
            base = assessed.all(context.base)
            known = frozenset((c.key, gap.row, gap.column) for c in base for gap in c.gaps)
        coverages = assessed.all(context.corpus)
        yield Checked(matrix, coverages, assessed.limits, known, opened_by, settings.path)


class _Assessed:
    """`assess_all` of one matrix, each spec object once: an amendment leaves most specs untouched,
    and the base and the amended corpus then hold the very same objects."""

    def __init__(self, matrix: CoverageMatrix, config: Config, corpus: Corpus, memo: RunMemo) -> None:
        self._matrix = matrix
        self.limits = limits_of(config, corpus, matrix, memo)
        self._assessor = Assessor(matrix, self.limits, corpus)
        # By identity; the value holds the spec, so its id cannot pass to another object.
        self._done: dict[int, tuple[Spec, SpecCoverage]] = {}

    def all(self, specs: Iterable[Spec]) -> tuple[SpecCoverage, ...]:
        """What `assess_all(specs, matrix)` returns."""
        return tuple(self._one(spec) for spec in specs if self._matrix.rows_for(spec.name))

    def _one(self, spec: Spec) -> SpecCoverage:
        done = self._done.get(id(spec))
        if done is None:
            coverage = assess(spec, self._matrix, assessor=self._assessor, excerpts=False)
            done = self._done[id(spec)] = (spec, coverage)
        return done[1]


def clause_position(spec: Spec, clause: str) -> Position:
    """Where a clause starts, or the spec's header when it is not a clause of `spec`."""
    found = spec.clause(clause) if clause[:1].isdigit() else None
    return found.position if found is not None else HEADER
