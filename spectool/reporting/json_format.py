"""`--format json`: a stable document of the findings (schema 1, described in docs/check.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from spectool.findings import Finding, Severity
from spectool.reporting.meta import ReportMeta, counts

SCHEMA = 1


def finding_to_dict(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_column": finding.end_column,
        "spec": finding.spec,
        "version": finding.version,
        "clause": finding.clause,
        "suggestion": finding.suggestion,
        "fingerprints": dict(finding.fingerprints),
        **({"baseline_state": finding.baseline.value} if finding.baseline is not None else {}),
        **({"word": finding.word} if finding.word else {}),
    }


def report(findings: Sequence[Finding], meta: ReportMeta) -> str:
    tally = counts(findings)
    document = {
        "schema": SCHEMA,
        "tool": {"name": meta.tool, "version": meta.version},
        "summary": {
            "files": len(meta.files),
            "findings": len(findings),
            **{severity.value: tally[severity] for severity in Severity},
            "suppressed": len(meta.suppressed),
            **({"baseline": {state.value: count for state, count in meta.baseline}} if meta.baseline else {}),
        },
        "findings": [finding_to_dict(finding) for finding in findings],
        "suppressed": [{**finding_to_dict(finding), "reason": reason} for finding, reason in meta.suppressed],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
