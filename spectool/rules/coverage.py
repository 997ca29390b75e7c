"""COV001 CoverageGap: a cell of a coverage matrix that no requirement of the responsible spec covers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spectool.coverage.assess import SpecCoverage, assess
from spectool.coverage.hits import MatrixSearch
from spectool.coverage.load import has_coverage, load_coverage
from spectool.coverage.matrix import CoverageMatrix
from spectool.findings import Finding, Severity
from spectool.model.corpus import Corpus
from spectool.model.document import Position, Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import register

# A gap is the absence of text, so it has no place of its own: it is reported at the spec's header.
HEADER = Position(1, 1, 1, 4)


@register
class CoverageGap(Rule):
    """Reports a device and scenario that no requirement covers.

    ## What it does
    Fills in every coverage matrix configured under `[coverage]` (docs/coverage.md) for each spec
    version responsible for one of its rows, and reports each cell that is neither covered nor
    marked not applicable. A clause covers a cell when it says "shall" and its text, sub-items,
    headings or the definitions it uses name the row's device and the column's scenario (and the
    matrix's subject, if it has one). When an amendment is checked, the gaps of the specs as the
    amendment leaves them are reported, and those the amendment itself opens say so: a
    modification that leaves a case uncovered is as incomplete as one that uncovers it.

    ## Why
    A requirement written for "the meter" silently leaves cases out. MP102A's consultation found
    that its text said nothing of the Communications Hub's own firmware upgrade, of polyphase
    meters or of the Hot Shoe of a Gas First installation: gaps that a matrix shows at a glance.

    ## Example
    With the `ota-power` matrix, SMETS2 4.2 has no requirement that names Polyphase ESME and a
    firmware upgrade and power together, so the cell (ESME polyphase, firmware activation) is
    reported. `spectool coverage --explain esme-polyphase firmware-activation SMETS2@4.2` shows
    every clause considered and what each lacks.
    """

    code = "COV001"
    name = "CoverageGap"
    summary = "a cell of a coverage matrix that no requirement covers"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        if not has_coverage(context.config):
            return
        opened_by = str(getattr(context.amendment, "id", "")) if context.base is not None else ""
        for matrix in load_coverage(context.config).matrices:
            assessed = _Assessed(matrix)
            known = _gaps(assessed.all(context.base)) if context.base is not None else set()
            for coverage in assessed.all(context.corpus):
                yield from self._report(context.corpus, coverage, known, opened_by)

    def _report(
        self, corpus: Corpus, coverage: SpecCoverage, known: set[tuple[str, str, str]], opened_by: str
    ) -> Iterator[Finding]:
        spec = corpus.require(coverage.key)
        matrix = coverage.matrix
        for gap in coverage.gaps:
            row, column = matrix.find_row(gap.row), matrix.find_column(gap.column)
            opened = opened_by and (coverage.key, gap.row, gap.column) not in known
            message = (
                f"{matrix.name}: no requirement covers {row.label} x {column.label}"
                f"{f' (opened by {opened_by})' if opened else ''} "
                f"(see `spectool coverage --explain {row.key} {column.key} {coverage.key}`)"
            )
            yield self.at_position(spec, HEADER, message)


def _gaps(coverages: tuple[SpecCoverage, ...]) -> set[tuple[str, str, str]]:
    return {(coverage.key, gap.row, gap.column) for coverage in coverages for gap in coverage.gaps}


class _Assessed:
    """`assess_all` of one matrix, each spec object once: an amendment leaves most specs untouched,
    and the base and the amended corpus then hold the very same objects."""

    def __init__(self, matrix: CoverageMatrix) -> None:
        self._matrix = matrix
        self._search = MatrixSearch(matrix)
        # By identity; the value holds the spec, so its id cannot pass to another object.
        self._done: dict[int, tuple[Spec, SpecCoverage]] = {}

    def all(self, specs: Iterable[Spec]) -> tuple[SpecCoverage, ...]:
        """What `assess_all(specs, matrix)` returns."""
        return tuple(self._one(spec) for spec in specs if self._matrix.rows_for(spec.name))

    def _one(self, spec: Spec) -> SpecCoverage:
        done = self._done.get(id(spec))
        if done is None:
            done = self._done[id(spec)] = (spec, assess(spec, self._matrix, search=self._search))
        return done[1]
