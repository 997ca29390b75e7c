"""`--format sarif`: SARIF 2.1.0 for code scanning, with stable rule ids and fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from spectool.findings import Finding, Severity
from spectool.reporting.meta import INFORMATION_URI, PARSE_RULE, ReportMeta, RuleInfo, snippet

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "spectool/v1"


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (what code scanning expects), an absolute one as file://."""
    location = Path(path)
    return location.as_uri() if location.is_absolute() else quote(location.as_posix())


def fingerprint(finding: Finding, meta: ReportMeta, occurrence: int) -> str:
    """A hash of what the finding is about, not where: code, spec, clause and the text it points at.

    Lines move when text is added above; the fingerprint must not, or code scanning would close
    and reopen every alert below an edit.
    """
    about = snippet(finding, meta) or finding.message
    parts = (finding.code, finding.spec, finding.version, finding.clause, about, str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _rule(rule: RuleInfo) -> dict[str, object]:
    first_paragraph = rule.explanation.split("\n\n", 1)[0].strip() or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": rule.explanation or rule.summary, "markdown": rule.explanation or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["spectool", rule.code.rstrip("0123456789").lower()]},
    }


def _region(finding: Finding) -> dict[str, int] | None:
    if finding.line < 1:
        return None
    region = {"startLine": finding.line}
    if finding.column >= 1:
        region["startColumn"] = finding.column
        if finding.end_column > finding.column:
            region["endColumn"] = finding.end_column
    return region


def _result(finding: Finding, index: dict[str, int], print_: str) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(finding.path)}}
    region = _region(finding)
    if region is not None:
        physical["region"] = region
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": dict(finding.fingerprints) or {FINGERPRINT: print_},
    }
    if finding.baseline is not None:
        result["baselineState"] = finding.baseline.value
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(place.path)},
                    "region": {"startLine": place.line, "startColumn": max(place.column, 1)},
                },
                "message": {"text": place.message},
            }
            for number, place in enumerate(finding.related, start=1)
        ]
    if finding.suggestion is not None and region is not None and "endColumn" in region:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with “{finding.suggestion}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": finding.suggestion}}
                        ],
                    }
                ],
            }
        ]
    properties: dict[str, str] = {}
    if finding.spec:
        properties = {"spec": finding.spec, "version": finding.version, "clause": finding.clause}
    if finding.word:  # the paragraph or cell of the Word document the spec was imported from
        properties["word"] = finding.word
    if properties:
        result["properties"] = properties
    return result


def report(findings: Sequence[Finding], meta: ReportMeta) -> str:
    rules = list(meta.rules)
    known = {rule.code for rule in rules}
    for finding in (*findings, *(found for found, _ in meta.suppressed)):
        if finding.code not in known:
            rules.append(PARSE_RULE if finding.code == PARSE_RULE.code else _unknown(finding))
            known.add(finding.code)
    index = {rule.code: position for position, rule in enumerate(rules)}
    seen: Counter[tuple[str, ...]] = Counter()
    results = []
    every = [(finding, None) for finding in findings] + [(found, why) for found, why in meta.suppressed]
    for finding, reason in every:
        key = (finding.code, finding.spec, finding.version, finding.clause, snippet(finding, meta))
        seen[key] += 1
        result = _result(finding, index, fingerprint(finding, meta, seen[key]))
        if reason is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": reason}]
        results.append(result)
    driver = {"name": meta.tool, "version": meta.version, "informationUri": INFORMATION_URI}
    run = {
        "tool": {"driver": {**driver, "rules": [_rule(rule) for rule in rules]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _unknown(finding: Finding) -> RuleInfo:
    return RuleInfo(finding.code, finding.code, finding.code, finding.severity)
