"""The one place rules are registered; a second rule with a code already taken is refused."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from spectool.rules.base import Rule

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
def rule_modules() -> tuple[ModuleType, ...]:
    """The modules that define rules, one each; importing one registers its rules.

    Plain imports, so that mypy follows them; inside a function, because each imports `register`."""
    from spectool.rules import cross_version, suppressions
    from spectool.rules.coverage import cov001, cov002, cov003, cov004
    from spectool.rules.defined_terms import def001, def002, def003, def004, def005
    from spectool.rules.parameters import param001
    from spectool.rules.references import xref001, xref002
    from spectool.rules.structure import struct001, struct002
    from spectool.rules.terminology import term001, term002, term003

    return (
        term001,
        term002,
        term003,
        def001,
        def002,
        def003,
        def004,
        def005,
        xref001,
        xref002,
        struct001,
        struct002,
        param001,
        cov001,
        cov002,
        cov003,
        cov004,
        cross_version,
        suppressions,
    )


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, in code order."""
    rule_modules()
    return dict(sorted(_REGISTRY.items()))
