"""`spectool check`: run the rules over the corpus (or amendments) and report for people or for CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from spectool.atomic import write_text_atomic
from spectool.cache.report import cached_report
from spectool.config import load_config
from spectool.findings import Finding, Severity
from spectool.ownership import refuse_to_overwrite
from spectool.reporting import FORMATS, ReportMeta
from spectool.reporting.github import step_summary
from spectool.rules.codes import patterns
from spectool.sources import check_inputs

EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
FAIL_ON = ("error", "warning", "info", "never")


def emit(text: str, output: Path | None, inputs: Sequence[Path], *, color: bool) -> None:
    if output is None:
        click.echo(text, nl=False, color=color)
    else:
        write_text_atomic(output, text, inputs=inputs)


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
@click.option(
    "--select", multiple=True, metavar="CODES", help="Run only these rules: codes or prefixes (TERM)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules: codes or prefixes.")
@click.option(
    "--format", "output_format", type=click.Choice(list(FORMATS)), default="text", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even if spectool did not write it.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit with status 1 when a finding is at least this severe.",
)
@click.option(
    "--baseline",
    metavar="REV|FILE",
    help="Report findings as new, unchanged or absent against a git revision or a saved JSON/SARIF report;"
    " only new ones fail.",
)
@click.option(
    "--changed-since",
    metavar="REV",
    help="The same as --baseline REV (kept for existing workflows).",
)
@click.option(
    "--show",
    type=click.Choice(["new", "all"]),
    default="new",
    show_default=True,
    help="With a baseline: list only new findings, or unchanged and absent ones too.",
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=None,
    help="Reuse the findings of a check whose inputs have not changed (kept in .spectool_cache/);"
    " the default is [cache] enabled in spectool.toml.",
)
def command(
    paths: tuple[Path, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    output: Path | None,
    force: bool,
    fail_on: str,
    baseline: str | None,
    changed_since: str | None,
    show: str,
    use_cache: bool | None,
) -> None:
    """Check spec sources (or, with none, the configured corpus) and .amend amendments against the rules."""
    config = load_config(config_path)
    inputs = check_inputs(paths, config)
    if output is not None:
        refuse_to_overwrite(output, force=force, inputs=inputs)
    color = (
        output is None and output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    fail_level = None if fail_on == "never" else Severity(fail_on)
    if baseline is None and changed_since is None:
        # Answered from the cache before the API, the parser and the rules are even imported.
        select_codes, ignore_codes = patterns(select), patterns(ignore)
        hit = cached_report(
            config, use_cache, paths, select_codes, ignore_codes, inputs,
            output_format=output_format, color=color, fail_on=fail_level,
        )  # fmt: skip
        if hit is not None:
            text, cached, meta = hit
            emit(text, output, inputs, color=color)
            _summarise(output_format, cached.findings, meta)
            if any(meta.fails(finding) for finding in cached.findings):
                sys.exit(EXIT_FINDINGS)
            return
    from spectool.api import Workspace
    from spectool.api.checking import CheckRequest

    workspace = Workspace.open(config)
    request = CheckRequest(
        paths=paths,
        select=patterns(select),
        ignore=patterns(ignore),
        output_format=output_format,
        fail_on=fail_level,
        baseline=baseline or changed_since,
        show_all=show == "all",
        color=color,
        cache=use_cache,
    )
    report = workspace.check_report(request)
    emit(report.text, output, inputs, color=color and not report.input_error)
    _summarise(output_format, report.findings, report.meta)
    if report.input_error:
        sys.exit(EXIT_INPUT_ERROR)
    if report.fails:
        sys.exit(EXIT_FINDINGS)


def _summarise(output_format: str, findings: Sequence[Finding], meta: ReportMeta) -> None:
    """In a GitHub workflow, list every finding in the step summary (annotations stop at ten)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(list(findings), meta))
