"""Reporters: one small module per output format, each a function of the findings and tool metadata."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol

from spectool.findings import Finding
from spectool.reporting.meta import ReportMeta, RuleInfo

# Format name -> module in this package that defines `report(findings, meta) -> str`. One line each.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}


class Reporter(Protocol):
    def __call__(self, findings: Sequence[Finding], meta: ReportMeta) -> str: ...


def reporter(name: str) -> Reporter:
    """The `report` function of format `name` (KeyError for an unknown format)."""
    module = importlib.import_module(f"spectool.reporting.{FORMATS[name]}")
    report: Reporter = module.report
    return report


__all__ = ["FORMATS", "ReportMeta", "Reporter", "RuleInfo", "reporter"]
