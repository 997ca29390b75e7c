"""`--format github`: workflow commands that annotate the pull request, and a Markdown step summary."""

from __future__ import annotations

from collections.abc import Sequence

from spectool.findings import Finding, Severity
from spectool.reporting.meta import ReportMeta, counts, plural

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub shows at most ten annotations of each kind per step and drops the rest.
ANNOTATION_LIMIT = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = [f"file={escape_property(finding.path)}", f"line={finding.line}", f"col={finding.column}"]
    if finding.end_column > finding.column:
        properties.append(f"endColumn={finding.end_column}")
    properties.append(f"title={escape_property(finding.code)}")
    message = finding.message + (f" (in Word: {finding.word})" if finding.word else "")
    message += f" (suggestion: {finding.suggestion})" if finding.suggestion else ""
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def annotated(findings: Sequence[Finding]) -> list[Finding]:
    """The findings GitHub will show: the first ten of each kind."""
    shown: list[Finding] = []
    per_kind = dict.fromkeys(Severity, 0)
    for finding in findings:
        if per_kind[finding.severity] < ANNOTATION_LIMIT:
            per_kind[finding.severity] += 1
            shown.append(finding)
    return shown


def report(findings: Sequence[Finding], meta: ReportMeta) -> str:
    return "".join(annotation(finding) + "\n" for finding in annotated(findings))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(findings: Sequence[Finding], meta: ReportMeta) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every finding, since annotations stop at ten of each kind."""
    tally = counts(findings)
    lines = [f"## {meta.tool} check", ""]
    if not findings:
        lines.append(f"No findings in {plural(len(meta.files), 'file')}.")
    else:
        parts = [plural(tally[severity], severity.value) for severity in Severity if tally[severity]]
        lines.append(f"{', '.join(parts)} in {plural(len({f.path for f in findings}), 'file')}.")
        missing = len(findings) - len(annotated(findings))
        if missing:
            lines.append(
                f"{plural(missing, 'finding')} not annotated on the pull request "
                f"(GitHub shows {ANNOTATION_LIMIT} of each kind); all are listed below."
            )
        lines += ["", "| location | code | severity | message |", "| --- | --- | --- | --- |"]
        for finding in findings:
            lines.append(
                f"| `{_cell(finding.location)}` | {finding.code} | {finding.severity.value} "
                f"| {_cell(finding.message)} |"
            )
    if meta.suppressed:
        lines += ["", f"{plural(len(meta.suppressed), 'finding')} suppressed in the source."]
    return "\n".join(lines) + "\n"
