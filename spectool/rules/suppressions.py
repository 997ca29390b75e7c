"""SUPP001 UnknownSuppression: a suppression comment that names a code no rule has."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Spec, Suppression
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import all_rules, register
from spectool.rules.settings import unknown_patterns


@register
class UnknownSuppression(Rule):
    """Reports a `// spectool-disable:` comment that names a code no rule has.

    ## What it does
    Each code in a suppression comment must be a rule's code or a prefix of one (`TERM001`, `TERM`),
    as `--select` takes them; a code that matches no registered rule is reported at the comment.
    The other codes of the same comment still silence what they name.

    ## Why
    A mistyped code silences nothing, so the comment says a finding is waived, with a reason, while
    the finding it meant is still reported, or no longer exists under that code. Codes are compared
    as written, capitals included, as the suppression itself compares them.

    ## Example
    ```
    // spectool-disable: TERM01X -- quoting the withdrawn wording on purpose
    5.5.3 ESME shall no longer speak of a "mains power failure".
    ```
    `TERM01X` names no rule: write `TERM001`.
    """

    code = "SUPP001"
    name = "UnknownSuppression"
    summary = "a suppression comment names a code that no rule has"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        codes = list(all_rules())
        for spec in context.corpus:
            for owner, suppression in _suppressions(spec):
                for code in unknown_patterns(suppression.codes, codes):
                    message = f"suppression names no rule: {code}"
                    yield self.at_position(spec, suppression.position, message, clause=owner)


def _suppressions(spec: Spec) -> Iterator[tuple[str, Suppression]]:
    """Every suppression comment of a spec and the clause id or defined term it stands before."""
    for definition in spec.definitions():
        for suppression in definition.suppressions:
            yield definition.term, suppression
    for clause in spec.clauses():
        for suppression in clause.suppressions:
            yield clause.id, suppression
