"""Move a clause number along its section by whole numbers, keeping an inserted number's letters."""

from __future__ import annotations

from spectool.model.numbers import ClauseNumber


def shifted(number: ClauseNumber, by: int) -> ClauseNumber:
    """`number` moved `by` places in its section: 5.6.4 -> 5.6.5, and 5.6.4A -> 5.6.5A, so that an
    inserted clause keeps standing right after the clause it was inserted after."""
    suffixes = number.suffixes
    return ClauseNumber((*number.parts[:-1], number.last + by), suffixes=suffixes)


def follows(number: ClauseNumber, anchor: ClauseNumber) -> bool:
    """Does `number` stand after `anchor` in the same section (5.6.4A and 5.6.5 follow 5.6.4)?"""
    return number.parent == anchor.parent and anchor < number
