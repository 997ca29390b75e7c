"""A check as `spectool check` reports it: the findings measured against a baseline or an amendment's
base, with paths as reports show them, rendered in one format."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spectool.baseline.compare import against_baseline, new_only
from spectool.baseline.fingerprint import fingerprinted
from spectool.cache.codec import CachedCheck
from spectool.cache.entry import cache_entry
from spectool.cache.report import report_meta
from spectool.config import Config, load_config
from spectool.errors import ConfigError, InputError, Problem, UsageError
from spectool.findings import BaselineState, Finding, Severity
from spectool.model.corpus import Corpus
from spectool.reporting import ReportMeta, RuleInfo, reporter
from spectool.reporting.meta import PARSE_RULE
from spectool.rules.base import Rule
from spectool.rules.runner import CheckRun, check_paths
from spectool.sources import check_inputs, read_sources


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What `spectool check` is asked: the paths (none: the corpus), the rules, the form of the report."""

    paths: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()  # codes or prefixes
    ignore: tuple[str, ...] = ()
    output_format: str = "text"
    fail_on: Severity | None = Severity.ERROR  # None: never fail
    baseline: str | None = None  # a git revision or a saved JSON/SARIF report
    show_all: bool = False  # with a baseline: unchanged and absent findings too
    color: bool = False
    cache: bool | None = None  # reuse the findings of unchanged inputs (None: as `[cache] enabled` says)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The rendered report, its findings as shown, and whether the check fails."""

    text: str
    findings: tuple[Finding, ...]
    meta: ReportMeta
    input_error: bool = False  # the inputs could not be read: the report lists why, as PARSE findings

    @property
    def fails(self) -> bool:
        """A new finding is at least as severe as `fail_on`."""
        return any(self.meta.fails(finding) for finding in new_only(list(self.findings)))


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


def check_report(request: CheckRequest, config: Config, run: Callable[[], CheckRun]) -> CheckReport:
    """`run`'s findings reported as `request` asks; a text report lets an InputError through.

    With the cache on, an entry made from the very same inputs is reported instead of running."""
    report = reporter(request.output_format)
    inputs = check_inputs(request.paths, config)
    args = (request.paths, request.select, request.ignore, inputs, request.baseline)
    cache = cache_entry(config, request.cache, *args)
    cached = cache.load() if cache is not None else None
    if cached is not None:
        meta = report_meta(cached, request.output_format, request.color, request.fail_on)
        return CheckReport(report(list(cached.findings), meta), cached.findings, meta)
    try:
        done = run()
    except InputError as error:
        if request.output_format == "text" or isinstance(error, ConfigError):
            raise
        findings = parse_findings(error.problems)
        files = tuple(dict.fromkeys(finding.path for finding in findings))
        meta = ReportMeta(rules=(PARSE_RULE,), files=files, fail_on=request.fail_on)
        return CheckReport(report(findings, meta), tuple(findings), meta, input_error=True)
    result = done.result
    shown = fingerprint_findings(result.findings, done.corpus)
    tally: tuple[tuple[BaselineState, int], ...] = ()
    before: list[Finding] = []
    if request.baseline is not None:
        from spectool.baseline.source import load_baseline  # git and saved reports: only for a baseline

        def check_at(copy: Path, root: Path) -> list[Finding]:
            return _check_copy(copy, root, request, config)

        before = load_baseline(request.baseline, config.root, check_at)
    elif done.base is not None:
        # An amendment is measured against its own base: what it introduces is new.
        before = fingerprint_findings(done.base.findings, done.corpus)
    if request.baseline is not None or done.amendments:
        anew = [shown_path(str(path)) for path in done.amendments]
        measured = against_baseline(shown, before, written_anew=anew)
        tally = tuple((state, sum(f.baseline is state for f in measured)) for state in BaselineState)
        shown = measured if request.show_all else new_only(measured)
    checked = CachedCheck(
        tuple(shown_path(path) for path in done.files),
        tuple(rule_info(rule) for rule in result.rules),
        tuple(shown),
        tuple((_relative(item.finding), item.reason) for item in result.suppressed),
    )
    if cache is not None:
        cache.save(checked)
    meta = report_meta(checked, request.output_format, request.color, request.fail_on, tally)
    return CheckReport(report(shown, meta), tuple(shown), meta)


def fingerprint_findings(
    findings: Sequence[Finding], corpus: Corpus, moved: Callable[[str], str] = shown_path
) -> list[Finding]:
    """Findings with paths as reports show them, and their fingerprints (read from their sources)."""
    renamed = {finding.path: moved(finding.path) for finding in findings}
    lines = read_sources(list(renamed))
    sources = {renamed[path]: text for path, text in lines.items()}
    shown = [
        replace(f, path=renamed[f.path], related=tuple(replace(r, path=moved(r.path)) for r in f.related))
        for f in findings
    ]
    return fingerprinted(shown, corpus, sources)


def _relative(finding: Finding) -> Finding:
    return replace(finding, path=shown_path(finding.path))


def _check_copy(copy: Path, root: Path, request: CheckRequest, config: Config) -> list[Finding]:
    """The findings of the same check on a copy of the repository, as if they were in the working tree."""
    from spectool.baseline.source import moved_path, paths_in

    if config.path is not None:
        config_at = load_config(copy / config.path.resolve().relative_to(root))
    else:
        config_at = Config(root=copy, path=None)
    try:
        run = check_paths(
            paths_in(request.paths, root, copy), config_at, select=request.select, ignore=request.ignore
        )
    except InputError as error:
        first = error.problems[0] if error.problems else None
        where = f": {first.message}" if first else ""
        raise UsageError(f"--baseline: the corpus at the baseline cannot be checked{where}") from None
    return fingerprint_findings(
        run.result.findings, run.corpus, lambda path: shown_path(moved_path(path, copy, root))
    )
