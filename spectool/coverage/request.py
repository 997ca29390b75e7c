"""What `spectool coverage` was asked for, turned into a rendered report (the command only prints it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spectool.amend.apply import apply_amendment
from spectool.amend.reader import read_amendment
from spectool.collector import collector_paused
from spectool.config import Config
from spectool.coverage.assess import Assessor, Explanation, assess, assess_all, explain
from spectool.coverage.compare import Comparison, compare
from spectool.coverage.limits import limits_of
from spectool.coverage.load import load_coverage
from spectool.coverage.matrix import CoverageMatrix
from spectool.coverage.reports import renderer
from spectool.errors import UsageError
from spectool.model.corpus import Corpus, split_key
from spectool.model.document import Spec
from spectool.parsing import load_corpus


@dataclass(frozen=True, slots=True)
class CoverageRequest:
    matrix: str | None = None  # None: the configured default
    specs: tuple[str, ...] = ()  # SPEC@VERSION or SPEC (every version); () for all
    output_format: str = "text"
    explain: tuple[str, str] | None = None  # (row, column)
    compare: tuple[str, str] | None = None  # (left, right) spec versions
    amendment: Path | None = None
    before_after: bool = False


@dataclass(frozen=True, slots=True)
class AmendedCorpus:
    """The corpus as an amendment leaves it, and which spec versions it changed."""

    amendment: str  # its id, e.g. "MP102A"
    before: Corpus
    after: Corpus
    changed: tuple[str, ...]


def amend_corpus(corpus: Corpus, path: Path) -> AmendedCorpus:
    amendment = read_amendment(path)
    amended = apply_amendment(amendment, corpus)
    after = corpus
    for spec in amended.values():
        after = after.with_spec(spec)
    return AmendedCorpus(amendment.id or path.stem, corpus, after, tuple(amended))


def run_coverage(config: Config, request: CoverageRequest, corpus: Corpus | None = None) -> str:
    """The report `request` asks for, rendered in its format."""
    matrix = load_coverage(config).matrix(request.matrix)
    corpus = corpus if corpus is not None else load_corpus(config.spec_paths)
    # Reading obligations makes many small objects and no cycles; with a corpus alive, the
    # collector's passes over it cost as much as the reading (as for the rules: spectool.collector).
    with collector_paused():
        return _report(config, request, matrix, corpus)


def _report(config: Config, request: CoverageRequest, matrix: CoverageMatrix, corpus: Corpus) -> str:
    render = renderer(request.output_format)
    amended = amend_corpus(corpus, request.amendment) if request.amendment else None
    if request.before_after and amended is None:
        raise UsageError("--before-after needs --amendment FILE")
    current = amended.after if amended else corpus
    label = amended.amendment if amended else ""
    assessor = Assessor(matrix, limits_of(config, current, matrix), current)
    if request.explain:
        return render.render_explanations(explanations(current, matrix, request, assessor))
    if request.compare:
        left, right = (_responsible(current.require(key), matrix) for key in request.compare)
        return render.render_comparisons(
            [
                compare(
                    assess(left, matrix, amended_by=label, assessor=assessor),
                    assess(right, matrix, amended_by=label, assessor=assessor),
                )
            ]
        )
    specs = select_specs(current, matrix, request.specs)
    if amended and request.before_after:
        before = Assessor(matrix, limits_of(config, amended.before, matrix), amended.before)
        return render.render_comparisons(before_after(amended, matrix, specs, before, assessor))
    return render.render_matrices(assess_all(specs, matrix, amended_by=label, assessor=assessor))


def select_specs(corpus: Corpus, matrix: CoverageMatrix, keys: tuple[str, ...]) -> list[Spec]:
    """The spec versions named (every version of a bare name), else all with a row in the matrix."""
    if not keys:
        return [spec for spec in corpus if matrix.rows_for(spec.name)]
    chosen: list[Spec] = []
    for key in keys:
        name, version = split_key(key)
        found = [corpus.require(key)] if version else corpus.versions_of(name)
        if not found:
            corpus.require(key)  # raises, listing what is loaded
        chosen.extend(_responsible(spec, matrix) for spec in found)
    return list({spec.key: spec for spec in chosen}.values())


def explanations(
    corpus: Corpus, matrix: CoverageMatrix, request: CoverageRequest, assessor: Assessor | None = None
) -> list[Explanation]:
    assert request.explain is not None
    row, column = matrix.find_row(request.explain[0]), matrix.find_column(request.explain[1])
    specs = [spec for spec in select_specs(corpus, matrix, request.specs) if spec.name in row.specs]
    if not specs:
        raise UsageError(
            f"row {row.key} is the responsibility of {', '.join(row.specs)}: name a version of it"
        )
    return [explain(spec, matrix, row, column, assessor=assessor) for spec in specs]


def before_after(
    amended: AmendedCorpus,
    matrix: CoverageMatrix,
    specs: list[Spec],
    before_assessor: Assessor | None = None,
    after_assessor: Assessor | None = None,
) -> list[Comparison]:
    """Each chosen spec version the amendment changes, before and after it."""
    comparisons = []
    for spec in specs:
        if spec.key not in amended.changed:
            continue
        before = assess(amended.before.require(spec.key), matrix, assessor=before_assessor)
        after = assess(spec, matrix, amended_by=amended.amendment, assessor=after_assessor)
        labels = (f"{spec.key} before {amended.amendment}", f"{spec.key} after {amended.amendment}")
        comparisons.append(compare(before, after, left_label=labels[0], right_label=labels[1]))
    if not comparisons:
        raise UsageError(f"{amended.amendment} changes none of the spec versions chosen")
    return comparisons


def _responsible(spec: Spec, matrix: CoverageMatrix) -> Spec:
    if not matrix.rows_for(spec.name):
        raise UsageError(f"{spec.key} is responsible for no row of matrix {matrix.name}")
    return spec
