"""PARAM001 ParameterMismatch: a shared quantity stated differently in two places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction

from spectool.findings import Finding, Severity
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.parameters.quantities import shown_value
from spectool.rules.parameters.table import Parameter, Statement, parameters_of
from spectool.rules.passages import Passage, joined
from spectool.rules.registry import register


@dataclass(frozen=True, slots=True)
class Stated:
    spec: Spec
    passage: Passage
    statement: Statement


def reference_value(parameter: Parameter, stated: list[Stated], corpus: Corpus) -> Stated:
    """The statement the others must agree with: the owner spec's (latest version), else the commonest."""
    owner = corpus.get(parameter.owner) if parameter.owner else None
    for item in stated:
        if owner is not None and item.spec is owner:
            return item
    counts = Counter(item.statement.value for item in stated)
    commonest = max(counts.values())
    return next(item for item in stated if counts[item.statement.value] == commonest)


@register
class ParameterMismatch(Rule):
    """Reports a statement of a shared quantity that disagrees with the others.

    ## What it does
    Each `[parameters.NAME]` entry names a quantity that several specs state, and the
    phrases that state it ("without power for {quantity}"). Numbers may be written in
    digits or words, and durations in any unit: "3 minutes", "three (3) minutes" and "180
    seconds" are the same. Every statement whose value differs from the reference is
    reported: the reference is the statement in the latest version of the entry's `owner`
    spec, or failing that the value most statements give.

    ## Why
    The Communications Hub raises the AD1 Power Outage Alert after 3 minutes without
    power, and the meter specifications lean on that figure. If SMETS2 states one delay
    and the CHTS another, Devices built to each will not fit together, and no single
    clause is visibly wrong.

    ## Example
    CHTS: `... the Communications Hub has been without power for 3 minutes ...`
    SMETS2: `... once it has been without power for 1 minute ...`
    Make the SMETS2 figure agree with the CHTS.
    """

    code = "PARAM001"
    name = "ParameterMismatch"
    summary = "a shared quantity is stated differently in two specs or versions"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        table = parameters_of(context.config, context.memo)
        if not table.parameters:
            return
        stated: dict[str, list[Stated]] = {}
        for spec in context.corpus:
            text = joined(spec, context.memo)
            for statement in table.statements(text.value, text.folded):
                passage, offset = text.locate(statement.start)
                statement = replace(statement, start=statement.start - offset, end=statement.end - offset)
                stated.setdefault(statement.parameter.name, []).append(Stated(spec, passage, statement))
        for parameter in table.parameters:
            found = stated.get(parameter.name, [])
            if len({item.statement.value for item in found}) < 2:
                continue
            reference = reference_value(parameter, found, context.corpus)
            for item in found:
                if item.statement.value != reference.statement.value:
                    yield self._finding(parameter, item, reference)

    def _finding(self, parameter: Parameter, item: Stated, reference: Stated) -> Finding:
        value: Fraction = item.statement.value
        other = reference.statement
        here = f'"{item.statement.text}" ({shown_value(value, parameter.kind)})'
        there = f'"{other.text}" ({shown_value(other.value, parameter.kind)})'
        where = f"{reference.spec.key} {_where(reference)}"
        message = f"{parameter.summary} is stated here as {here}, but {where} states {there}"
        return self.in_text(
            item.spec,
            item.passage.text,
            item.statement.start,
            item.statement.end,
            message,
            clause=item.passage.owner,
            suggestion=other.text,
        )


def _where(stated: Stated) -> str:
    owner = stated.passage.owner
    return f"clause {owner}" if owner[:1].isdigit() else f'the definition of "{owner}"'
