"""One check run: the corpus (and any amendments) from paths or the configuration, through the engine."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spectool.config import Config
from spectool.memo import RunMemo
from spectool.model.corpus import Corpus
from spectool.parsing import load_corpus
from spectool.rules.base import Rule, RuleContext
from spectool.rules.engine import CheckResult, run_rules, select_rules
from spectool.rules.parameters.table import parameters_of
from spectool.rules.registry import all_rules
from spectool.rules.settings import RuleSettings, load_rule_settings
from spectool.rules.terminology.table import terminology_of
from spectool.sources import AMENDMENT_SUFFIX

# Amending is imported only when amendments are checked: a check of specs alone never loads it.
if TYPE_CHECKING:
    from spectool.amend.model import Amendment


@dataclass(frozen=True, slots=True)
class CheckRun:
    result: CheckResult
    corpus: Corpus  # the corpus as loaded (before any amendment)
    amendments: tuple[Path, ...]
    # With amendments: the same rules on the corpus they amend, so that what each introduces shows.
    base: CheckResult | None = None

    @property
    def files(self) -> tuple[str, ...]:
        return tuple([spec.path for spec in self.corpus] + [str(path) for path in self.amendments])


def split_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(spec files and folders, amendment files)."""
    amendments = [path for path in paths if path.suffix == AMENDMENT_SUFFIX]
    return [path for path in paths if path.suffix != AMENDMENT_SUFFIX], amendments


def check_paths(
    paths: Sequence[Path],
    config: Config,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    memo: RunMemo | None = None,
    corpus: Callable[[], Corpus] | None = None,
    read: Callable[[Path], Amendment] | None = None,
) -> CheckRun:
    """Check the specs named (or, with none, the configuration's corpus), and each amendment named.

    `memo`: the run's (a fresh one if None); `corpus`: gives the configuration's corpus already loaded;
    `read`: reads an amendment (or gives the one already read); None: read_amendment.
    """
    memo = memo if memo is not None else RunMemo()
    registry = all_rules()
    settings = load_rule_settings(config, registry)
    rules = select_rules(registry, select, ignore, settings)
    # Read the tables before any spec, so that a bad configuration is reported as such.
    terminology_of(config, memo)
    parameters_of(config, memo)
    spec_paths, amendments = split_paths(paths)
    loaded = (
        corpus() if corpus is not None and not spec_paths else load_corpus(spec_paths or config.spec_paths)
    )
    return check_corpus(loaded, amendments, config, rules, settings, memo, read)


def check_corpus(
    corpus: Corpus,
    amendments: Sequence[Path],
    config: Config,
    rules: tuple[type[Rule], ...],
    settings: RuleSettings,
    memo: RunMemo,
    read: Callable[[Path], Amendment] | None = None,
) -> CheckRun:
    """Run `rules` on `corpus`, and on it as each amendment leaves it."""
    if not amendments:
        context = RuleContext(corpus=corpus, config=config, memo=memo)
        return CheckRun(run_rules(context, rules, settings), corpus, ())
    from spectool.amend.checking import prepare_amendment_check
    from spectool.amend.reader import read_amendment

    read = read or read_amendment
    base = run_rules(RuleContext(corpus=corpus, config=config, memo=memo), rules, settings)
    results = []
    for path in amendments:
        check = prepare_amendment_check(path, corpus, read)
        context = RuleContext(
            corpus=check.corpus, config=config, amendment=check.amendment, base=check.base, memo=memo
        )
        results.append(run_rules(context, rules, settings, attribute=check.attribute))
    merged = CheckResult(
        tuple(sorted({f for r in results for f in r.findings}, key=lambda finding: finding.key)),
        tuple(sorted({s for r in results for s in r.suppressed}, key=lambda item: item.finding.key)),
        rules,
        {code: sum(r.seconds.get(code, 0.0) for r in results) for code in (rule.code for rule in rules)},
    )
    return CheckRun(merged, corpus, tuple(amendments), base)
