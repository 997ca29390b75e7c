"""Say in words why a clause covers a cell or not: which term matched where, or what was missing."""

from __future__ import annotations

from collections.abc import Sequence

from spectool.coverage.detect import Decision, Verdict
from spectool.coverage.hits import Hit
from spectool.coverage.matrix import CoverageMatrix


def hit_phrase(hit: Hit) -> str:
    """`"Polyphase ESME" in its text (line 260)`."""
    where = f" (line {hit.line})" if hit.line else ""
    return f'"{hit.found}" in {hit.where}{where}'


def hits_phrase(hits: Sequence[Hit], limit: int = 3) -> str:
    """The first few hits, one per place, and how many more there are."""
    seen: dict[tuple[str, str], Hit] = {}
    for hit in hits:
        seen.setdefault((hit.found.casefold(), hit.where), hit)
    shown = [hit_phrase(hit) for hit in list(seen.values())[:limit]]
    more = len(seen) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def terms_phrase(terms: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(f'"{term}"' for term in terms[:limit])
    return shown + (", ..." if len(terms) > limit else "")


def decision_reason(decision: Decision, matrix: CoverageMatrix) -> str:
    """One sentence: the verdict and the evidence for it."""
    row_part = f"row {hits_phrase(decision.row_hits)}"
    column_part = f"column {hits_phrase(decision.column_hits)}"
    verdict = decision.verdict
    if verdict is Verdict.COVERS:
        text = f"covers: {row_part}; {column_part}"
        if decision.subject_hits:
            text += f"; subject {hits_phrase(decision.subject_hits, limit=1)}"
    elif verdict is Verdict.NOT_REQUIREMENT:
        text = f'not a requirement (no "shall"), though it names the {row_part} and the {column_part}'
    elif verdict is Verdict.OFF_SUBJECT:
        text = (
            f"off the subject: {row_part}; {column_part}; but nothing on the subject "
            f"({terms_phrase(matrix.subject)})"
        )
    elif verdict is Verdict.ROW_ONLY:
        text = f"the row without the column: {row_part}; no term of the column"
    elif verdict is Verdict.COLUMN_ONLY:
        text = f"the column without the row: {column_part}; no term of the row"
    else:
        text = "named only in informative text"
    notes = [hit for hit in decision.note_hits if verdict is not Verdict.COVERS]
    if notes:
        text += f"; {hits_phrase(notes)} is in an informative note, which states no requirement"
    if decision.set_aside:
        first = decision.set_aside[0]
        text += (
            f"; the row's {hit_phrase(first.hit)} does not count: the clause itself says "
            f'"{first.because.found}" ({first.because.where})'
        )
    if not decision.requirement and verdict is not Verdict.NOT_REQUIREMENT:
        text += '; and it says no "shall"'
    return text
