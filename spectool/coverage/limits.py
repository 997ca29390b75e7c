"""The shared parameters a matrix's durations are checked against: each value as its owner spec states it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from spectool.config import Config
from spectool.coverage.matrix import CoverageMatrix
from spectool.memo import RunMemo
from spectool.model.corpus import Corpus
from spectool.rules.parameters.table import Parameter, ParameterTable, parameters_of


@dataclass(frozen=True, slots=True)
class Limit:
    """One `[parameters]` duration and the value the specs give it."""

    parameter: Parameter
    value: Fraction
    stated_in: str  # "CHTS@1.5 4.4.2"
    table: ParameterTable  # the parameter's phrases alone


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits by parameter name; empty when the configuration has no `[parameters]`."""

    by_name: dict[str, Limit] = field(default_factory=dict)

    def conflicts(
        self, matrix: CoverageMatrix, columns: Iterable[str], text: str, durations: tuple[Fraction, ...]
    ) -> tuple[str, ...]:
        """The columns among `columns` whose parameter `text` contradicts.

        A duration longer than the parameter contradicts it (a restart may not leave the hub without
        power for longer than the Alert's delay), and so does a statement of the parameter itself
        ("without power for 5 minutes") with another value.
        """
        if not self.by_name or not durations:
            return ()
        wanted = set(columns)
        found = []
        for column in matrix.columns:
            limit = self.by_name.get(column.parameter) if column.key in wanted else None
            if limit is None:
                continue
            stated = [statement.value for statement in limit.table.statements(text)]
            if any(value > limit.value for value in durations) or any(
                value != limit.value for value in stated
            ):
                found.append(column.key)
        return tuple(found)


def limits_of(config: Config, corpus: Corpus, matrix: CoverageMatrix, memo: RunMemo | None = None) -> Limits:
    """The value of each parameter the matrix's columns name, from the owner spec, else the commonest.

    `memo`: the run's, where the parameter table may already be read; else it is read here."""
    names = {column.parameter for column in matrix.columns if column.parameter}
    if not names or "parameters" not in config.data:
        return Limits()
    found: dict[str, Limit] = {}
    for parameter in parameters_of(config, memo if memo is not None else RunMemo()).parameters:
        if parameter.name in names:
            limit = _limit(parameter, corpus)
            if limit is not None:
                found[parameter.name] = limit
    return Limits(found)


def _limit(parameter: Parameter, corpus: Corpus) -> Limit | None:
    table = ParameterTable((parameter,))
    owner = corpus.get(parameter.owner) if parameter.owner else None
    stated: list[tuple[Fraction, str]] = []
    for spec in [owner] if owner is not None else list(corpus):
        for clause in spec.clauses():
            for statement in table.statements(clause.full_text):
                stated.append((statement.value, f"{spec.key} {clause.id}"))
    if not stated:
        return None
    commonest = Counter(value for value, _ in stated).most_common(1)[0][0]
    where = next(place for value, place in stated if value == commonest)
    return Limit(parameter, commonest, where, table)
