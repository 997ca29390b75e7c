"""The rule engine: choose rules, run them over the corpus, apply severities and inline suppressions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from spectool.collector import collector_paused
from spectool.errors import UsageError
from spectool.findings import Finding
from spectool.model.corpus import Corpus
from spectool.model.document import Spec, Suppression
from spectool.model.word_places import WordPlaces
from spectool.rules.base import Rule, RuleContext
from spectool.rules.settings import RuleSettings, matches, unknown_patterns


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that a `// spectool-disable: CODE -- reason` comment silenced."""

    finding: Finding
    reason: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    rules: tuple[type[Rule], ...]  # the rules that ran, in code order
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds each rule took


def select_rules(
    registry: dict[str, type[Rule]],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    settings: RuleSettings | None = None,
) -> tuple[type[Rule], ...]:
    """The rules to run: those selected (all by default), less those ignored or disabled.

    A rule switched off in the configuration still runs when --select names its full code.
    """
    select, ignore = tuple(select), tuple(ignore)
    codes = list(registry)
    for pattern in unknown_patterns(select + ignore, codes):
        raise UsageError(f"no rule code or prefix '{pattern}': see `spectool rules`")
    settings = settings or RuleSettings()
    chosen = []
    for code, rule in registry.items():
        if select and not any(matches(code, pattern) for pattern in select):
            continue
        if any(matches(code, pattern) for pattern in ignore):
            continue
        if settings.is_disabled(code) and code not in select:
            continue
        chosen.append(rule)
    return tuple(chosen)


class SuppressionIndex:
    """Which codes each clause or definition silences, and why, keyed by (path, clause id or term)."""

    def __init__(self, corpus: Corpus) -> None:
        self._by_owner: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for spec in corpus:
            for definition in spec.definitions():
                if definition.suppressions:
                    self._add(spec.path, definition.term, definition.suppressions)
            for clause in spec.clauses():
                if clause.suppressions:
                    self._add(spec.path, clause.id, clause.suppressions)

    def _add(self, path: str, owner: str, suppressions: tuple[Suppression, ...]) -> None:
        for suppression in suppressions:
            entries = self._by_owner.setdefault((path, owner), [])
            entries.extend((code, suppression.reason) for code in suppression.codes)

    def reason(self, finding: Finding) -> str | None:
        """The reason given for silencing this finding, or None if nothing silences it."""
        for pattern, reason in self._by_owner.get((finding.path, finding.clause), ()):
            if matches(finding.code, pattern):
                return reason
        return None


def run_rules(
    context: RuleContext,
    rules: Iterable[type[Rule]],
    settings: RuleSettings | None = None,
    *,
    attribute: Callable[[Finding], Finding] | None = None,
) -> CheckResult:
    """Every finding of `rules` on `context.corpus`, sorted by (path, line, column, code).

    `attribute` re-points a finding after suppressions are applied (at the amendment that
    caused it, when an amendment is checked).
    """
    settings = settings or RuleSettings()
    suppressions = SuppressionIndex(context.corpus)
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    seconds: dict[str, float] = {}
    ran = tuple(sorted(rules, key=lambda rule: rule.code))
    with collector_paused():  # rules make many small objects and no cycles
        for rule_class in ran:
            rule = rule_class()
            start = time.process_time()
            for finding in rule.check(context):
                level = settings.severity.get(finding.code)
                if level is not None and level != finding.severity:
                    finding = replace(finding, severity=level)
                reason = suppressions.reason(finding)
                if attribute is not None:
                    finding = attribute(finding)
                if reason is None:
                    findings.append(finding)
                else:
                    suppressed.append(Suppressed(finding, reason))
            seconds[rule.code] = time.process_time() - start
    if attribute is None:
        findings = place_in_word(findings, context.corpus)
    findings.sort(key=lambda finding: finding.key)
    suppressed.sort(key=lambda item: item.finding.key)
    return CheckResult(tuple(findings), tuple(suppressed), ran, seconds)


def place_in_word(findings: list[Finding], corpus: Iterable[Spec]) -> list[Finding]:
    """Findings in a spec imported from Word also name the paragraph or cell of the document."""
    places = {spec.path: WordPlaces(spec) for spec in corpus if spec.origins}
    if not places:
        return findings
    out = []
    for finding in findings:
        where = places.get(finding.path)
        word = where.place(finding.line, finding.column) if where is not None else ""
        out.append(replace(finding, word=word) if word else finding)
    return out
