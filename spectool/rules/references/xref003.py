"""XREF003 MovedCrossSpecTarget: an amendment renumbers or omits a clause another spec refers to."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spectool.amend.model import Amendment
from spectool.findings import Finding, RelatedLocation, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.references.moved import MovedTarget, Referrer, moved_targets
from spectool.rules.registry import register

_CLAUSE = re.compile(r"[0-9]+(?:\.[0-9]+)*[A-Z]*")


@register
class MovedCrossSpecTarget(Rule):
    """Reports an instruction that moves a clause out from under another spec's reference to it.

    ## What it does
    When an amendment is checked, works out which clauses of each spec version it amends are
    renumbered, omitted or left as "Not used.", and looks in every live version (`[versions]`) of
    every other spec for a reference to one of them by its old number, by any of the spec's names.
    A reference the amendment does not itself rewrite is reported at the instruction, naming each
    referring clause and its version, with the instruction that keeps it true (for a renumbering) as
    `spectool mirror` would propose it. Applying the amendment never rewrites a spec it does not
    target, so the drafter must add these instructions.

    ## Why
    Renumbering follows references inside the spec amended, but SMETS2's "clause 4.4.2 of the
    CHTS" is SMETS2's own text. An amendment that omits CHTS clause 4.4.1 and renumbers leaves that
    reference pointing at a different requirement, and nothing else in the amendment shows it.

    ## Example
    ```
    Amendments to CHTS 1.5
    1. Omit clause 4.4.1 and renumber.
    ```
    while SMETS2 4.2 clause 5.4.4.5 says "clause 4.4.2 of the CHTS": add
    `Amendments to SMETS2 4.2` / `1. In clause 5.4.4.5, for "clause 4.4.2 of the CHTS" substitute
    "clause 4.4.1 of the CHTS".`
    """

    code = "XREF003"
    name = "MovedCrossSpecTarget"
    summary = "an amendment renumbers or omits a clause that another spec refers to"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        amendment = context.amendment
        if not isinstance(amendment, Amendment):
            return
        base = context.base or context.corpus
        for moved in moved_targets(amendment, base, context.corpus, context.config, context.memo):
            yield self._finding(amendment, moved)

    def _finding(self, amendment: Amendment, moved: MovedTarget) -> Finding:
        instruction, target = moved.instruction, moved.target
        where = f"{target.name} {target.version} clause {moved.old}"
        action = f"renumbers {where} as {moved.new}" if moved.new is not None else f"omits {where}"
        referring = " and ".join(_named(referrer) for referrer in moved.referrers)
        verb = "refers" if len(moved.referrers) == 1 else "refer"
        if moved.new is not None:
            outcome = "which would then point at another requirement"
            proposals = "; ".join(_proposal(referrer, moved) for referrer in moved.referrers)
            fix = f"keep it true with {proposals}"
        else:
            outcome = "which would then point at nothing"
            fix = "amend or remove that reference in the same amendment"
        message = f"instruction {instruction.number} {action}, but {referring} {verb} to it, {outcome}: {fix}"
        return Finding(
            code=self.code,
            severity=self.severity,
            message=message,
            path=amendment.path,
            line=instruction.line,
            column=instruction.at.column,
            end_column=instruction.at.column + instruction.at.width,
            spec=target.name,
            version=target.version,
            clause=str(moved.old),
            related=tuple(
                RelatedLocation(
                    referrer.spec.path,
                    referrer.line,
                    referrer.column,
                    f'{_named(referrer)}: "{referrer.words}"',
                )
                for referrer in moved.referrers
            ),
        )


def _named(referrer: Referrer) -> str:
    return f"{referrer.spec.name} {referrer.spec.version} clause {referrer.owner}"


def _proposal(referrer: Referrer, moved: MovedTarget) -> str:
    """The instruction for the referring version, worded as `spectool mirror` words one."""
    new_words = referrer.words.replace(str(moved.old), str(moved.new), 1)
    place = (
        f"clause {referrer.owner}"
        if _CLAUSE.fullmatch(referrer.owner)
        else f'the definition of "{referrer.owner}"'
    )
    return (
        f'under "Amendments to {referrer.spec.name} {referrer.spec.version}", '
        f'"In {place}, for "{referrer.words}" substitute "{new_words}"."'
    )
