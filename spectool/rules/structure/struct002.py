"""STRUCT002 MissingShall: a numbered clause that states no requirement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Position
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import register

_SHALL = re.compile(r"\bshall\b", re.IGNORECASE)
_OTHER_MODAL = re.compile(r"\b(must|should|will|is required to|are required to)\b", re.IGNORECASE)
_NOT_USED = re.compile(r"\s*not used\.?\s*", re.IGNORECASE)


@register
class MissingShall(Rule):
    """Reports a numbered clause whose text (with its sub-items) never says "shall".

    ## What it does
    Every numbered clause of a specification is a requirement, and SEC requirements are
    stated with "shall". A clause whose text and sub-items contain no "shall" is reported,
    naming the other modal verb it uses ("must", "will", "should") if it has one. A clause
    whose whole text is "Not used." (a deleted clause keeping its number) is exempt. Notes
    are informative and are not searched.

    ## Why
    "must", "will" and "should" are read in different ways by different parties: "will"
    can be a prediction, "should" a recommendation. A requirement that does not say
    "shall" may not be enforceable against a Device.

    ## Example
    ```
    5.5.3 ESME must keep the Communications Hub powered during a firmware upgrade.
    ```
    Use instead:
    ```
    5.5.3 ESME shall keep the Communications Hub powered during a firmware upgrade.
    ```
    """

    code = "STRUCT002"
    name = "MissingShall"
    summary = 'a requirement clause does not say "shall"'
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for spec in context.corpus:
            for clause in spec.clauses():
                text = clause.full_text
                if _SHALL.search(text) or _NOT_USED.fullmatch(clause.text.value):
                    continue
                modal = _OTHER_MODAL.search(text)
                said = f': it says "{modal.group().lower()}"' if modal else ""
                message = f'clause {clause.id} states no requirement{said}; use "shall", or "Not used."'
                line, column = clause.position.line, clause.position.column
                span = Position(line, column, line, column + len(clause.id))
                yield self.at_position(spec, span, message, clause=clause.id)
