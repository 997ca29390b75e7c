"""DEF003 UnusedDefinition: a term defined in a glossary and used nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.glossary import phrase_set
from spectool.rules.passages import all_passages, table_text, tables
from spectool.rules.phrases import normalise
from spectool.rules.registry import register


def texts_with_owner(spec: Spec) -> Iterator[tuple[str, str]]:
    """(text, owner) for every text of a spec: headings and tables have no owner."""
    for section in spec.sections:
        yield section.title, ""
    for passage in all_passages(spec):
        yield passage.text.value, passage.owner
    for table, _ in tables(spec):
        yield table_text(table), ""


def used_terms(terms: tuple[str, ...], spec: Spec) -> set[str]:
    """The terms (normalised) that `spec` uses anywhere other than in their own definitions."""
    phrases = phrase_set(terms, case_sensitive=False)
    used: set[str] = set()
    for text, owner in texts_with_owner(spec):
        for match in phrases.finditer(text):
            term = terms[match.index]
            if term != owner:
                used.add(normalise(term))
    return used


@register
class UnusedDefinition(Rule):
    """Reports a glossary term that nothing uses.

    ## What it does
    For each definition, looks for the term (any capitals, plural allowed) in every other
    text of its spec version: clauses, sub-items, notes, other definitions, headings and
    tables. A term that a different spec of the corpus uses also counts as used, since
    specs share glossaries ("Section 4.3 of the CHTS"). Other versions of the same spec do
    not count: each version's glossary answers for its own text.

    ## Why
    A definition nothing uses is dead text that still binds: after an amendment removes
    the last use of a term, its definition is easy to forget, and readers then search
    for a requirement that is not there.

    ## Example
    ```
    "Supply Restoration" means the return of voltage at the end of a Supply Outage.
    ```
    with no clause that mentions Supply Restoration: remove the definition, or use it.
    """

    code = "DEF003"
    name = "UnusedDefinition"
    summary = "a term is defined but never used"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for spec in context.corpus:
            definitions = list(spec.definitions())
            terms = tuple(dict.fromkeys(definition.term for definition in definitions))
            if not terms:
                continue
            used = used_terms(terms, spec)
            unused = tuple(term for term in terms if normalise(term) not in used)
            for other in context.corpus:
                if not unused:
                    break
                if other.name != spec.name:
                    used |= used_terms(unused, other)
                    unused = tuple(term for term in unused if normalise(term) not in used)
            for definition in definitions:
                if definition.term in unused:
                    yield self.at_position(
                        spec,
                        definition.position,
                        f'"{definition.term}" is defined but used nowhere in {spec.key} or the other specs',
                        clause=definition.term,
                    )
