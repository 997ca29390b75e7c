"""The `[parameters]` table: shared quantities, the phrases that state them, and their examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from spectool.config import Config
from spectool.memo import MemoKind, RunMemo
from spectool.rules.config_values import TableReader
from spectool.rules.parameters.quantities import KINDS, quantity_value
from spectool.rules.phrases import fold

PLACEHOLDER = "{quantity}"


@dataclass(frozen=True, slots=True)
class Parameter:
    """`[parameters.NAME]`: one quantity that several specs state."""

    name: str
    summary: str
    kind: str
    phrases: tuple[str, ...]
    owner: str | None  # the spec whose statement the others must match, if one is in charge
    states: tuple[tuple[str, str], ...]  # (example sentence, the value it states)
    passes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """Where some text states a parameter: the quantity's span and its value."""

    parameter: Parameter
    start: int
    end: int
    text: str
    value: Fraction


GAP = "{...}"
GAP_WORDS = 6
# Up to GAP_WORDS intervening words, each with the space after it; a gap never runs past a comma or
# a sentence's end, where the words after it would belong to another statement.
_GAP_PATTERN = rf"(?:[^\s.,;:!?]+\s+){{0,{GAP_WORDS}}}?"


def _literal(words: str) -> str:
    """The words of a phrase as a regex: any spacing between words, a gap for each `{...}`."""
    parts: list[str] = []
    after_gap = False
    for index, word in enumerate(words.split()):
        if word == GAP:
            parts.append((r"\s+" if index else "") + _GAP_PATTERN)
        else:
            parts.append(("" if index == 0 or after_gap else r"\s+") + re.escape(word))
        after_gap = word == GAP
    return "".join(parts)


def template_pattern(template: str, group: str, kind: str) -> str:
    """ "without power for {quantity}" -> a whole-word regex with the quantity in group `group`;
    "{...}" in the phrase stands for up to GAP_WORDS intervening words ("without power {...} for")."""
    template = template.lower()  # matched against lower-cased text: see spectool.rules.phrases
    before, _, after = template.partition(PLACEHOLDER)
    ends_in_gap = before.split()[-1:] == [GAP]
    spacing = r"\s+" if before[-1:].isspace() and not ends_in_gap else ""
    parts = [_literal(before), spacing] if before.strip() else []
    parts.append(f"(?P<{group}>{KINDS[kind]})")
    if after.strip():
        parts.extend([r"\s+" if after[:1].isspace() else "", _literal(after)])
    end = r"(?![\w-])" if re.search(r"\w$", template) else ""
    return "".join(parts) + end


def phrases_pattern(templates: list[tuple[str, str]]) -> str:
    """Named alternatives `(?P<name>...)` for (name, pattern) pairs, grouped by their first character.

    A group around each alternative would hide its first character from the regex engine, which then
    tries every alternative at every position; grouped, it skips straight to the possible starts."""
    by_first: dict[str, list[str]] = {}
    for name, pattern in templates:
        first = pattern[0] if re.match(r"\w", pattern) else ""
        rest = pattern[1:] if first else pattern
        by_first.setdefault(first, []).append(f"(?P<{name}>{rest})")
    alternatives = []
    for first, named in by_first.items():
        boundary = r"(?<![\w-].)" if first else ""
        alternatives.append(f"{re.escape(first)}{boundary}(?:{'|'.join(named)})")
    return "|".join(alternatives)


@dataclass(frozen=True, slots=True)
class ParameterTable:
    parameters: tuple[Parameter, ...] = ()
    _owners: tuple[Parameter, ...] = field(init=False, repr=False)
    _regex: re.Pattern[str] | None = field(init=False, repr=False)
    # One word of each phrase that any statement by it holds: most texts hold none of them, and are
    # ruled out before the pattern (which may start with a number, at any position) runs.
    _needles: tuple[str, ...] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        owners = [(parameter, phrase) for parameter in self.parameters for phrase in parameter.phrases]
        order = sorted(range(len(owners)), key=lambda index: -len(owners[index][1]))
        patterns = [
            (f"p{index}", template_pattern(owners[index][1], f"q{index}", owners[index][0].kind))
            for index in order
        ]
        object.__setattr__(self, "_owners", tuple(parameter for parameter, _ in owners))
        regex = re.compile(phrases_pattern(patterns)) if patterns else None
        object.__setattr__(self, "_regex", regex)
        needles = [_needle(phrase) for _, phrase in owners]
        object.__setattr__(self, "_needles", None if "" in needles else tuple(dict.fromkeys(needles)))

    def statements(self, value: str, folded: str | None = None) -> Iterator[Statement]:
        """Every statement of a parameter in `value` (`folded` is fold(value), if the caller has it)."""
        if self._regex is None:
            return
        folded = folded if folded is not None else fold(value)
        if self._needles is not None and not any(needle in folded for needle in self._needles):
            return
        for match in self._regex.finditer(folded):
            index = int((match.lastgroup or "p0")[1:])
            parameter = self._owners[index]
            start, end = match.span(f"q{index}")
            written = value[start:end]
            quantity = quantity_value(written, parameter.kind)
            if quantity is not None:
                yield Statement(parameter, start, end, " ".join(written.split()), quantity)


def _needle(phrase: str) -> str:
    """The longest word a phrase writes out (its quantity and gaps aside), as the folded text has it."""
    words = [word for word in phrase.lower().replace(PLACEHOLDER, " ").split() if word != GAP]
    return max(words, key=len, default="")


def load_parameters(config: Config) -> ParameterTable:
    """Read and check `[parameters]`, running each entry's examples; ConfigError at the failing key."""
    top = TableReader.top(config, "parameters")
    parameters = []
    for entry in top.subtables():
        entry.reject_unknown(("summary", "kind", "phrases", "owner", "states", "passes"))
        kind = entry.choice("kind", tuple(KINDS), default="duration")
        phrases = entry.strings("phrases")
        for phrase in phrases:
            if phrase.count(PLACEHOLDER) != 1:
                raise entry.error("phrases", f"each phrase needs {PLACEHOLDER} exactly once: {phrase!r}")
            words = phrase.split()
            if GAP in (words[0], words[-1]):
                raise entry.error("phrases", f"a gap {GAP} stands between words, not at an end: {phrase!r}")
        owner = entry.data.get("owner")
        if owner is not None:
            owner = entry.string("owner")
        states = []
        for record in entry.records("states"):
            if set(record) != {"text", "value"} or not all(isinstance(v, str) for v in record.values()):
                raise entry.error("states", 'each of \'states\' is { text = "...", value = "3 minutes" }')
            states.append((record["text"], record["value"]))
        if not states:
            raise entry.error("", f"'{entry.dotted}' needs 'states': examples that state the quantity")
        parameter = Parameter(
            entry.name,
            entry.string("summary"),
            kind,
            phrases,
            owner,
            tuple(states),
            entry.strings("passes", verbatim=True),
        )
        _run_examples(entry, parameter)
        parameters.append(parameter)
    return ParameterTable(tuple(parameters))


def _run_examples(entry: TableReader, parameter: Parameter) -> None:
    table = ParameterTable((parameter,))
    hint = "the table's own examples check it: fix the phrases or the example"
    for text, value in parameter.states:
        expected = quantity_value(value, parameter.kind)
        if expected is None:
            raise entry.error("states", f"{value!r} is not a {parameter.kind} such as '3 minutes'")
        found = list(table.statements(text))
        if expected not in [statement.value for statement in found]:
            said = f"it reads {', '.join(s.text for s in found)!r}" if found else "no phrase matches it"
            raise entry.error(
                "states", f"this example should state {value!r} but {said}: {text!r}", hint=hint
            )
    for text in parameter.passes:
        if any(True for _ in table.statements(text)):
            raise entry.error("passes", f"this example should state nothing but does: {text!r}", hint=hint)


_TABLE: MemoKind[ParameterTable] = MemoKind("parameter table")


def parameters_of(config: Config, memo: RunMemo) -> ParameterTable:
    """The table of this configuration, read and compiled once per run."""
    return memo.once(_TABLE, (config,), lambda: load_parameters(config))
