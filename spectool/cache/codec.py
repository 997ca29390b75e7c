"""Check results to JSON and back: plain data, so that a cache file can never run code when read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spectool.findings import BaselineState, Finding, RelatedLocation, Severity
from spectool.reporting.json_format import finding_to_dict
from spectool.reporting.meta import RuleInfo


@dataclass(frozen=True, slots=True)
class CachedCheck:
    """What `spectool check` reports from: files checked, rules run, findings shown and suppressed."""

    files: tuple[str, ...]
    rules: tuple[RuleInfo, ...]
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, str], ...]


def to_json(check: CachedCheck) -> dict[str, Any]:
    return {
        "files": list(check.files),
        "rules": [[r.code, r.name, r.summary, r.severity.value, r.explanation] for r in check.rules],
        "findings": [_finding(finding) for finding in check.findings],
        "suppressed": [[_finding(finding), reason] for finding, reason in check.suppressed],
    }


def from_json(data: dict[str, Any]) -> CachedCheck:
    """The check stored as `data`; KeyError, TypeError or ValueError when it is not one."""
    return CachedCheck(
        tuple(str(path) for path in data["files"]),
        tuple(
            RuleInfo(str(code), str(name), str(summary), Severity(severity), str(explanation))
            for code, name, summary, severity, explanation in data["rules"]
        ),
        tuple(_read_finding(raw) for raw in data["findings"]),
        tuple((_read_finding(raw), str(reason)) for raw, reason in data["suppressed"]),
    )


def _finding(finding: Finding) -> dict[str, Any]:
    """The JSON report's own form of a finding, with its related locations too."""
    related = [[r.path, r.line, r.column, r.message] for r in finding.related]
    return {**finding_to_dict(finding), "related": related}


def _read_finding(raw: dict[str, Any]) -> Finding:
    suggestion, baseline = raw["suggestion"], raw.get("baseline_state")
    return Finding(
        code=str(raw["code"]),
        severity=Severity(raw["severity"]),
        message=str(raw["message"]),
        path=str(raw["path"]),
        line=_integer(raw["line"]),
        column=_integer(raw["column"]),
        end_column=_integer(raw["end_column"]),
        spec=str(raw["spec"]),
        version=str(raw["version"]),
        clause=str(raw["clause"]),
        suggestion=None if suggestion is None else str(suggestion),
        fingerprints=tuple((str(kind), str(value)) for kind, value in raw["fingerprints"].items()),
        baseline=None if baseline is None else BaselineState(baseline),
        related=tuple(
            RelatedLocation(str(path), _integer(line), _integer(column), str(message))
            for path, line, column, message in raw["related"]
        ),
        word=str(raw.get("word", "")),
    )


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, not {value!r}")
    return value
