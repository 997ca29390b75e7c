"""The registry: every rule documented and covered by a case file both ways; duplicate codes refused."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import DuplicateRuleError, all_rules, register
from tests.rules.harness import CASES, load_cases

RULES = all_rules()
HEADINGS = ("## What it does", "## Why", "## Example")


def test_the_families_are_registered() -> None:
    for prefix in ("TERM", "DEF", "XREF", "STRUCT", "PARAM"):
        assert any(code.startswith(prefix) for code in RULES), prefix


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_has_cases_that_fire_and_cases_that_pass(code: str) -> None:
    path = CASES / f"{code}.toml"
    assert path.is_file(), f"{code} has no case file {path.name} (see tests/rules/README.md)"
    kinds = {case.kind for case in load_cases(path)}
    assert kinds == {"fires", "passes"}, f"{path.name} needs [[fires]] and [[passes]] cases, has {kinds}"


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_declares_and_explains_itself(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"[A-Z]+[0-9]{3}", rule.code)
    assert re.fullmatch(r"(?:[A-Z][a-z0-9]+)+", rule.name), rule.name
    assert rule.summary and not rule.summary.endswith(".")
    assert isinstance(rule.severity, Severity)
    doc = rule.__doc__ or ""
    for heading in HEADINGS:
        assert heading in doc, f"{code}'s docstring lacks '{heading}'"


def test_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_case_files_name_registered_rules() -> None:
    unknown = [path.stem for path in CASES.glob("*.toml") if path.stem not in RULES]
    assert not unknown, f"case files for rules nobody registers: {unknown}"


def test_a_second_rule_with_a_taken_code_is_refused() -> None:
    class Impostor(Rule):
        code = "TERM001"
        name = "Impostor"
        summary = "claims a taken code"
        severity = Severity.INFO

        def check(self, context: RuleContext) -> Iterator[Finding]:
            yield from ()

    with pytest.raises(DuplicateRuleError, match="TERM001 is taken by DeprecatedTerm and Impostor"):
        register(Impostor)
    assert all_rules()["TERM001"].__name__ == "DeprecatedTerm"
