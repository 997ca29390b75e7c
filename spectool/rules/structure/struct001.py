"""STRUCT001 NumberingGap: numbers that skip or go backwards among clauses, sections or sub-items."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spectool.findings import Finding, Severity
from spectool.model.document import Clause, Position, Section, Spec, SubItem
from spectool.model.numbers import ClauseNumber, letter_value, roman_value
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import register

# The grammar fixes the indentation of sub-items: two spaces for (a), four for (i).
LETTER_INDENT, ROMAN_INDENT = 2, 4
Numbered = tuple[int, str, Position, str]  # (value, label as written, where the label is, owner)


def _children(spec: Spec) -> dict[ClauseNumber | None, list[Clause | Section]]:
    """Sections and clauses grouped under the number they stand in (None for top-level sections),
    in document order: a section's own clauses come before its subsections."""
    groups: dict[ClauseNumber | None, list[Clause | Section]] = {}
    for section in spec.sections:
        groups.setdefault(section.number.parent, []).append(section)
        for clause in section.clauses:
            groups.setdefault(clause.number.parent, []).append(clause)
    return groups


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


def _number_span(member: Clause | Section) -> Position:
    shift = member.number.depth + 1 if isinstance(member, Section) else 0  # "## " before a heading's number
    column = member.position.column + shift
    return Position(member.position.line, column, member.position.line, column + len(member.id))


def _item_span(item: SubItem, indent: int) -> Position:
    column = item.position.column + indent
    return Position(item.position.line, column, item.position.line, column + len(item.label) + 2)


@register
class NumberingGap(Rule):
    """Reports a clause, section or sub-item number that skips one or goes backwards.

    ## What it does
    Within each section, the clauses and subsections must be numbered 1, 2, 3 ... in the
    order they appear (top-level sections need only follow on from each other). Within
    each clause, sub-items must run (a), (b), (c) ... and their own sub-items (i), (ii),
    (iii) .... The first number out of step is reported, saying which number is missing
    or which comes too late.

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
            for parent, members in _children(spec).items():
                numbered = [(m.number.last, m.id, _number_span(m), m.id) for m in members]
                within = f"section {parent}" if parent else None
                yield from self._sequence(spec, numbered, within, _clause_namer(parent))
            for clause in spec.clauses():
                yield from self._items(spec, clause.items, clause.id, letter=True)

    def _items(self, spec: Spec, items: Sequence[SubItem], owner: str, *, letter: bool) -> Iterator[Finding]:
        value, indent = (letter_value, LETTER_INDENT) if letter else (roman_value, ROMAN_INDENT)
        label = letter_label if letter else roman_label
        numbered = [(value(item.label), f"({item.label})", _item_span(item, indent), owner) for item in items]
        yield from self._sequence(spec, numbered, f"clause {owner}", lambda number: f"({label(number)})")
        for item in items:
            yield from self._items(spec, item.items, owner, letter=False)

    def _sequence(
        self, spec: Spec, numbered: list[Numbered], within: str | None, name: Callable[[int], str]
    ) -> Iterator[Finding]:
        """A finding where a number is lower than the one before it, and one for each run of missing
        numbers, at the number that follows the run. Top-level sections (within None) may start anywhere."""
        if not numbered:
            return
        previous: Numbered | None = None
        for member in numbered:
            if previous is not None and member[0] <= previous[0]:
                message = f"{member[1]} comes after {previous[1]}: numbers must rise in order"
                yield self.at_position(spec, member[2], message, clause=member[3])
            previous = member
        first = {member[0]: member for member in reversed(numbered)}
        lower = 0 if within is not None else min(first) - 1
        for value in sorted(first):
            if value > lower + 1:
                _, label, span, owner = first[value]
                after = f"follows {first[lower][1]}" if lower in first else f"is the first in {within}"
                missing = name(lower + 1) if value == lower + 2 else f"{name(lower + 1)} to {name(value - 1)}"
                verb = "is" if value == lower + 2 else "are"
                yield self.at_position(spec, span, f"{label} {after}: {missing} {verb} missing", clause=owner)
            lower = value
