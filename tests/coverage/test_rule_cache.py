"""COV001 assesses each spec object once when it checks an amendment, and reports what it did before."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.coverage import assess as assess_module
from spectool.coverage.assess import assess_all
from spectool.coverage.load import load_coverage
from spectool.coverage.request import amend_corpus
from spectool.parsing import load_corpus
from spectool.rules.base import RuleContext
from spectool.rules.coverage.cov001 import CoverageGap

ROOT = Path(__file__).resolve().parents[2]


def test_an_amendment_check_reports_the_gaps_of_assess_all(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(ROOT / "spectool.toml")
    corpus = load_corpus(config.spec_paths)
    # SMETS2 4.2 as MP102A leaves it; the other specs the very objects of the base.
    before = corpus
    after = corpus.with_spec(
        amend_corpus(corpus, ROOT / "amendments" / "MP102A.amend").after.require("SMETS2@4.2")
    )
    assert [spec is other for spec, other in zip(before, after, strict=True)] == [True, False, True]
    expected = []
    for matrix in load_coverage(config).matrices:
        known = {(c.key, gap.row, gap.column) for c in assess_all(before, matrix) for gap in c.gaps}
        for coverage in assess_all(after, matrix):
            for gap in coverage.gaps:
                opened = (coverage.key, gap.row, gap.column) not in known
                expected.append((coverage.key, gap.row, gap.column, opened))

    assessed: list[int] = []
    real = assess_module.assess

    def counting(spec, matrix, **options):  # type: ignore[no-untyped-def]
        assessed.append(id(spec))
        return real(spec, matrix, **options)

    monkeypatch.setattr("spectool.rules.coverage.assess", counting)
    context = RuleContext(corpus=after, config=config, amendment=None, base=before)
    findings = list(CoverageGap().check(context))
    assert len(findings) == len(expected)
    for finding, (key, row, column, opened) in zip(findings, expected, strict=True):
        assert f"--explain {row} {column} {key}`" in finding.message
        assert ("(opened by" in finding.message) == opened
    assert len(assessed) == len(set(assessed))  # no spec object twice
    assert len(assessed) < len(list(before)) + len(list(after))
