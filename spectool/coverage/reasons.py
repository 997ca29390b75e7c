"""Say in words what a cell is and why: the deciding sentence, its actor, modality, scope and conditions."""

from __future__ import annotations

from collections.abc import Sequence

from spectool.coverage.assess import Cell, Evidence, Status, Verdict
from spectool.coverage.matrix import CoverageMatrix

_MARK = {
    Status.CONFLICTING: "CONFLICT",
    Status.EXCLUDED: "EXCLUDED",
    Status.MENTIONED: "MENTIONED",
}


def cell_text(cell: Cell) -> str:
    """A grid cell: the covering clauses; a state's mark and its clauses; GAP; n/a."""
    if cell.status is Status.COVERED:
        return " ".join(cell.clauses)
    if cell.status in _MARK:
        return f"{_MARK[cell.status]} {' '.join(cell.clauses)}"
    return "GAP" if cell.status is Status.GAP else "n/a"


def status_words(cell: Cell) -> str:
    clauses = ", ".join(cell.clauses)
    return {
        Status.COVERED: f"covered by {clauses}",
        Status.CONFLICTING: f"CONFLICTING: {clauses} states a duration the shared parameter contradicts",
        Status.EXCLUDED: f"EXCLUDED by {clauses}",
        Status.MENTIONED: f"MENTIONED only, by {clauses}",
        Status.GAP: "a GAP",
        Status.NOT_APPLICABLE: "not applicable",
    }[cell.status]


def terms_phrase(terms: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(f'"{term}"' for term in terms[:limit])
    return shown + (", ..." if len(terms) > limit else "")


def evidence_reason(evidence: Evidence, matrix: CoverageMatrix) -> str:
    """One paragraph: the verdict, the sentence quoted, and what the reader made of it."""
    where = f"{evidence.where}, line {evidence.line}" if evidence.line else evidence.where
    if evidence.verdict is Verdict.MENTIONS and not evidence.sentence:
        return f"mentions only: names the row and the column in {where}, but binds no one to it"
    quote = f'"{evidence.sentence}" ({where})'
    if evidence.verdict is Verdict.UNREADABLE:
        return f"unreadable: {quote}: {evidence.reason}; it covers nothing until it names who must act"
    labels = {row.key: row.label for row in matrix.rows}
    scope = ", ".join(labels.get(key, key) for key in evidence.scope) or "no row of the matrix"
    parts = [f"{evidence.verdict.value}: {quote}", f"actor {evidence.actor or 'none'}", evidence.modality]
    if evidence.action:
        parts.append(f'action "{evidence.action}"')
    parts.append(f"binds {scope}")
    if evidence.conditions:
        parts.append(f"conditions: {'; '.join(evidence.conditions)}")
    if evidence.exceptions:
        parts.append(f"exceptions: {'; '.join(evidence.exceptions)}")
    if evidence.via:
        parts.append(f"inherited from {' -> '.join(evidence.via)}")
    if evidence.verdict is Verdict.OFF_SUBJECT:
        parts.append(f"but nothing on the subject ({terms_phrase(matrix.subject)})")
    return "; ".join(parts)
