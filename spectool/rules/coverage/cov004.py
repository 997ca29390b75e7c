"""COV004 UnreadableRequirement: a requirement sentence naming a matrix's scenario with no actor to read."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.coverage import checked, clause_position
from spectool.rules.registry import register


@register
class UnreadableRequirement(Rule):
    """Reports a requirement sentence the coverage reader cannot give an actor to.

    ## What it does
    The coverage reader (docs/coverage.md, "What the reader reads") finds who must act before each
    modal verb. A sentence that names a column of a matrix but whose modal verb has no device
    before it (a passive "Power shall be maintained ...", a "that requirement shall ..." that
    refers back to nothing, a thing as subject) covers no cell; this rule says so, at the clause.

    ## Why
    A sentence the reader cannot read must never count as covering, and must not vanish either:
    a drafter who sees it can name the device that must act, and the matrix then reads it.

    ## Example
    `5.5.6 Power to the Communications Hub shall be maintained during a firmware upgrade.`
    Write instead: `ESME shall keep the Communications Hub powered during a firmware upgrade.`
    """

    code = "COV004"
    name = "UnreadableRequirement"
    summary = "a requirement sentence naming a matrix scenario whose actor cannot be read"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        seen: set[tuple[str, str, str]] = set()
        for each in checked(context):
            for coverage in each.coverages:
                spec = context.corpus.require(coverage.key)
                for unread in coverage.unread:
                    key = (coverage.key, unread.clause, unread.sentence.text)
                    if key in seen:
                        continue
                    seen.add(key)
                    message = (
                        f"{each.matrix.name}: cannot read who must act in this requirement "
                        f"({unread.reason}); it covers no cell until it names the device that must act"
                    )
                    yield self.at_position(
                        spec, clause_position(spec, unread.clause), message, clause=unread.clause
                    )
