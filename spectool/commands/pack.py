"""`spectool pack`: the complete legal-text pack of a modification, in one folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from spectool.api import Workspace
from spectool.api.redlining import parse_context
from spectool.pack.build import PackResult
from spectool.pack.plan import PackOptions
from spectool.pack.steps import Outcome, Status, Step
from spectool.redline.revisions import DEFAULT_AUTHOR, change_request_date

EXIT_NOT_CLEAN = 1
EXIT_STEP_FAILED = 2


class ProgressLines:
    """A progress bar on a terminal; one line per step elsewhere (CI logs, pipes)."""

    def __init__(self) -> None:
        self.on_terminal = sys.stderr.isatty()

    def __call__(self, index: int, total: int, step: Step, outcome: Outcome | None) -> None:
        if outcome is None:
            if self.on_terminal:
                click.echo(f"\r\033[K[{index}/{total}] {step.label} ...", nl=False, err=True)
            return
        mark = {Status.OK: "ok", Status.FINDINGS: "findings", Status.FAILED: "FAILED"}[outcome.status]
        line = f"[{index}/{total}] {step.label}: {mark} ({outcome.seconds:.1f} s)"
        if self.on_terminal:
            colour = {Status.OK: "green", Status.FINDINGS: "yellow", Status.FAILED: "red"}[outcome.status]
            click.echo("\r\033[K" + click.style(line, fg=colour), err=True)
        else:
            click.echo(line, err=True)
        if outcome.status is Status.FAILED:
            for problem in outcome.stderr.strip().splitlines()[:5]:
                click.echo(f"    {problem}", err=True)


@click.command("pack")
@click.argument("amendment", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The pack folder (built beside it, then moved into place whole).",
)
@click.option("--author", default=DEFAULT_AUTHOR, show_default=True, help="The author of every revision.")
@click.option(
    "--date",
    "date_text",
    metavar="YYYY-MM-DDTHH:MM:SSZ",
    help="The date of every revision [default: the change request's Date].",
)
@click.option(
    "--context",
    default="all",
    show_default=True,
    metavar="N|all",
    help='The redlines show N clauses around each change ("..." for the rest), or all of the text.',
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="spectool.toml to use.",
)
def command(
    amendment: Path, output: Path, author: str, date_text: str | None, context: str, config_path: Path | None
) -> None:
    """Write AMENDMENT's legal-text pack: redlines, consolidated text, checks, coverage and an index.

    Exit status 0 when every step succeeded and the checks are clean, 1 when a check found
    something, 2 when a step failed (the other steps still run, and the pack is written to
    OUTPUT.failed so that a good pack at OUTPUT stays as it was).
    """
    workspace = Workspace.open(config_path)
    parse_context(context)  # a bad value is a usage error now, not a failed step later
    request = workspace.amendment(amendment)
    date = change_request_date(date_text, request.date, str(amendment))
    options = PackOptions(amendment, author, date, config_path, context)
    result = workspace.pack(options, output, ProgressLines())
    click.echo(describe(result))
    if result.findings is not None:
        click.echo(result.findings.summary())
    if result.failed:
        sys.exit(EXIT_STEP_FAILED)
    if not result.clean:
        sys.exit(EXIT_NOT_CLEAN)


def describe(result: PackResult) -> str:
    steps = len(result.outcomes)
    findings = sum(1 for outcome in result.outcomes if outcome.status is Status.FINDINGS)
    verdict = "clean" if result.clean else f"{findings} step(s) with findings, {len(result.failed)} failed"
    line = f"{result.destination}/index.html: {result.amendment.id}, {steps} steps, {verdict}"
    if result.failed:
        line += " (kept aside: the pack it would have replaced, if any, is unchanged)"
    return line
