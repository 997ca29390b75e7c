"""XREF001 MissingTarget: a reference to a clause or section that its spec does not have."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.references.names import named_references_of, spec_names_of
from spectool.rules.references.targets import names_other_document, target_spec
from spectool.rules.registry import register


@register
class MissingTarget(Rule):
    """Reports a reference to a clause or section number that does not exist.

    ## What it does
    Resolves every reference ("clause 5.4.4.2", "Section 4.3 of the CHTS") found in
    clauses, sub-items, notes and definitions. A reference without a spec name points into
    the spec version that contains it; a reference naming another spec points into the
    latest version of that spec loaded in the corpus. The number must be a clause or a
    section there. References to specs the corpus does not hold are XREF002's business,
    and "Section 4 of the Code"-style references to other documents are skipped.

    ## Why
    Renumbering is the commonest side effect of an amendment: SMETS2 v5.0 moved the Supply
    Outage clauses from 5.4.4 to 5.4.5, and every reference to them had to follow. A
    reference to a number that is gone, or now means something else, silently changes
    the requirement.

    ## Example
    ```
    "Supply Outage" means ... as determined under clause 5.4.4.2.
    ```
    in a version where that clause is now 5.4.5.2: update the reference.
    """

    code = "XREF001"
    name = "MissingTarget"
    summary = "a reference points to a clause or section that does not exist"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        names = spec_names_of(context.config, context.corpus, context.memo)
        for spec in context.corpus:
            for named in named_references_of(spec, names, context.memo):
                located, reference = named.located, named.located.reference
                target = target_spec(spec, reference, context.corpus)
                if named.unknown is not None or target is None or names_other_document(located):
                    continue
                if target.has_number(reference.target):
                    continue
                kind = reference.label.lower().rstrip("s")
                where = "this spec" if target is spec else target.key
                yield self.in_text(
                    spec,
                    located.text,
                    reference.offset,
                    reference.offset + reference.length,
                    f"{kind} {reference.target} does not exist in {where}",
                    clause=located.owner,
                )
