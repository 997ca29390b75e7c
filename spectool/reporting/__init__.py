"""Reporters: one small module per output format, each a function of the findings and tool metadata."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from spectool.findings import Finding
from spectool.reporting.meta import ReportMeta, RuleInfo


class Reporter(Protocol):
    def __call__(self, findings: Sequence[Finding], meta: ReportMeta) -> str: ...


def _text() -> Reporter:
    from spectool.reporting.text import report

    return report


def _json() -> Reporter:
    from spectool.reporting.json_format import report

    return report


def _sarif() -> Reporter:
    from spectool.reporting.sarif import report

    return report


def _github() -> Reporter:
    from spectool.reporting.github import report

    return report


def _junit() -> Reporter:
    from spectool.reporting.junit import report

    return report


# Format name -> its reporter, imported only when asked for (plain imports: mypy follows them).
FORMATS: dict[str, Callable[[], Reporter]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "junit": _junit,
}


def reporter(name: str) -> Reporter:
    """The `report` function of format `name` (KeyError for an unknown format)."""
    return FORMATS[name]()


__all__ = ["FORMATS", "ReportMeta", "Reporter", "RuleInfo", "reporter"]
