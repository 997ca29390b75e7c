"""Neutral edit operations between two versions of a spec: words, paragraphs, tables, units, moves."""

from __future__ import annotations

from spectool.diff.context import with_context
from spectool.diff.document import diff_pages, diff_specs, page_as_redline
from spectool.diff.model import Change, Elision, Op, Presence, Redline, Segment, Side, UnitDiff
from spectool.diff.summary import Summary, SummaryRow, summarise
from spectool.diff.words import diff_words

__all__ = [
    "Change",
    "Elision",
    "Op",
    "Presence",
    "Redline",
    "Segment",
    "Side",
    "Summary",
    "SummaryRow",
    "UnitDiff",
    "diff_pages",
    "diff_specs",
    "diff_words",
    "page_as_redline",
    "summarise",
    "with_context",
]
