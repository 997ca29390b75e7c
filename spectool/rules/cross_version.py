"""XVER001 VersionLeftBehind: an amendment changes one live version of a spec and not another."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spectool.amend.model import Amendment, InsertClauses
from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.registry import register

# Comparing versions loads the diff (and numpy with it): only a check of an amendment needs it.
if TYPE_CHECKING:
    from spectool.amend.in_step import OutOfStep


@register
class VersionLeftBehind(Rule):
    """Reports an amendment instruction whose change is missing from another live version.

    ## What it does
    When an amendment is checked, each instruction for a live version of a spec (`[versions]` in
    spectool.toml) is carried over to every other live version of that spec through the clause
    alignment of the two versions. If the aligned clause of the other version, as the amendment
    leaves it, does not show the same change (the quoted words still there, the new words or the
    new clause missing), the instruction is reported. Clauses that have no counterpart in the
    other version are left alone.

    ## Why
    Devices are built to whichever version is live, so a change made to one and not the other
    leaves half of them with the old rule. MP102A's consultation text amended SMETS2 4.2 and
    forgot 5.0, where the same clauses stand under other numbers.

    ## Example
    ```
    Amendments to SMETS2 4.2
    1. In clause 5.5.3, for "a mains power failure" substitute "a Supply Outage".
    ```
    with `SMETS2 = ["4.2", "5.0"]` live: add the same change to clause 5.6.4 of 5.0
    (`spectool mirror AMENDMENT --from SMETS2@4.2 --to SMETS2@5.0` proposes it).
    """

    code = "XVER001"
    name = "VersionLeftBehind"
    summary = "an amendment changes one live version of a spec but not another the same way"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        amendment = context.amendment
        if amendment is None:
            return
        from spectool.amend.in_step import out_of_step

        base = context.base or context.corpus
        for gap in out_of_step(amendment, base, context.corpus, context.config.live_versions):
            yield self._finding(amendment, gap)

    def _finding(self, amendment: Amendment, gap: OutOfStep) -> Finding:
        instruction = gap.instruction
        name, version = gap.source.split("@", 1)
        other = gap.other.replace("@", " ")
        inserts = isinstance(instruction.operation, InsertClauses)
        if inserts:
            action = f"inserts new text in {name} {version} after {instruction.subject}"
            wanted = f"the new text after {gap.counterpart}"
        else:
            action = f"changes {name} {version} {instruction.subject}"
            wanted = gap.counterpart
        if not gap.targeted:
            need = "need" if wanted.startswith("clauses ") else "needs"
            problem = f"{other}, also live, is not amended at all ({wanted} {need} the same change)"
        elif inserts:
            problem = f"{other} lacks {wanted}"
        else:
            problem = f"{other} {wanted} is not changed the same way"
        proposal = f"`spectool mirror {amendment.path} --from {gap.source} --to {gap.other}` proposes it"
        return Finding(
            code=self.code,
            severity=self.severity,
            message=f"instruction {instruction.label} {action}, but {problem}: {proposal}",
            path=amendment.path,
            line=instruction.line,
            column=instruction.at.column,
            end_column=instruction.at.column + instruction.at.width,
            spec=name,
            version=version,
            clause=str(instruction.clause or instruction.term or ""),
        )
