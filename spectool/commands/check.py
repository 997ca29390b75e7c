"""`spectool check`: run the rules over the corpus (or amendments) and report for people or for CI."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from spectool.atomic import write_text_atomic
from spectool.cache.codec import CachedCheck
from spectool.cache.key import content_key, slot_of
from spectool.cache.settings import cache_settings
from spectool.cache.store import CheckCache
from spectool.config import Config, load_config
from spectool.errors import ConfigError, InputError, Problem, UsageError
from spectool.findings import BaselineState, Finding, Severity
from spectool.reporting import FORMATS, ReportMeta, RuleInfo, reporter
from spectool.reporting.github import step_summary
from spectool.reporting.meta import PARSE_RULE
from spectool.sources import AMENDMENT_SUFFIX, expand_spec_paths

# The rules, the parser and the baseline are imported where a check runs: a check answered from the
# cache needs none of them (docs/performance.md).
if TYPE_CHECKING:
    from spectool.model.corpus import Corpus
    from spectool.rules.base import Rule

EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
FAIL_ON = ("error", "warning", "info", "never")


def rule_info(rule: type[Rule], severity: Severity | None = None) -> RuleInfo:
    return RuleInfo(rule.code, rule.name, rule.summary, severity or rule.severity, explanation(rule))


def explanation(rule: type[Rule]) -> str:
    """The rule's docstring, dedented: what `spectool rules --explain` prints and SARIF's help."""
    return inspect.cleandoc(rule.__doc__ or rule.summary)


def shown_path(path: str) -> str:
    """A path relative to the working folder where it lies below it (as CI annotations need)."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


def _relative(finding: Finding) -> Finding:
    return replace(finding, path=shown_path(finding.path))


def _patterns(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip().upper() for value in values for part in value.split(",") if part.strip())


def _sources(paths: Sequence[str]) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    for path in paths:
        try:
            sources[path] = Path(path).read_text(encoding="utf-8-sig").split("\n")
        except (OSError, UnicodeDecodeError):
            continue
    return sources


def parse_findings(problems: Sequence[Problem]) -> list[Finding]:
    """Problems reading the input as findings of the pseudo-rule PARSE, for the CI formats."""
    return [
        Finding(
            PARSE_RULE.code,
            Severity.ERROR,
            problem.message,
            shown_path(problem.path),
            problem.line,
            problem.column,
            problem.column + problem.width if problem.column else 0,
        )
        for problem in problems
    ]


def emit(text: str, output: Path | None, inputs: Sequence[Path], *, color: bool) -> None:
    if output is None:
        click.echo(text, nl=False, color=color)
    else:
        write_text_atomic(output, text, inputs=inputs)


def _inputs(paths: Sequence[Path], config: Config) -> list[Path]:
    """What a report must never be written over: the configuration's files and the paths checked."""
    return [*config.input_paths(), *expand_spec_paths(path for path in paths if path.exists())]


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
    fail_on: str,
    baseline: str | None,
    changed_since: str | None,
    show: str,
    use_cache: bool | None,
) -> None:
    """Check spec sources (or, with none, the configured corpus) and .amend amendments against the rules."""
    config = load_config(config_path)
    inputs = _inputs(paths, config)
    fail_level = None if fail_on == "never" else Severity(fail_on)
    color = (
        output is None and output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    report = reporter(output_format)
    against = baseline or changed_since
    cache = _cache_for(config, use_cache, paths, select, ignore, inputs, against)
    cached = cache.load() if cache is not None else None
    if cached is not None:
        meta = _meta(cached, output_format, color, fail_level)
        emit(report(list(cached.findings), meta), output, inputs, color=color)
        _summarise(output_format, list(cached.findings), meta)
        if any(meta.fails(finding) for finding in cached.findings):
            sys.exit(EXIT_FINDINGS)
        return
    from spectool.baseline.compare import against_baseline, new_only
    from spectool.baseline.source import load_baseline
    from spectool.rules.runner import check_paths

    try:
        run = check_paths(paths, config, select=_patterns(select), ignore=_patterns(ignore))
    except InputError as error:
        if output_format == "text" or isinstance(error, ConfigError):
            raise
        findings = parse_findings(error.problems)
        files = tuple(dict.fromkeys(finding.path for finding in findings))
        meta = ReportMeta(rules=(PARSE_RULE,), files=files, fail_on=fail_level)
        emit(report(findings, meta), output, inputs, color=False)
        _summarise(output_format, findings, meta)
        sys.exit(EXIT_INPUT_ERROR)
    result = run.result
    shown = fingerprint_findings(result.findings, run.corpus)
    tally: tuple[tuple[BaselineState, int], ...] = ()
    before: list[Finding] = []
    if against is not None:

        def check_at(copy: Path, root: Path) -> list[Finding]:
            return _check_copy(copy, root, paths, config, _patterns(select), _patterns(ignore))

        before = load_baseline(against, config.root, check_at)
    elif run.base is not None:
        # An amendment is measured against its own base: what it introduces is new.
        before = fingerprint_findings(run.base.findings, run.corpus)
    if against is not None or run.amendments:
        anew = [shown_path(str(path)) for path in run.amendments]
        measured = against_baseline(shown, before, written_anew=anew)
        tally = tuple((state, sum(f.baseline is state for f in measured)) for state in BaselineState)
        shown = measured if show == "all" else new_only(measured)
    checked = CachedCheck(
        tuple(shown_path(path) for path in run.files),
        tuple(rule_info(rule) for rule in result.rules),
        tuple(shown),
        tuple((_relative(item.finding), item.reason) for item in result.suppressed),
    )
    if cache is not None:
        cache.save(checked)
    meta = _meta(checked, output_format, color, fail_level, tally)
    emit(report(shown, meta), output, inputs, color=color)
    _summarise(output_format, shown, meta)
    if any(meta.fails(finding) for finding in new_only(shown)):
        sys.exit(EXIT_FINDINGS)


class _Cache:
    """The cache entry of this check: where it is kept and the key its inputs give."""

    def __init__(self, store: CheckCache, options: list[str], inputs: Sequence[Path]) -> None:
        self.store, self.slot, self.key = store, slot_of(options), content_key(inputs, options)

    def load(self) -> CachedCheck | None:
        return self.store.load(self.slot, self.key)

    def save(self, checked: CachedCheck) -> None:
        self.store.save(self.slot, self.key, checked)


def _cache_for(
    config: Config,
    use_cache: bool | None,
    paths: Sequence[Path],
    select: Sequence[str],
    ignore: Sequence[str],
    inputs: Sequence[Path],
    against: str | None,
) -> _Cache | None:
    """The cache entry, when the cache is on and the result depends on files alone: not with a
    baseline (a git revision) nor amendments (checked against their base)."""
    settings = cache_settings(config, override=use_cache)
    if not settings.enabled or against is not None or any(path.suffix == AMENDMENT_SUFFIX for path in paths):
        return None
    options = [str(config.path or ""), *map(str, paths), "--select", *select, "--ignore", *ignore]
    return _Cache(CheckCache(settings.folder), options, inputs)


def _meta(
    checked: CachedCheck,
    output_format: str,
    color: bool,
    fail_level: Severity | None,
    tally: tuple[tuple[BaselineState, int], ...] = (),
) -> ReportMeta:
    paths = list(dict.fromkeys(finding.path for finding in checked.findings))
    return ReportMeta(
        rules=checked.rules,
        files=checked.files,
        suppressed=checked.suppressed,
        sources=_sources(paths) if output_format != "json" else {},
        color=color,
        fail_on=fail_level,
        baseline=tally,
    )


def fingerprint_findings(
    findings: Sequence[Finding], corpus: Corpus, moved: Callable[[str], str] = shown_path
) -> list[Finding]:
    """Findings with paths as reports show them, and their fingerprints (read from their sources)."""
    from spectool.baseline.fingerprint import fingerprinted

    renamed = {finding.path: moved(finding.path) for finding in findings}
    lines = _sources(list(renamed))
    sources = {renamed[path]: text for path, text in lines.items()}
    shown = [
        replace(f, path=renamed[f.path], related=tuple(replace(r, path=moved(r.path)) for r in f.related))
        for f in findings
    ]
    return fingerprinted(shown, corpus, sources)


def _check_copy(
    copy: Path,
    root: Path,
    paths: Sequence[Path],
    config: Config,
    select: Sequence[str],
    ignore: Sequence[str],
) -> list[Finding]:
    """The findings of the same check on a copy of the repository, as if they were in the working tree."""
    from spectool.baseline.source import moved_path, paths_in
    from spectool.rules.runner import check_paths

    if config.path is not None:
        config_at = load_config(copy / config.path.resolve().relative_to(root))
    else:
        config_at = Config(root=copy, path=None)
    try:
        run = check_paths(paths_in(paths, root, copy), config_at, select=select, ignore=ignore)
    except InputError as error:
        first = error.problems[0] if error.problems else None
        where = f": {first.message}" if first else ""
        raise UsageError(f"--baseline: the corpus at the baseline cannot be checked{where}") from None
    return fingerprint_findings(
        run.result.findings, run.corpus, lambda path: shown_path(moved_path(path, copy, root))
    )


def _summarise(output_format: str, findings: Sequence[Finding], meta: ReportMeta) -> None:
    """In a GitHub workflow, list every finding in the step summary (annotations stop at ten)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(findings, meta))
