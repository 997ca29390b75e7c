"""Coverage as JSON: the matrix, every cell, the covering clauses' text, explanations and comparisons."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from spectool.coverage.assess import LEGEND, Cell, Evidence, Excerpt, Explanation, SpecCoverage, Status
from spectool.coverage.compare import Comparison
from spectool.coverage.matrix import CoverageMatrix
from spectool.coverage.reasons import evidence_reason

SCHEMA_VERSION = 2  # 2: cell states from obligations, with their evidence and a legend
JSON = dict[str, Any]


def render_matrices(coverages: Sequence[SpecCoverage]) -> str:
    return _dump(matrices_data(coverages))


def render_explanations(explanations: Sequence[Explanation]) -> str:
    return _dump({"schema": SCHEMA_VERSION, "explanations": [explanation_data(e) for e in explanations]})


def render_comparisons(comparisons: Sequence[Comparison]) -> str:
    return _dump(comparisons_data(comparisons))


def matrices_data(coverages: Sequence[SpecCoverage]) -> JSON:
    matrix = coverages[0].matrix if coverages else None
    return {
        "schema": SCHEMA_VERSION,
        "matrix": matrix_data(matrix) if matrix else None,
        "legend": legend_data(),
        "coverage": [coverage_data(coverage) for coverage in coverages],
    }


def legend_data() -> JSON:
    return {status.value: text for status, text in LEGEND.items()}


def matrix_data(matrix: CoverageMatrix) -> JSON:
    return {
        "name": matrix.name,
        "title": matrix.title,
        "description": matrix.description,
        "subject": list(matrix.subject),
        "rows": [
            {
                "key": r.key,
                "label": r.label,
                "specs": list(r.specs),
                "terms": list(r.terms),
                "context": list(r.context),
                "description": r.description,
            }
            for r in matrix.rows
        ],
        "columns": [
            {"key": c.key, "label": c.label, "terms": list(c.terms), "description": c.description}
            for c in matrix.columns
        ],
        "not_applicable": [
            {"row": cell.row, "column": cell.column, "reason": cell.reason} for cell in matrix.not_applicable
        ],
    }


def coverage_data(coverage: SpecCoverage) -> JSON:
    return {
        "spec": coverage.spec,
        "version": coverage.version,
        "path": coverage.path,
        "amended_by": coverage.amended_by,
        "rows": [row.key for row in coverage.rows],
        "summary": {status.value: sum(c.status is status for c in coverage.cells) for status in Status},
        "cells": [cell_data(cell) for cell in coverage.cells],
        "clauses": [excerpt_data(excerpt) for excerpt in coverage.excerpts],
    }


def cell_data(cell: Cell) -> JSON:
    data: JSON = {"row": cell.row, "column": cell.column, "status": cell.status.value}
    data["clauses"] = list(cell.clauses)
    if cell.reason:
        data["reason"] = cell.reason
    if cell.evidence:
        data["evidence"] = [evidence_data(evidence) for evidence in cell.evidence]
    return data


def evidence_data(evidence: Evidence) -> JSON:
    return {
        "clause": evidence.clause,
        "verdict": evidence.verdict.value,
        "sentence": evidence.sentence,
        "where": evidence.where,
        "line": evidence.line,
        "actor": evidence.actor,
        "modality": evidence.modality,
        "action": evidence.action,
        "scope": list(evidence.scope),
        "conditions": list(evidence.conditions),
        "exceptions": list(evidence.exceptions),
        "via": list(evidence.via),
        "reason": evidence.reason,
    }


def excerpt_data(excerpt: Excerpt) -> JSON:
    return {
        "clause": excerpt.clause,
        "heading": excerpt.heading,
        "line": excerpt.line,
        "text": [{"depth": depth, "text": text} for depth, text in excerpt.lines],
        "matched": list(excerpt.highlights),
    }


def explanation_data(explanation: Explanation) -> JSON:
    return {
        "matrix": explanation.matrix.name,
        "spec": explanation.spec,
        "path": explanation.path,
        "row": explanation.row.key,
        "column": explanation.column.key,
        "cell": cell_data(explanation.cell),
        "decisions": [
            {**evidence_data(decision), "explained": evidence_reason(decision, explanation.matrix)}
            for decision in explanation.decisions
        ],
        "unrelated": explanation.unrelated,
    }


def comparisons_data(comparisons: Sequence[Comparison]) -> JSON:
    return {
        "schema": SCHEMA_VERSION,
        "matrix": matrix_data(comparisons[0].left.matrix) if comparisons else None,
        "comparisons": [
            {
                "left": comparison.left_label,
                "right": comparison.right_label,
                "left_spec": comparison.left.key,
                "right_spec": comparison.right.key,
                "differences": len(comparison.differences),
                "cells": [
                    {
                        "row": pair.row,
                        "column": pair.column,
                        "change": pair.change.value,
                        "left": cell_data(pair.left),
                        "right": cell_data(pair.right),
                    }
                    for pair in comparison.pairs
                ],
            }
            for comparison in comparisons
        ],
    }


def _dump(data: JSON) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
