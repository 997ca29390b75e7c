"""Findings: what a rule reports, as plain values that every reporter reads."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BaselineState(StrEnum):
    """A finding measured against a baseline (SARIF's `baselineState`)."""

    NEW = "new"
    UNCHANGED = "unchanged"
    ABSENT = "absent"  # in the baseline, gone now


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    """Another place a finding concerns (SARIF's `relatedLocations`)."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found, at a place in a file (1-based line and column; end column exclusive)."""

    code: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_column: int = 0
    spec: str = ""
    version: str = ""
    clause: str = ""  # the clause or section id, or the defined term for glossary findings
    suggestion: str | None = None  # replacement text for the span, where the rule knows it
    fingerprints: tuple[tuple[str, str], ...] = ()  # (kind, hash): spectool.baseline.fingerprint
    baseline: BaselineState | None = None  # None: no baseline was asked for
    related: tuple[RelatedLocation, ...] = ()
    # In a spec imported from Word, the place in the document: "SMETS2 v5.0.docx, paragraph 37".
    word: str = ""

    def fingerprint(self, kind: str) -> str:
        return dict(self.fingerprints).get(kind, "")

    @property
    def key(self) -> tuple[str, int, int, str, str, str, str]:
        """(path, line, column, code, ...): the order reporters list findings in. The message and
        the spec break ties, so that findings at one place come out in one order on every run."""
        return (self.path, self.line, self.column, self.code, self.spec, self.version, self.message)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"
