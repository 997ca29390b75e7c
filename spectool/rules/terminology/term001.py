"""TERM001 DeprecatedTerm: a phrase the terminology table replaces with a preferred term."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.passages import joined
from spectool.rules.registry import register
from spectool.rules.terminology.scope import in_scope, shown
from spectool.rules.terminology.table import Replacement, terminology_of


@register
class DeprecatedTerm(Rule):
    """Reports a deprecated phrase and suggests the term the table prefers.

    ## What it does
    Looks in clauses, sub-items, notes and definitions for every phrase listed under
    `instead-of` in a `[terminology.replace.NAME]` entry of the configuration, and
    suggests the entry's `use` term. Matching ignores case and line breaks, and only
    whole words count ("power failures" matches "power failure"; "powerfailure" does not).

    ## Why
    Legal text that says the same thing in two ways invites two readings. SMETS2 defines
    the Supply Outage; text that speaks of a "mains power failure" instead leaves open
    whether it means the defined concept or something else, as the MP102A drafting did.

    ## Example
    ```
    5.5.3 ESME shall keep the Communications Hub powered except during a mains power failure.
    ```
    Use instead:
    ```
    5.5.3 ESME shall keep the Communications Hub powered except during a Supply Outage.
    ```
    """

    code = "TERM001"
    name = "DeprecatedTerm"
    summary = "a deprecated term is used where the terminology table prefers another"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        table = terminology_of(context.config, context.memo)
        if not table.replacements:
            return
        for spec in context.corpus:
            for entry, phrase, passage, match in table.deprecated_finder.find_in(joined(spec, context.memo)):
                assert isinstance(entry, Replacement)
                if not in_scope(entry.scope, passage.kind):
                    continue
                message = f'"{shown(match.text)}" is deprecated: use "{entry.preferred}" ({entry.reason})'
                yield self.in_text(
                    spec,
                    passage.text,
                    match.start,
                    match.end,
                    message,
                    clause=passage.owner,
                    suggestion=entry.preferred + match.suffix(phrase),
                )
