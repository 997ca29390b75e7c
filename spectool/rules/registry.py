"""The one place rules are registered; a second rule with a code already taken is refused."""

from __future__ import annotations

import importlib
from functools import cache

from spectool.rules.base import Rule

# Modules that define rules; importing one registers its rules. One line each.
RULE_MODULES: tuple[str, ...] = (
    "terminology.term001",
    "terminology.term002",
    "terminology.term003",
    "defined_terms.def001",
    "defined_terms.def002",
    "defined_terms.def003",
    "defined_terms.def004",
    "defined_terms.def005",
    "references.xref001",
    "references.xref002",
    "references.xref003",
    "structure.struct001",
    "structure.struct002",
    "parameters.param001",
    "coverage.cov001",
    "coverage.cov002",
    "coverage.cov003",
    "coverage.cov004",
    "cross_version",
    "suppressions",
)

_REGISTRY: dict[str, type[Rule]] = {}


class DuplicateRuleError(Exception):
    """Two rule classes claim one code."""


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add `rule` to the registry under its code."""
    existing = _REGISTRY.get(rule.code)
    if existing is not None and existing is not rule:
        raise DuplicateRuleError(f"rule code {rule.code} is taken by {existing.__name__} and {rule.__name__}")
    _REGISTRY[rule.code] = rule
    return rule


@cache
def _load_rule_modules() -> None:
    for name in RULE_MODULES:
        importlib.import_module(f"spectool.rules.{name}")


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, in code order."""
    _load_rule_modules()
    return dict(sorted(_REGISTRY.items()))
