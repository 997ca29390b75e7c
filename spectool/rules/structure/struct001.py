"""STRUCT001 NumberingGap: numbers that skip or go backwards among clauses, sections or sub-items."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from spectool.findings import Finding, Severity
from spectool.model.document import Clause, Position, Section, Spec, SubItem
from spectool.model.numbers import ClauseNumber, is_inserted_item, letter_value, roman_value
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import register

# The grammar fixes the indentation of sub-items: two spaces for (a), four for (i).
LETTER_INDENT, ROMAN_INDENT = 2, 4


@dataclass(frozen=True, slots=True)
class Numbered:
    """A clause, section or sub-item in a numbered sequence. Its label and place are worked out only
    for a finding: formatting every clause number of a large spec would cost more than the check."""

    value: int
    node: Clause | Section | SubItem
    owner: Clause | None = None  # the clause a sub-item belongs to
    indent: int = 0  # where a sub-item's "(" stands after the start of its line

    @property
    def label(self) -> str:
        return f"({self.node.label})" if isinstance(self.node, SubItem) else self.node.id

    @property
    def owner_id(self) -> str:
        return self.owner.id if self.owner is not None else self.label

    @property
    def span(self) -> Position:
        node, line = self.node, self.node.position.line
        if isinstance(node, SubItem):
            column = node.position.column + self.indent
            return Position(line, column, line, column + len(node.label) + 2)
        shift = node.number.depth + 1 if isinstance(node, Section) else 0  # "## " before a heading's number
        column = node.position.column + shift
        return Position(line, column, line, column + len(node.id))


def _children(spec: Spec) -> dict[ClauseNumber | None, list[Numbered]]:
    """Sections and clauses grouped under the number they stand in (None for top-level sections),
    in document order: a section's own clauses come before its subsections."""
    groups: dict[ClauseNumber | None, list[Numbered]] = {}
    for section in spec.sections:
        # An inserted number (5.6.4A) stands between two others on purpose: it is no gap or repeat.
        if not section.number.is_inserted:
            groups.setdefault(section.number.parent, []).append(Numbered(section.number.last, section))
        for clause in section.clauses:
            if not clause.number.is_inserted:
                groups.setdefault(clause.number.parent, []).append(Numbered(clause.number.last, clause))
    return groups


def _omitted_numbers(spec: Spec, context: RuleContext) -> set[ClauseNumber]:
    """Clause numbers of the spec before the amendment under check that it no longer has."""
    base = context.base.get(spec.name, spec.version) if context.base is not None else None
    if base is None or base is spec:
        return set()
    now = {clause.number for clause in spec.clauses()}
    return {clause.number for clause in base.clauses() if clause.number not in now}


def _base_items(spec: Spec, clause: Clause, context: RuleContext) -> tuple[SubItem, ...]:
    """The sub-items the clause had before the amendment under check, when one is under check."""
    base = context.base.get(spec.name, spec.version) if context.base is not None else None
    if base is None or base is spec:
        return ()
    found = base.clause(clause.number)
    return found.items if found is not None else ()


def letter_label(value: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": the inverse of letter_value."""
    label = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def roman_label(value: int) -> str:
    """1 -> "i", 4 -> "iv", 40 -> "xl": the inverse of roman_value for the numbers sub-items use."""
    label = ""
    for amount, letters in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, amount)
        label += letters * count
    return label


def _clause_namer(parent: ClauseNumber | None) -> Callable[[int], str]:
    prefix = f"{parent}." if parent else ""
    return lambda value: f"{prefix}{value}"


@register
class NumberingGap(Rule):
    """Reports a clause, section or sub-item number that skips one or goes backwards.

    ## What it does
    Within each section, the clauses and subsections must be numbered 1, 2, 3 ... in the
    order they appear (top-level sections need only follow on from each other). Within
    each clause, sub-items must run (a), (b), (c) ... and their own sub-items (i), (ii),
    (iii) .... A number lower than the one before it is reported, and so is each run of
    missing numbers, at the number that follows the run.

    ## Why
    SEC specifications never renumber silently: a deleted clause stays as "Not used." so
    that references elsewhere keep their meaning. A gap therefore means a clause was lost
    in drafting, and a number out of order means one was misplaced.

    ## Example
    ```
    5.4.4.1 ESME shall monitor the voltage at its terminals.
    5.4.4.3 ESME shall record a Power Outage Event when a Supply Outage begins.
    ```
    Restore 5.4.4.2, or mark it "5.4.4.2 Not used."
    """

    code = "STRUCT001"
    name = "NumberingGap"
    summary = "numbering has a gap or goes out of order within a section"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for spec in context.corpus:
            omitted = _omitted_numbers(spec, context)
            for parent, members in _children(spec).items():
                within = f"section {parent}" if parent else None
                skipped = frozenset(
                    number.last for number in omitted if number.parent == parent and not number.is_inserted
                )
                yield from self._sequence(spec, members, within, _clause_namer(parent), skipped)
            for clause in spec.clauses():
                if clause.items:
                    before = _base_items(spec, clause, context)
                    yield from self._items(spec, clause.items, clause, letter=True, before=before)

    def _items(
        self,
        spec: Spec,
        items: Sequence[SubItem],
        owner: Clause,
        *,
        letter: bool,
        before: Sequence[SubItem] = (),
    ) -> Iterator[Finding]:
        """Sub-items in sequence. An inserted one ((aa) after (a)) stands between two on purpose, and
        a label the amendment under check omitted (`before`: the items as they were) is no gap."""
        value, indent = (letter_value, LETTER_INDENT) if letter else (roman_value, ROMAN_INDENT)
        label = letter_label if letter else roman_label
        plain: list[SubItem] = []
        for item in items:
            if not (letter and plain and is_inserted_item(item.label, plain[-1].label)):
                plain.append(item)
        numbered = [Numbered(value(item.label), item, owner, indent) for item in plain]
        now = {item.label for item in items}
        omitted = frozenset(value(item.label) for item in before if item.label not in now)
        yield from self._sequence(
            spec, numbered, f"clause {owner.id}", lambda number: f"({label(number)})", omitted
        )
        for item in items:
            if item.items:
                was = next((old.items for old in before if old.label == item.label), ())
                yield from self._items(spec, item.items, owner, letter=False, before=was)

    def _sequence(
        self,
        spec: Spec,
        numbered: list[Numbered],
        within: str | None,
        name: Callable[[int], str],
        omitted: frozenset[int] = frozenset(),
    ) -> Iterator[Finding]:
        """A finding where a number is lower than the one before it, and one for each run of missing
        numbers, at the number that follows the run. Top-level sections (within None) may start anywhere.
        Numbers an amendment under check omitted are no gap: they stand unused on purpose."""
        if not numbered:
            return
        values = [member.value for member in numbered]
        start = 1 if within is not None else min(values)
        if not omitted and values == list(range(start, start + len(values))):
            return  # the usual case, decided without a finding's worth of work
        for previous, member in pairwise(numbered):
            if member.value <= previous.value:
                message = f"{member.label} comes after {previous.label}: numbers must rise in order"
                yield self.at_position(spec, member.span, message, clause=member.owner_id)
        first = {member.value: member for member in reversed(numbered)}
        lower = start - 1
        for value in sorted(set(first) | omitted):
            if value not in first:
                lower = value if value == lower + 1 else lower
                continue
            if value > lower + 1:
                member = first[value]
                after = f"follows {first[lower].label}" if lower in first else f"is the first in {within}"
                missing = name(lower + 1) if value == lower + 2 else f"{name(lower + 1)} to {name(value - 1)}"
                verb = "is" if value == lower + 2 else "are"
                message = f"{member.label} {after}: {missing} {verb} missing"
                yield self.at_position(spec, member.span, message, clause=member.owner_id)
            lower = value
