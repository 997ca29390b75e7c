"""COV001 CoverageGap: a cell of a coverage matrix that no obligation of the responsible spec covers."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.coverage.assess import Status
from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.coverage import HEADER, checked
from spectool.rules.registry import register


@register
class CoverageGap(Rule):
    """Reports a device and scenario that no obligation covers.

    ## What it does
    Fills in every coverage matrix configured under `[coverage]` (docs/coverage.md) for each spec
    version responsible for one of its rows, and reports each cell that is neither covered nor
    excluded nor marked not applicable: a gap, or a cell only mentioned by notes, headings,
    definitions or sentences that bind no one. A cell is covered by an obligation ("shall",
    "must", "shall not") whose actor is the row's device (less any "other than" or "does not
    apply to") and whose action or conditions name the column's scenario and the matrix's
    subject. When an amendment is checked, the gaps of the specs as the amendment leaves them are
    reported, and those the amendment itself opens say so.

    ## Why
    A requirement written for "the meter" silently leaves cases out. MP102A's consultation found
    that its text said nothing of the Communications Hub's own firmware upgrade, of polyphase
    meters or of the Hot Shoe of a Gas First installation: gaps that a matrix shows at a glance,
    if it counts only what the text requires.

    ## Example
    With the `ota-power` matrix, SMETS2 4.2 has no obligation on Polyphase ESME about a firmware
    upgrade and power, so the cell (ESME polyphase, firmware activation) is reported.
    `spectool coverage --explain esme-polyphase firmware-activation SMETS2@4.2` shows every
    sentence considered and what each lacks.
    """

    code = "COV001"
    name = "CoverageGap"
    summary = "a cell of a coverage matrix that no obligation covers"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for each in checked(context):
            matrix = each.matrix
            for coverage in each.coverages:
                spec = context.corpus.require(coverage.key)
                for gap in coverage.gaps:
                    row, column = matrix.find_row(gap.row), matrix.find_column(gap.column)
                    opened = each.opened_by and (coverage.key, gap.row, gap.column) not in each.known
                    only = (
                        f" (only mentioned, by {', '.join(gap.clauses)})"
                        if gap.status is Status.MENTIONED
                        else ""
                    )
                    message = (
                        f"{matrix.name}: no requirement covers {row.label} x {column.label}{only}"
                        f"{f' (opened by {each.opened_by})' if opened else ''} "
                        f"(see `spectool coverage --explain {row.key} {column.key} {coverage.key}`)"
                    )
                    yield self.at_position(spec, HEADER, message)
