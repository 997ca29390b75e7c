"""XREF002 UnknownSpec: a reference to a spec that the corpus does not hold."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.references.names import named_references_of, spec_names_of
from spectool.rules.registry import register


@register
class UnknownSpec(Rule):
    """Reports a reference into a spec that is not loaded, so it cannot be checked.

    ## What it does
    For every reference that names a spec ("Section 12 of the GBCS"), checks that some
    version of that spec is in the corpus. A spec goes by its name, its title and the
    short names and aliases of its `[specs.NAME]` entry; a reference that names a document
    by two or more capitalised words ("Section 3 of the Smart Energy Code") and matches
    none of them is reported with the name as written. Each is reported once per place it
    occurs, as a warning: it may be right, but nothing has checked it.

    ## Why
    A check that silently skips what it cannot resolve gives false comfort. Adding the
    named spec to `[corpus] specs` lets XREF001 check the reference for real.

    ## Example
    ```
    3.1 ESME shall meet Section 12 of the GBCS.
    ```
    with no GBCS in the corpus: add it, or accept the warning.
    """

    code = "XREF002"
    name = "UnknownSpec"
    summary = "a reference names a spec that is not in the corpus"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        loaded = set(context.corpus.names())
        names = spec_names_of(context.config, context.corpus, context.memo)
        for spec in context.corpus:
            for named in named_references_of(spec, names, context.memo):
                located, reference = named.located, named.located.reference
                missing = named.unknown or (reference.spec if reference.spec not in loaded else None)
                if missing is None:
                    continue
                yield self.in_text(
                    spec,
                    located.text,
                    reference.offset,
                    reference.offset + reference.length,
                    f"{missing} is not in the corpus, so this reference to "
                    f"{reference.label.lower()} {reference.target} cannot be checked",
                    clause=located.owner,
                )
