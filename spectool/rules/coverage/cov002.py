"""COV002 ExcludedCell: a cell the matrix requires that the text explicitly exempts."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.coverage.assess import Status
from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.coverage import cells_of, clause_position
from spectool.rules.registry import register


@register
class ExcludedCell(Rule):
    """Reports a cell of a coverage matrix that a permission or an exception takes out.

    ## What it does
    A cell is excluded when no obligation covers it and a sentence on the row's device explicitly
    frees it in the column's scenario: "need not", "is not required to", "shall not be required
    to", "nothing ... shall oblige", "may", or an exception ("except during a firmware upgrade").
    The matrix says the cell needs a requirement (it is not marked not applicable), so the
    exemption is reported at the clause that makes it.

    ## Why
    An exemption is a decision, not an oversight, but one the matrix's owners have said the text
    must not make: a working group should see it, and either mark the cell not applicable with
    its reason or turn the exemption into a requirement.

    ## Example
    `5.5.6 Polyphase ESME need not keep the Communications Hub powered during a firmware upgrade.`
    excludes (ESME polyphase, firmware activation) of the `ota-power` matrix.
    """

    code = "COV002"
    name = "ExcludedCell"
    summary = "a cell the matrix requires that a permission or exception takes out"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for found in cells_of(context, lambda cell: cell.status is Status.EXCLUDED):
            each, spec, row, column, cell = found.checked, found.spec, found.row, found.column, found.cell
            matrix = each.matrix
            evidence = cell.evidence[0]
            message = (
                f"{matrix.name}: {row.label} x {column.label} is excluded ({evidence.modality}"
                f"{', ' + evidence.exceptions[0] if evidence.exceptions else ''}), but the matrix "
                f"requires it: require it, or mark the cell not applicable with its reason"
            )
            yield self.at_position(
                spec, clause_position(spec, cell.clauses[0]), message, clause=cell.clauses[0]
            )
