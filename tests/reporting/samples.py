"""A fixed set of findings, sources and rules that every reporter test renders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from spectool.findings import Finding, Severity
from spectool.reporting import ReportMeta, RuleInfo

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SPECTOOL_UPDATE_GOLDEN") == "1"

SMETS2 = [
    "5.5.3 ESME shall provide power to the Comms Hub through the Communications Hub Interface from the",
    "  moment it is installed, except during a mains power failure.",
    "5.4.4.5 ESME shall not lead to spurious Power Outage Alerts: 100% | sure, really.",
]
CHTS = ["4.4.2 Communications Hub Function shall send the Power Outage Alert after 3 minutes."]

RULES = (
    RuleInfo(
        "TERM001",
        "DeprecatedTerm",
        "a deprecated term is used",
        Severity.ERROR,
        "Says why.\n\n## Why\nBecause.",
    ),
    RuleInfo("TERM002", "BannedWord", "a banned word is used", Severity.ERROR, "Bans words."),
    RuleInfo("DEF003", "UnusedDefinition", "a term is defined but never used", Severity.WARNING, "Unused."),
)


def finding(
    code: str, severity: Severity, path: str, line: int, column: int, end: int, **rest: Any
) -> Finding:
    return Finding(code, severity, rest.pop("message", f"{code} message"), path, line, column, end, **rest)


FINDINGS = [
    finding(
        "DEF003", Severity.WARNING, "specs/chts.spec", 1, 1, 6, spec="CHTS", version="1.5", clause="4.4.2"
    ),
    finding(
        "TERM001",
        Severity.ERROR,
        "specs/smets2.spec",
        1,
        39,
        48,
        message='"Comms Hub" is deprecated: use "Communications Hub"',
        spec="SMETS2",
        version="4.2",
        clause="5.5.3",
        suggestion="Communications Hub",
    ),
    finding(
        "TERM001",
        Severity.ERROR,
        "specs/smets2.spec",
        2,
        45,
        64,
        message='"mains power failure" is deprecated: use "Supply Outage"',
        spec="SMETS2",
        version="4.2",
        clause="5.5.3",
        suggestion="Supply Outage",
    ),
    finding(
        "TERM002",
        Severity.ERROR,
        "specs/smets2.spec",
        3,
        31,
        39,
        message='"spurious" must not be used, 100% | sure: a "genuine" alert\nsecond line',
        spec="SMETS2",
        version="4.2",
        clause="5.4.4.5",
    ),
]

SUPPRESSED = (
    (
        finding(
            "TERM001",
            Severity.ERROR,
            "specs/smets2.spec",
            2,
            45,
            64,
            spec="SMETS2",
            version="4.2",
            clause="5.5.3",
        ),
        "quoted on purpose",
    ),
)


def meta(**changes: object) -> ReportMeta:
    values: dict[str, object] = {
        "version": "0.1.0",
        "rules": RULES,
        "files": ("specs/chts.spec", "specs/smets2.spec"),
        "suppressed": SUPPRESSED,
        "sources": {"specs/smets2.spec": SMETS2, "specs/chts.spec": CHTS},
    }
    values.update(changes)
    return ReportMeta(**values)  # type: ignore[arg-type]


def assert_golden(name: str, text: str) -> None:
    """Compare with golden/NAME; SPECTOOL_UPDATE_GOLDEN=1 rewrites it instead (then review the diff)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing: run with SPECTOOL_UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path.name}"
