"""Which findings of the base spec each instruction makes go away: what its comment says it resolves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spectool.amend.model import Amendment, EditText, Instruction
from spectool.amend.working import AppliedSpec
from spectool.config import Config
from spectool.findings import Finding
from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus
from spectool.model.numbers import ClauseNumber
from spectool.rules.base import Rule, RuleContext
from spectool.rules.engine import run_rules, select_rules
from spectool.rules.registry import all_rules
from spectool.rules.settings import RuleSettings, load_rule_settings


def resolved_findings(
    amendment: Amendment, applied: AppliedSpec, corpus: Corpus, config: Config, memo: RunMemo | None = None
) -> dict[int, tuple[Finding, ...]]:
    """By `id(instruction)`: the findings in a clause or definition an instruction changes that the
    rules report on the base but no longer on the amended spec (same code, same clause as renumbered).
    Findings that name no clause (a whole spec's coverage) are left out: no one instruction owns them.
    `memo`: the run's, so that the base's findings are worked out once however many redlines ask."""
    memo = memo if memo is not None else RunMemo()
    registry = all_rules()
    settings = load_rule_settings(config, registry)
    rules = select_rules(registry, (), (), settings)
    base, amended = applied.base, applied.spec
    before = [f for f in _findings(corpus, config, rules, settings, memo) if _of(f, base.name, base.version)]
    after_corpus = corpus.with_spec(amended)
    after = Counter(
        (f.code, f.clause)
        for f in _findings(after_corpus, config, rules, settings, memo)
        if _of(f, amended.name, amended.version)
    )
    owners = amendment.instructions_for(applied.key)
    out: dict[int, list[Finding]] = {}
    for finding in before:
        key = (finding.code, _renumbered(finding.clause, applied))
        if after[key] > 0:
            after[key] -= 1  # one of the findings of this code in this clause is still there
            continue
        for instruction in _owners(finding, owners):
            out.setdefault(id(instruction), []).append(finding)
    return {key: tuple(found) for key, found in out.items()}


_FINDINGS: MemoKind[tuple[Finding, ...]] = MemoKind("findings of every rule")


def _findings(
    corpus: Corpus, config: Config, rules: Sequence[type[Rule]], settings: RuleSettings, memo: RunMemo
) -> tuple[Finding, ...]:
    def run() -> tuple[Finding, ...]:
        return run_rules(RuleContext(corpus=corpus, config=config, memo=memo), rules, settings).findings

    return memo.once(_FINDINGS, (corpus, config), run)


def _of(finding: Finding, name: str, version: str) -> bool:
    return finding.spec == name and finding.version == version and bool(finding.clause)


def _renumbered(clause: str, applied: AppliedSpec) -> str:
    try:
        number = ClauseNumber.parse(clause)
    except ValueError:
        return clause  # a defined term
    new = applied.numbering.get(number, number)
    return str(new) if new is not None else ""


def _owners(finding: Finding, instructions: list[Instruction]) -> list[Instruction]:
    """The instructions on the finding's clause; of those, the text edits whose quoted words hold the
    words the finding is about, if any do."""
    mine = [i for i in instructions if str(i.clause or "") == finding.clause or i.term == finding.clause]
    words = _words(finding)
    precise = [i for i in mine if isinstance(i.operation, EditText) and words and words in i.operation.anchor]
    return precise or mine


def _words(finding: Finding) -> str:
    """The words a finding underlines, read from its file ("" when they cannot be)."""
    if finding.end_column <= finding.column:
        return ""
    try:
        with open(finding.path, encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                if number == finding.line:
                    return line[finding.column - 1 : finding.end_column - 1]
    except OSError:
        return ""
    return ""
