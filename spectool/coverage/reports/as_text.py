"""Coverage as plain text for a terminal: one grid per spec version, gaps listed under it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from spectool.coverage.assess import LEGEND, Cell, Explanation, SpecCoverage, Status
from spectool.coverage.compare import CellPair, Change, Comparison
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.reasons import cell_text, evidence_reason, status_words, terms_phrase

CELL_WIDTH = 18


def render_matrices(coverages: Sequence[SpecCoverage]) -> str:
    if not coverages:
        return "no spec in the corpus is responsible for a row of this matrix\n"
    matrix = coverages[0].matrix
    out = [_title(matrix)]
    for coverage in coverages:
        out.append(f"{coverage.title}  ({coverage.path})")
        cells = [
            [cell_text(coverage.cell(row.key, c.key)) for c in coverage.columns] for row in coverage.rows
        ]
        out.append(_grid(coverage.rows, coverage.columns, cells))
        out.append(_summary(coverage))
        for cell in coverage.cells:
            if cell.status in (Status.COVERED, Status.NOT_APPLICABLE):
                continue
            row, column = matrix.find_row(cell.row), matrix.find_column(cell.column)
            out.append(f"  {cell.status.value}: {row.label} x {column.label}")
        out.append("")
    out.extend(_not_applicable(matrix, coverages))
    out.append("states: " + "; ".join(f"{status.value} = {text}" for status, text in LEGEND.items()))
    out.append(f"why a cell is what it is: spectool coverage --explain ROW COLUMN {coverages[0].key}")
    return "\n".join(out) + "\n"


def render_explanations(explanations: Sequence[Explanation]) -> str:
    return "\n".join(_explanation(explanation) for explanation in explanations)


def _explanation(explanation: Explanation) -> str:
    matrix, row, column, cell = explanation.matrix, explanation.row, explanation.column, explanation.cell
    out = [
        f"{explanation.spec}  {row.label} x {column.label}: {status_words(cell)}",
        f"  row {row.key}: actors {terms_phrase(row.terms, limit=len(row.terms))}",
        f"  column {column.key}: {terms_phrase(column.terms, limit=len(column.terms))}",
    ]
    if row.context:
        out.append(f"  row context: {terms_phrase(row.context, limit=len(row.context))}")
    if matrix.subject:
        out.append(f"  subject: {terms_phrase(matrix.subject, limit=len(matrix.subject))}")
    if cell.status is Status.NOT_APPLICABLE:
        out.append(f"  not applicable: {cell.reason}")
    out.append("")
    width = max((len(decision.clause) for decision in explanation.decisions), default=0)
    for decision in explanation.decisions:
        reason = evidence_reason(decision, matrix)
        wrapped = textwrap.wrap(reason, 100 - width, subsequent_indent="  ")
        out.append(f"{decision.clause.ljust(width)}  {wrapped[0]}")
        out.extend(f"{' ' * width}  {line}" for line in wrapped[1:])
    others = explanation.unrelated
    out.append(
        f"{len(explanation.decisions)} sentences considered; {others} more clauses neither bind the row"
        " nor name the column"
    )
    return "\n".join(out) + "\n"


def render_comparisons(comparisons: Sequence[Comparison]) -> str:
    if not comparisons:
        return "nothing to compare\n"
    out = [_title(comparisons[0].left.matrix)]
    for comparison in comparisons:
        left, right = comparison.left_label, comparison.right_label
        out.append(f"{left} -> {right}")
        cells = [
            [pair_text(comparison.pair(r.key, c.key)) for c in comparison.columns] for r in comparison.rows
        ]
        out.append(_grid(comparison.rows, comparison.columns, cells))
        differences = comparison.differences
        out.append(differences_count(len(differences)))
        for pair in differences:
            out.append("  " + difference_sentence(comparison, pair))
        out.append("")
    return "\n".join(out)


def pair_text(pair: CellPair) -> str:
    if pair.change is Change.SAME and pair.left.clauses == pair.right.clauses:
        return cell_text(pair.left)
    mark = {Change.CLOSED: " (+)", Change.OPENED: " (-)"}.get(pair.change, "")
    return f"{cell_text(pair.left)} -> {cell_text(pair.right)}{mark}"


def differences_count(count: int) -> str:
    return f"{count} cell{'s differ' if count != 1 else ' differs'}"


def difference_sentence(comparison: Comparison, pair: CellPair) -> str:
    matrix = comparison.left.matrix
    row, column = matrix.find_row(pair.row), matrix.find_column(pair.column)
    left, right = comparison.left_label, comparison.right_label
    what = {
        Change.CLOSED: f"{_state(pair.left)} in {left}, covered in {right} by {_clauses(pair.right)}",
        Change.OPENED: f"covered in {left} by {_clauses(pair.left)}, {_state(pair.right)} in {right}",
        Change.RULED: f"{pair.left.status.value} in {left}, {pair.right.status.value} in {right}",
        Change.SHIFTED: f"{status_words(pair.left)} in {left}; {status_words(pair.right)} in {right}",
    }[pair.change]
    return f"{row.label} x {column.label}: {what}"


def _clauses(cell: Cell) -> str:
    return ", ".join(cell.clauses)


def _state(cell: Cell) -> str:
    return "a gap" if cell.status is Status.GAP else cell.status.value


def _title(matrix: CoverageMatrix) -> str:
    return f"{matrix.name}: {matrix.title}\n"


def _summary(coverage: SpecCoverage) -> str:
    counts = {status: sum(cell.status is status for cell in coverage.cells) for status in Status}
    return ", ".join(
        f"{counts[status]} {status.value}" for status in Status if counts[status] or status in _ALWAYS
    )


_ALWAYS = (Status.COVERED, Status.GAP, Status.NOT_APPLICABLE)


def _not_applicable(matrix: CoverageMatrix, coverages: Sequence[SpecCoverage]) -> list[str]:
    shown = {row.key for coverage in coverages for row in coverage.rows}
    cells = [cell for cell in matrix.not_applicable if cell.row in shown]
    if not cells:
        return []
    out = ["not applicable:"]
    for cell in cells:
        row, column = matrix.find_row(cell.row), matrix.find_column(cell.column)
        out.append(f"  {row.label} x {column.label}: {cell.reason}")
    return [*out, ""]


def _grid(rows: Sequence[Row], columns: Sequence[Column], cells: list[list[str]]) -> str:
    """A table whose cells wrap at CELL_WIDTH; the first column holds the row labels."""
    label_width = max(len(row.label) for row in rows)
    widths = [CELL_WIDTH] * len(columns)
    header = [_wrap(column.label) for column in columns]
    body = [[_wrap(text) for text in line] for line in cells]
    for index in range(len(columns)):
        widths[index] = max(
            len(part) for block in [header[index], *(b[index] for b in body)] for part in block
        )
    lines = _block([""], header, label_width, widths)
    lines.append("-" * label_width + "".join("  " + "-" * width for width in widths))
    for row, line in zip(rows, body, strict=True):
        lines.extend(_block([row.label], line, label_width, widths))
    return "\n".join(line.rstrip() for line in lines)


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, CELL_WIDTH, break_long_words=False) or [""]


def _block(label: list[str], cells: list[list[str]], label_width: int, widths: list[int]) -> list[str]:
    height = max(len(cell) for cell in [label, *cells])
    lines = []
    for index in range(height):
        parts = [(label[index] if index < len(label) else "").ljust(label_width)]
        for cell, width in zip(cells, widths, strict=True):
            parts.append((cell[index] if index < len(cell) else "").ljust(width))
        lines.append("  ".join(parts))
    return lines
