"""What a reporter may know besides the findings: the tool, the rules that ran, the files, the sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spectool import __version__
from spectool.findings import BaselineState, Finding, Severity

TOOL_NAME = "spectool"
INFORMATION_URI = "https://github.com/spectool/spectool"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as reports describe it: `spectool rules` and SARIF's `tool.driver.rules`."""

    code: str
    name: str
    summary: str
    severity: Severity
    explanation: str = ""  # the rule's docstring, Markdown


# Spec files that cannot be read are reported as findings of this pseudo-rule, so CI sees them.
PARSE_RULE = RuleInfo(
    "PARSE",
    "ParseError",
    "a spec source cannot be read",
    Severity.ERROR,
    "The file does not follow the spec source format (docs/format.md); nothing in it was checked.",
)


@dataclass(frozen=True, slots=True)
class ReportMeta:
    tool: str = TOOL_NAME
    version: str = __version__
    rules: tuple[RuleInfo, ...] = ()  # the rules that ran
    files: tuple[str, ...] = ()  # the files checked, as findings name them
    suppressed: tuple[tuple[Finding, str], ...] = ()  # (finding, the reason its suppression gives)
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)  # path -> its lines
    color: bool = False
    fail_on: Severity | None = Severity.ERROR  # the lowest severity that fails the run; None: never
    # With a baseline: how many findings are new, unchanged and absent, shown or not.
    baseline: tuple[tuple[BaselineState, int], ...] = ()

    def source_line(self, path: str, line: int) -> str | None:
        lines = self.sources.get(path)
        if lines is None or not 0 < line <= len(lines):
            return None
        return lines[line - 1]

    def fails(self, finding: Finding) -> bool:
        return self.fail_on is not None and finding.severity.rank >= self.fail_on.rank

    def rule(self, code: str) -> RuleInfo | None:
        return next((rule for rule in self.rules if rule.code == code), None)


def baseline_note(meta: ReportMeta) -> str:
    """ "against the baseline: 1 new, 4 unchanged, 0 absent", or "" without a baseline."""
    if not meta.baseline:
        return ""
    return "against the baseline: " + ", ".join(f"{count} {state.value}" for state, count in meta.baseline)


def counts(findings: Sequence[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, every severity present."""
    tally = dict.fromkeys(Severity, 0)
    for finding in findings:
        tally[finding.severity] += 1
    return tally


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def snippet(finding: Finding, meta: ReportMeta) -> str:
    """The text a finding points at, on one line; "" when the source or the span is unknown."""
    source = meta.source_line(finding.path, finding.line)
    if source is None or finding.end_column <= finding.column:
        return ""
    return " ".join(source[finding.column - 1 : finding.end_column - 1].split())
