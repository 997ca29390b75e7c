"""Coverage as Markdown, for a pull request or a working-group paper: one table per spec version."""

from __future__ import annotations

from collections.abc import Sequence

from spectool.coverage.assess import LEGEND, Cell, Explanation, SpecCoverage, Status
from spectool.coverage.compare import CellPair, Change, Comparison
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.reasons import evidence_reason, status_words, terms_phrase
from spectool.coverage.reports.as_text import difference_sentence, differences_count


def render_matrices(coverages: Sequence[SpecCoverage]) -> str:
    if not coverages:
        return "No spec in the corpus is responsible for a row of this matrix.\n"
    matrix = coverages[0].matrix
    out = _title(matrix)
    for coverage in coverages:
        counts = {status: sum(cell.status is status for cell in coverage.cells) for status in Status}
        out.append(f"## {coverage.title}\n")
        said = ", ".join(f"{counts[status]} {status.value}" for status in Status if counts[status])
        out.append(f"`{coverage.path}`: {said}.\n")
        rows = [
            [cell_markdown(coverage.cell(row.key, c.key)) for c in coverage.columns] for row in coverage.rows
        ]
        out.extend(_table(coverage.rows, coverage.columns, rows))
        out.append("")
    out.append(
        "States: " + "; ".join(f"**{status.value}**: {text}" for status, text in LEGEND.items()) + ".\n"
    )
    shown = {row.key for coverage in coverages for row in coverage.rows}
    notes = [cell for cell in matrix.not_applicable if cell.row in shown]
    if notes:
        out.append("## Not applicable\n")
        for cell in notes:
            row, column = matrix.find_row(cell.row), matrix.find_column(cell.column)
            out.append(f"- **{_escape(row.label)} x {_escape(column.label)}**: {_escape(cell.reason)}")
        out.append("")
    return "\n".join(out)


def render_explanations(explanations: Sequence[Explanation]) -> str:
    return "\n".join(_explanation(explanation) for explanation in explanations)


def _explanation(explanation: Explanation) -> str:
    row, column, cell = explanation.row, explanation.column, explanation.cell
    status = _escape(status_words(cell) + (f": {cell.reason}" if cell.reason else ""))
    out = [
        f"# {explanation.spec}: {_escape(row.label)} x {_escape(column.label)}\n",
        f"Status: {status}.\n",
        f"- row actors: {_escape(terms_phrase(row.terms, limit=len(row.terms)))}",
        f"- column terms: {_escape(terms_phrase(column.terms, limit=len(column.terms)))}",
    ]
    if explanation.matrix.subject:
        subject = explanation.matrix.subject
        out.append(f"- subject terms: {_escape(terms_phrase(subject, limit=len(subject)))}")
    out.extend(["", "| clause | verdict | why |", "| --- | --- | --- |"])
    for decision in explanation.decisions:
        reason = _escape(evidence_reason(decision, explanation.matrix))
        out.append(f"| {decision.clause} | {decision.verdict.value} | {reason} |")
    out.append(f"\n{explanation.unrelated} other clauses neither bind the row nor name the column.\n")
    return "\n".join(out)


def render_comparisons(comparisons: Sequence[Comparison]) -> str:
    if not comparisons:
        return "Nothing to compare.\n"
    out = _title(comparisons[0].left.matrix)
    for comparison in comparisons:
        out.append(f"## {comparison.left_label} -> {comparison.right_label}\n")
        rows = [
            [pair_markdown(comparison.pair(r.key, c.key)) for c in comparison.columns]
            for r in comparison.rows
        ]
        out.extend(_table(comparison.rows, comparison.columns, rows))
        differences = comparison.differences
        out.append(f"\n{differences_count(len(differences))}.\n")
        out.extend(f"- {_escape(difference_sentence(comparison, pair))}" for pair in differences)
        out.append("")
    return "\n".join(out)


def cell_markdown(cell: Cell) -> str:
    if cell.status is Status.COVERED:
        return ", ".join(cell.clauses)
    if cell.status in (Status.GAP, Status.NOT_APPLICABLE):
        return "**gap**" if cell.status is Status.GAP else "n/a"
    return f"**{cell.status.value}**: {', '.join(cell.clauses)}"


def pair_markdown(pair: CellPair) -> str:
    if pair.change is Change.SAME and pair.left.clauses == pair.right.clauses:
        return cell_markdown(pair.left)
    mark = {Change.CLOSED: " (closed)", Change.OPENED: " (**opened**)"}.get(pair.change, "")
    return f"{cell_markdown(pair.left)} → {cell_markdown(pair.right)}{mark}"


def _title(matrix: CoverageMatrix) -> list[str]:
    out = [f"# {_escape(matrix.title)}\n", f"Matrix `{matrix.name}`."]
    if matrix.description:
        out[-1] += " " + _escape(matrix.description)
    return [*out, ""]


def _table(rows: Sequence[Row], columns: Sequence[Column], cells: list[list[str]]) -> list[str]:
    out = ["| | " + " | ".join(_escape(column.label) for column in columns) + " |"]
    out.append("| --- |" + " --- |" * len(columns))
    for row, line in zip(rows, cells, strict=True):
        out.append(f"| **{_escape(row.label)}** | " + " | ".join(line) + " |")
    return out


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
