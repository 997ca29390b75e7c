"""COV003 ConflictingDuration: a covering obligation states a duration its shared parameter contradicts."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.coverage.assess import Status
from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.coverage import cells_of, clause_position
from spectool.rules.parameters.quantities import shown_value
from spectool.rules.registry import register


@register
class ConflictingDuration(Rule):
    """Reports an obligation whose duration disagrees with the shared parameter of its column.

    ## What it does
    A column of a matrix may name a `[parameters]` duration (`parameter = "power-outage-alert-delay"`).
    An obligation that covers a cell of that column and states a longer duration, or states the
    parameter itself with another value, puts the cell in conflict; each such clause is reported.

    ## Why
    The Communications Hub raises the AD1 Power Outage Alert after 3 minutes without power. A
    clause that lets a meter restore the hub's power "within 5 minutes" names the right scenario
    and still does not prevent the false alert: counted as covering, it would hide the gap.

    ## Example
    `5.5.6 ESME shall restore power to the Communications Hub within 5 minutes of a restart.`
    conflicts with the 3-minute delay stated in CHTS 4.4.2.
    """

    code = "COV003"
    name = "ConflictingDuration"
    summary = "an obligation states a duration that its column's shared parameter contradicts"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for found in cells_of(context, lambda cell: cell.status is Status.CONFLICTING):
            each, spec, row, column, cell = found.checked, found.spec, found.row, found.column, found.cell
            matrix = each.matrix
            limit = each.limits.by_name.get(column.parameter)
            stated = f" ({shown_value(limit.value, 'duration')}, {limit.stated_in})" if limit else ""
            for clause in cell.clauses:
                message = (
                    f"{matrix.name}: {row.label} x {column.label}: the duration this clause states "
                    f"disagrees with {column.parameter}{stated}"
                )
                yield self.at_position(spec, clause_position(spec, clause), message, clause=clause)
