"""Pair the free-text units (free paragraphs, other headings, contents, pictures) that two versions do
not share word for word, so that a reworded one shows as reworded rather than removed and added."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from spectool.diff.page import Paragraph, Unit, UnitKind

FREE_KINDS = frozenset((UnitKind.FREE, UnitKind.CONTENTS, UnitKind.PICTURE))
# Two free units of one kind are the same unit, reworded, at this similarity (0-100).
PAIR_CUTOFF = 50.0

Pair = tuple[int | None, int | None]  # positions in the old and the new run


def has_free(units: Sequence[Unit]) -> bool:
    return any(unit.kind in FREE_KINDS for unit in units)


def pair_free(old: Sequence[Unit], new: Sequence[Unit]) -> list[Pair]:
    """The positions of every unit of both runs in reading order: free units of one kind paired in
    order where their text is similar enough, the rest alone (old before new between two pairs)."""
    matches: list[tuple[int, int]] = []
    next_new = 0
    for old_at, unit in enumerate(old):
        if unit.kind not in FREE_KINDS:
            continue
        text = _text(unit)
        scores = [
            (fuzz.ratio(text, _text(candidate)), new_at)
            for new_at, candidate in enumerate(new[next_new:], start=next_new)
            if candidate.kind is unit.kind
        ]
        best = max(scores, key=lambda scored: scored[0], default=None)
        if best is None or best[0] < PAIR_CUTOFF:
            continue
        matches.append((old_at, best[1]))
        next_new = best[1] + 1
    out: list[Pair] = []
    old_at = new_at = 0
    for old_match, new_match in (*matches, (len(old), len(new))):
        out.extend((index, None) for index in range(old_at, old_match))
        out.extend((None, index) for index in range(new_at, new_match))
        if old_match < len(old):
            out.append((old_match, new_match))
        old_at, new_at = old_match + 1, new_match + 1
    return out


def _text(unit: Unit) -> str:
    return " ".join(block.text for block in unit.blocks if isinstance(block, Paragraph))
