"""The default format: `file:line:col: CODE severity message`, the source line and a caret, by file."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

import click

from spectool.findings import BaselineState, Finding, Severity
from spectool.reporting.meta import ReportMeta, baseline_note, counts, plural

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _style(text: str, meta: ReportMeta, **styles: object) -> str:
    return click.style(text, **styles) if meta.color else text  # type: ignore[arg-type]


def _finding(finding: Finding, meta: ReportMeta) -> list[str]:
    colour = COLOURS[finding.severity]
    head = (
        f"{_style(finding.location, meta, bold=True)}: {_style(finding.code, meta, fg=colour, bold=True)} "
        f"{_style(finding.severity.value, meta, fg=colour)} {finding.message}"
    )
    if finding.baseline is not None and finding.baseline is not BaselineState.NEW:
        head += _style(f" ({finding.baseline.value})", meta, dim=True)
    lines = [head]
    source = meta.source_line(finding.path, finding.line)
    if source is not None and finding.column > 0:
        shown = source.replace("\t", " ")
        width = max(finding.end_column - finding.column, 1)
        gutter = f"{finding.line:>5} | "
        lines.append(_style(gutter, meta, dim=True) + shown)
        caret = " " * (finding.column - 1) + "^" * width
        lines.append(_style(" " * 6 + "| ", meta, dim=True) + _style(caret, meta, fg=colour, bold=True))
    if finding.word:
        lines.append(f"      = in Word: {finding.word}")
    if finding.suggestion:
        lines.append(f"      = suggestion: {finding.suggestion}")
    return lines


def summary(findings: Sequence[Finding], meta: ReportMeta) -> str:
    tally = counts(findings)
    files = len({finding.path for finding in findings})
    suppressed = f"; {len(meta.suppressed)} suppressed" if meta.suppressed else ""
    if note := baseline_note(meta):
        suppressed += f"; {note}"
    if not findings:
        return f"No findings in {plural(len(meta.files), 'file')}{suppressed}."
    parts = [plural(tally[severity], severity.value) for severity in Severity if tally[severity]]
    return f"Found {', '.join(parts)} in {plural(files, 'file')}{suppressed}."


def report(findings: Sequence[Finding], meta: ReportMeta) -> str:
    blocks: list[str] = []
    for _, group in groupby(findings, key=lambda finding: finding.path):
        blocks.append("\n".join(line for finding in group for line in _finding(finding, meta)))
    blocks.append(_style(summary(findings, meta), meta, bold=True))
    return "\n\n".join(blocks) + "\n"
