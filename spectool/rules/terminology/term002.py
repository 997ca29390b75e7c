"""TERM002 BannedWord: a word the terminology table bans from (requirement) text."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.passages import joined
from spectool.rules.registry import register
from spectool.rules.terminology.scope import in_scope, shown
from spectool.rules.terminology.table import BannedWord as BannedEntry
from spectool.rules.terminology.table import Scope, terminology_of


@register
class BannedWord(Rule):
    """Reports a word that the terminology table bans, in the scope the table gives it.

    ## What it does
    Looks for every word or phrase listed under `words` in a `[terminology.ban.NAME]`
    entry. With `scope = "requirements"` (the default) only clause text and sub-items are
    searched, so a note may still quote the word; with `scope = "all"` notes and
    definitions are searched too. There is no automatic replacement: the fix is a rewrite.

    ## Why
    Some words carry a judgement the specification must not make. The MP102A legal text
    called the Power Outage Alerts that follow a firmware activation "spurious", but the
    Communications Hub really was without power for three minutes: the alert is genuine,
    and a requirement that calls it spurious misstates what the Device must do.

    ## Example
    ```
    5.4.4.5 ESME shall be designed so that a restart does not lead to spurious Power Outage Alerts.
    ```
    Use instead:
    ```
    5.4.4.5 ESME shall be designed so that a restart does not lead to a Power Outage Alert.
    ```
    """

    code = "TERM002"
    name = "BannedWord"
    summary = "a word the terminology table bans is used"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        table = terminology_of(context.config, context.memo)
        if not table.banned:
            return
        for spec in context.corpus:
            for entry, _, passage, match in table.banned_finder.find_in(joined(spec, context.memo)):
                assert isinstance(entry, BannedEntry)
                if not in_scope(entry.scope, passage.kind):
                    continue
                where = "requirement text" if entry.scope is Scope.REQUIREMENTS else "this specification"
                message = f'"{shown(match.text)}" must not be used in {where}: {entry.reason}'
                yield self.in_text(spec, passage.text, match.start, match.end, message, clause=passage.owner)
