"""Every rule case file: cases that must fire where they say, and near misses that must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.harness import Case, all_cases, located, run_case

CASES = all_cases()


@pytest.mark.parametrize("case", [case for case in CASES if case.kind == "fires"], ids=lambda case: case.id)
def test_fires(case: Case, tmp_path: Path) -> None:
    findings = run_case(case, tmp_path)
    found = [located(finding) for finding in findings]
    assert found == list(case.expect), f"{case.where}: {case.name}: {[f.message for f in findings]}"
    for text in case.messages:
        assert any(text in finding.message for finding in findings), f"{case.where}: no message has {text!r}"
    if case.suggestions is not None:
        assert [finding.suggestion for finding in findings] == list(case.suggestions), case.where


@pytest.mark.parametrize("case", [case for case in CASES if case.kind == "passes"], ids=lambda case: case.id)
def test_passes(case: Case, tmp_path: Path) -> None:
    findings = run_case(case, tmp_path)
    assert findings == [], f"{case.where}: {case.name}: " + "; ".join(
        f"{located(finding)} {finding.message}" for finding in findings
    )


def test_fire_cases_expect_something() -> None:
    empty = [case.where for case in CASES if case.kind == "fires" and not case.expect]
    assert not empty, f"cases that must fire but expect no finding: {empty}"
