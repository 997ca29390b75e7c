"""DEF003 UnusedDefinition: a term defined in a glossary and used nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.memo import MemoKind, RunMemo
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.glossary import phrase_set
from spectool.rules.passages import SEPARATOR, Kind, joined, table_text, tables
from spectool.rules.phrases import fold
from spectool.rules.registry import register

_USAGE: MemoKind[tuple[str, str]] = MemoKind("text outside definitions")


def _usage_text(spec: Spec, memo: RunMemo) -> tuple[str, str]:
    """Every text of a spec but its definitions (headings and tables included), and its folded form."""
    parts = [section.title for section in spec.sections]
    parts.extend(p.text.value for p in joined(spec, memo).passages if p.kind is not Kind.DEFINITION)
    parts.extend(table_text(table) for table, _ in tables(spec))
    value = SEPARATOR.join(parts)
    return value, fold(value)


def used_terms(terms: tuple[str, ...], spec: Spec, usage: tuple[str, str]) -> set[str]:
    """The terms that `spec` uses: in its non-definition text (`usage`), or in another term's definition.

    One search per term stops at the first use, which for a used term comes early."""
    value, folded = usage
    used = {term for term in terms if phrase_set((term,), case_sensitive=False).search_folded(value, folded)}
    for definition in spec.definitions():
        rest = [term for term in terms if term not in used and term != definition.term]
        if rest:
            phrases = phrase_set(tuple(rest), case_sensitive=False)
            for passage in (definition.text, *(item.text for item in definition.all_items())):
                used.update(rest[match.index] for match in phrases.finditer(passage.value))
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
        def usage_of(spec: Spec) -> tuple[str, str]:
            return context.memo.once(_USAGE, (spec,), lambda: _usage_text(spec, context.memo))

        for spec in context.corpus:
            definitions = list(spec.definitions())
            terms = tuple(dict.fromkeys(definition.term for definition in definitions))
            if not terms:
                continue
            used = used_terms(terms, spec, usage_of(spec))
            unused = tuple(term for term in terms if term not in used)
            for other in context.corpus:
                if unused and other.name != spec.name:
                    value, folded = usage_of(other)
                    unused = tuple(
                        t
                        for t in unused
                        if not phrase_set((t,), case_sensitive=False).search_folded(value, folded)
                    )
            for definition in definitions:
                if definition.term in unused:
                    yield self.at_position(
                        spec,
                        definition.position,
                        f'"{definition.term}" is defined but used nowhere in {spec.key} or the other specs',
                        clause=definition.term,
                    )
