"""DEF005 ConflictingDefinition: two specs define one term differently."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Definition, Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.glossary import definition_text
from spectool.rules.phrases import normalise
from spectool.rules.registry import register


@register
class ConflictingDefinition(Rule):
    """Reports a term that two specs of the corpus define in different words.

    ## What it does
    Groups the glossary entries of every spec in the corpus by term. Where a spec defines
    a term in other words (compared on one line, in lower case, without the final full
    stop) than an earlier spec of another name does, the later definition is reported,
    naming the earlier one. Versions of one spec are not compared with each other: an
    amendment may change a definition.

    ## Why
    SMETS2 and the CHTS are read together. A term defined one way for the meters and
    another way for the Communications Hub lets the two specifications disagree on what a
    requirement covers, which is how gaps such as MP102A's open up.

    ## Example
    SMETS2: `"Power Outage Alert" means the Alert, with the code AD1, that the Communications Hub sends.`
    CHTS: `"Power Outage Alert" means the Alert that the Communications Hub Function sends.`
    Use one wording in both.
    """

    code = "DEF005"
    name = "ConflictingDefinition"
    summary = "a term is defined differently in two specs"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        seen: dict[str, list[tuple[Spec, Definition, str]]] = {}
        for spec in context.corpus:
            for definition in spec.definitions():
                text = definition_text(definition)
                earlier = seen.setdefault(normalise(definition.term), [])
                other = next(((s, d) for s, d, t in earlier if s.name != spec.name and t != text), None)
                if other is not None:
                    other_spec, other_definition = other
                    yield self.at_position(
                        spec,
                        definition.position,
                        f'"{definition.term}" is defined differently in {other_spec.key} '
                        f'("{other_definition.text.flat}")',
                        clause=definition.term,
                    )
                earlier.append((spec, definition, text))
