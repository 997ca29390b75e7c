"""DEF004 DuplicateDefinition: one spec defines the same term twice."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Definition
from spectool.rules.base import Rule, RuleContext
from spectool.rules.phrases import normalise
from spectool.rules.registry import register


@register
class DuplicateDefinition(Rule):
    """Reports a second definition of a term within one spec version.

    ## What it does
    Compares the terms of every glossary entry of a spec version, ignoring capitals and
    spacing, and reports each definition after the first of the same term.

    ## Why
    Two definitions of one term either say the same thing, and one is redundant, or they
    differ, and the text has two meanings. Either way a later amendment will update one
    and miss the other.

    ## Example
    ```
    "Supply Outage" means a period during which no voltage is present.
    "supply outage" means an interruption of the Supply.
    ```
    Keep one definition.
    """

    code = "DEF004"
    name = "DuplicateDefinition"
    summary = "the same term is defined twice in one spec"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for spec in context.corpus:
            first: dict[str, Definition] = {}
            for definition in spec.definitions():
                earlier = first.setdefault(normalise(definition.term), definition)
                if earlier is not definition:
                    yield self.at_position(
                        spec,
                        definition.position,
                        f'"{definition.term}" is defined twice in {spec.key} '
                        f"(first at line {earlier.position.line})",
                        clause=definition.term,
                    )
