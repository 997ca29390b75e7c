"""COV001 CoverageGap: a cell of a coverage matrix that no obligation of the responsible spec covers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spectool.coverage.assess import Status
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.findings import Finding, RelatedLocation, Severity
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.coverage import HEADER, cells_of
from spectool.rules.coverage.places import MatrixPlaces, concerned_sections
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
        for found in cells_of(context, lambda cell: cell.status.uncovered):
            each, spec, row, column, gap = found.checked, found.spec, found.row, found.column, found.cell
            opened = each.opened_by and (spec.key, gap.row, gap.column) not in each.known
            only = f" (only mentioned, by {', '.join(gap.clauses)})" if gap.status is Status.MENTIONED else ""
            message = (
                f"{each.matrix.name}: no requirement covers {row.label} x {column.label}{only}"
                f"{f' (opened by {each.opened_by})' if opened else ''} "
                f"(see `spectool coverage --explain {row.key} {column.key} {spec.key}`)"
            )
            places = MatrixPlaces(context.config, each.file)
            yield self._located(spec, places, each.matrix, row, column, message)

    def _located(
        self,
        spec: Spec,
        places: MatrixPlaces,
        matrix: CoverageMatrix,
        row: Row,
        column: Column,
        message: str,
    ) -> Finding:
        """At the row's definition in the coverage file, where the matrix says what must be covered;
        the column's definition and the spec's sections on the device and scenario as related places.
        Without a coverage file to point at, at the spec's header."""
        finding = self.at_position(spec, HEADER, message)
        at_row = places.of(matrix, "rows", row.key)
        if at_row is None:
            return finding
        related = [
            RelatedLocation(
                spec.path, HEADER.line, HEADER.column, f"{spec.name} {spec.version}, which lacks it"
            )
        ]
        at_column = places.of(matrix, "columns", column.key)
        if at_column is not None:
            related.append(
                RelatedLocation(
                    at_column.path, at_column.line, at_column.column, f"the scenario {column.label}"
                )
            )
        related.extend(concerned_sections(spec, matrix, row, column))
        return replace(
            finding,
            path=at_row.path,
            line=at_row.line,
            column=at_row.column,
            end_column=at_row.end_column,
            related=tuple(related),
        )
