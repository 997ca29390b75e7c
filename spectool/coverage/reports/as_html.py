"""Coverage as one self-contained HTML page: the matrix coloured by status, clause ids linked to text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from spectool.coverage.assess import LEGEND, Cell, Excerpt, Explanation, SpecCoverage, Status
from spectool.coverage.compare import Change, Comparison
from spectool.coverage.matrix import CoverageMatrix
from spectool.coverage.reasons import evidence_reason, status_words, terms_phrase
from spectool.coverage.reports.as_text import difference_sentence, differences_count
from spectool.coverage.reports.page import STYLE, page_template

Context = dict[str, Any]
CSS = {
    Status.COVERED: "covered",
    Status.CONFLICTING: "conflicting",
    Status.EXCLUDED: "excluded",
    Status.MENTIONED: "mentioned",
    Status.GAP: "gap",
    Status.NOT_APPLICABLE: "na",
}


def render_matrices(coverages: Sequence[SpecCoverage]) -> str:
    if not coverages:
        raise ValueError("no coverage to render")
    blocks = [_block(coverage) for coverage in coverages]
    return _page(coverages[0].matrix, [c.key for c in coverages], blocks, comparing=False)


def render_comparisons(comparisons: Sequence[Comparison]) -> str:
    if not comparisons:
        raise ValueError("no comparison to render")
    keys = list(dict.fromkeys(key for c in comparisons for key in (c.left.key, c.right.key)))
    blocks = [_comparison_block(comparison) for comparison in comparisons]
    return _page(comparisons[0].left.matrix, keys, blocks, comparing=True)


def render_explanations(explanations: Sequence[Explanation]) -> str:
    if not explanations:
        raise ValueError("no explanation to render")
    whys = [_why(explanation) for explanation in explanations]
    keys = [explanation.spec for explanation in explanations]
    return _page(explanations[0].matrix, keys, [], comparing=False, whys=whys)


def _why(explanation: Explanation) -> Context:
    cell = explanation.cell
    status = status_words(cell) + (f": {cell.reason}" if cell.reason else "")
    return {
        "heading": f"{explanation.spec}: {explanation.row.label} x {explanation.column.label}",
        "status": status,
        "decisions": [
            {
                "clause": decision.clause,
                "verdict": decision.verdict.value,
                "css": decision.verdict.name.lower(),
                "reason": evidence_reason(decision, explanation.matrix),
            }
            for decision in explanation.decisions
        ],
        "unrelated": explanation.unrelated,
    }


def _page(
    matrix: CoverageMatrix,
    keys: list[str],
    blocks: list[Context],
    *,
    comparing: bool,
    whys: Sequence[Context] = (),
) -> str:
    return page_template().render(
        title=matrix.title,
        description=matrix.description,
        matrix_name=matrix.name,
        subject=terms_phrase(matrix.subject, limit=len(matrix.subject)) if matrix.subject else "",
        specs_line=", ".join(keys),
        style=Markup(STYLE),
        columns=[{"label": c.label, "description": c.description} for c in matrix.columns],
        blocks=blocks,
        legend=[{"css": CSS[status], "state": status.value, "text": text} for status, text in LEGEND.items()],
        comparing=comparing,
        whys=whys,
    )


def _block(coverage: SpecCoverage, prefix: str = "") -> Context:
    prefix = prefix or coverage.key
    counts = {status: sum(cell.status is status for cell in coverage.cells) for status in Status}
    # Each reason once, under the table: a row of the same reason in every cell drowns the matrix.
    reasons = list(dict.fromkeys(cell.reason for cell in coverage.cells if cell.reason))
    rows = [
        {
            "label": row.label,
            "description": row.description,
            "specs": ", ".join(row.specs),
            "cells": [
                _cell(coverage, coverage.cell(row.key, c.key), prefix, reasons) for c in coverage.columns
            ],
        }
        for row in coverage.rows
    ]
    return {
        "anchor": _anchor(coverage.key),
        "heading": f"{coverage.spec} v{coverage.version}"
        + (f" as amended by {coverage.amended_by}" if coverage.amended_by else ""),
        "subheading": coverage.path,
        "counts": [
            {"kind": CSS[status], "number": counts[status], "label": status.value}
            for status in Status
            if counts[status] or status in (Status.COVERED, Status.GAP)
        ],
        "rows": rows,
        "reasons": reasons,
        "changes": [],
        "excerpt_groups": _groups(f"{coverage.spec} v{coverage.version}", coverage, prefix),
    }


def _groups(heading: str, coverage: SpecCoverage, prefix: str) -> list[Context]:
    excerpts = [_excerpt(coverage, excerpt, prefix) for excerpt in coverage.excerpts]
    return [{"heading": heading, "excerpts": excerpts}] if excerpts else []


def _comparison_block(comparison: Comparison) -> Context:
    left, right = comparison.left, comparison.right
    block = _block(right, comparison.right_label)
    block["anchor"] = _anchor(f"{comparison.left_label}-{comparison.right_label}")
    block["heading"] = f"{comparison.left_label} → {comparison.right_label}"
    block["subheading"] = differences_count(len(comparison.differences))
    # Before and after an amendment the spec is the same: "before" says enough in a small cell.
    before = "before" if left.key == right.key else left.key
    for row in block["rows"]:
        for cell in row["cells"]:
            pair = comparison.pair(cell["row"], cell["column"])
            if pair.change is not Change.SAME or pair.left.clauses != pair.right.clauses:
                cell["was"] = f"{before}: {_cell_words(pair.left)}"
            if pair.change is not Change.SAME:
                cell["css"] += " changed"
    block["changes"] = [difference_sentence(comparison, pair) for pair in comparison.differences]
    block["excerpt_groups"] = _groups(comparison.left_label, left, comparison.left_label) + _groups(
        comparison.right_label, right, comparison.right_label
    )
    return block


def _cell(coverage: SpecCoverage, cell: Cell, prefix: str, reasons: list[str]) -> Context:
    links = []
    for clause in cell.clauses:
        excerpt = coverage.excerpt(clause)
        links.append(
            {
                "clause": clause,
                "anchor": _anchor(f"{prefix}-{clause}"),
                "title": excerpt.heading if excerpt else "",
            }
        )
    css = CSS[cell.status]
    return {
        "row": cell.row,
        "column": cell.column,
        "status": cell.status.value,
        "css": css,
        "links": links,
        "reason": cell.reason,
        "note": reasons.index(cell.reason) + 1 if cell.reason else 0,
        "was": "",
    }


def _cell_words(cell: Cell) -> str:
    if cell.status is Status.COVERED:
        return ", ".join(cell.clauses)
    if cell.status in (Status.GAP, Status.NOT_APPLICABLE):
        return cell.status.value
    return f"{cell.status.value} {', '.join(cell.clauses)}"


def _excerpt(coverage: SpecCoverage, excerpt: Excerpt, prefix: str) -> Context:
    return {
        "anchor": _anchor(f"{prefix}-{excerpt.clause}"),
        "spec": prefix,
        "clause": excerpt.clause,
        "heading": excerpt.heading,
        "line": excerpt.line,
        "lines": [
            {"depth": min(depth, 2), "html": highlight(text, excerpt.highlights)}
            for depth, text in excerpt.lines
        ],
    }


def highlight(text: str, phrases: Sequence[str]) -> Markup:
    """`text`, escaped, with each phrase (any case, any white space between words) in <mark>."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        spans.extend(match.span() for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out, position = Markup(), 0
    for start, end in merged:
        out += escape(text[position:start]) + Markup("<mark>") + escape(text[start:end]) + Markup("</mark>")
        position = end
    return out + escape(text[position:])


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.\-]+", "-", text).strip("-")
