"""A check's report from its findings as the cache keeps them, whether they come from the cache or not."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spectool.cache.codec import CachedCheck
from spectool.cache.entry import cache_entry
from spectool.config import Config
from spectool.findings import BaselineState, Severity
from spectool.reporting import ReportMeta, reporter
from spectool.sources import read_sources


def report_meta(
    checked: CachedCheck,
    output_format: str,
    color: bool,
    fail_on: Severity | None,
    tally: tuple[tuple[BaselineState, int], ...] = (),
) -> ReportMeta:
    paths = dict.fromkeys(finding.path for finding in checked.findings)
    return ReportMeta(
        rules=checked.rules,
        files=checked.files,
        suppressed=checked.suppressed,
        sources=read_sources(paths) if output_format != "json" else {},
        color=color,
        fail_on=fail_on,
        baseline=tally,
    )


def cached_report(
    config: Config,
    use_cache: bool | None,
    paths: Sequence[Path],
    select: Sequence[str],
    ignore: Sequence[str],
    inputs: Sequence[Path],
    *,
    output_format: str,
    color: bool,
    fail_on: Severity | None,
) -> tuple[str, CachedCheck, ReportMeta] | None:
    """The rendered report of an unchanged check, from the cache; None when it must run. Needs
    neither the parser nor the rules, so a command can answer before it loads them."""
    entry = cache_entry(config, use_cache, paths, select, ignore, inputs, None)
    cached = entry.load() if entry is not None else None
    if cached is None:
        return None
    meta = report_meta(cached, output_format, color, fail_on)
    return reporter(output_format)(list(cached.findings), meta), cached, meta
