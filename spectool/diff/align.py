"""Align the clauses of two versions of one spec: same number first, then renumbered by similar text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from rapidfuzz import fuzz, process

from spectool.model.document import Clause, Spec
from spectool.model.numbers import ClauseNumber

# At or above this similarity (0-100) a clause that kept its number is paired at once.
SAME_NUMBER_SURE = 90.0
# Below this similarity two clauses with the same number are taken to be different clauses.
SAME_NUMBER_CUTOFF = 50.0
# Below this, a clause that lost its number is not paired with one that gained a new number.
RENUMBERED_CUTOFF = 70.0
# A same-numbered candidate is preferred to a renumbered one that scores up to this much better.
SAME_NUMBER_BONUS = 5.0
# How many rows of the similarity matrix to compute at once (bounds memory on large specs).
_CHUNK = 2048

_SPACES = re.compile(r"\s+")


class PairKind(StrEnum):
    KEPT = "kept"  # same number, same text
    CHANGED = "changed"  # same number, text reworded
    RENUMBERED = "renumbered"  # new number; text the same or reworded
    ADDED = "added"  # only in the new version
    REMOVED = "removed"  # only in the old version


@dataclass(frozen=True, slots=True)
class ClausePair:
    old: Clause | None
    new: Clause | None
    kind: PairKind
    score: float  # text similarity 0-100 (100 for identical text; 0 for added/removed)

    @property
    def text_changed(self) -> bool:
        return self.old is not None and self.new is not None and normalise(self.old) != normalise(self.new)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every clause of both versions, paired or left alone, in the new version's order."""

    old: Spec
    new: Spec
    pairs: tuple[ClausePair, ...]
    _by_old: dict[ClauseNumber, ClausePair] = field(
        init=False, compare=False, repr=False, default_factory=dict
    )
    _by_new: dict[ClauseNumber, ClausePair] = field(
        init=False, compare=False, repr=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_old", {p.old.number: p for p in self.pairs if p.old is not None})
        object.__setattr__(self, "_by_new", {p.new.number: p for p in self.pairs if p.new is not None})

    def for_old(self, number: ClauseNumber) -> ClausePair | None:
        return self._by_old.get(number)

    def for_new(self, number: ClauseNumber) -> ClausePair | None:
        return self._by_new.get(number)

    def of_kind(self, kind: PairKind) -> list[ClausePair]:
        return [pair for pair in self.pairs if pair.kind is kind]


def normalise(clause: Clause) -> str:
    """The clause's words, lower-case and single-spaced, for comparison."""
    return _SPACES.sub(" ", clause.full_text).strip().lower()


def align_specs(old: Spec, new: Spec) -> Alignment:
    """Pair every clause of `old` with its counterpart in `new`, if it has one."""
    old_clauses = list(old.clauses())
    new_clauses = list(new.clauses())
    old_text = [normalise(clause) for clause in old_clauses]
    new_text = [normalise(clause) for clause in new_clauses]
    new_index = {clause.number: index for index, clause in enumerate(new_clauses)}

    # Words that each version holds exactly once pair at once, whatever their numbers: this keeps
    # the similarity matrix below small when insertions shift whole runs of clause numbers.
    matched = _pair_unique_text(old_text, new_text)  # new index -> (old index, score)
    taken_old = {old_index for old_index, _ in matched.values()}
    unmatched_old: list[int] = []
    for index, clause in enumerate(old_clauses):
        if index in taken_old:
            continue
        other = new_index.get(clause.number)
        if other is not None and other not in matched:
            score = fuzz.ratio(old_text[index], new_text[other])
            if score >= SAME_NUMBER_SURE:
                matched[other] = (index, score)
                continue
        unmatched_old.append(index)
    unmatched_new = [index for index in range(len(new_clauses)) if index not in matched]
    same_number = {
        old_index: new_index[old_clauses[old_index].number]
        for old_index in unmatched_old
        if old_clauses[old_index].number in new_index
    }
    for old_index, new_index_, score in _pair_by_text(
        old_text, new_text, unmatched_old, unmatched_new, same_number
    ):
        matched[new_index_] = (old_index, score)

    pairs: list[ClausePair] = []
    used_old: set[int] = set()
    for index, clause in enumerate(new_clauses):
        if index not in matched:
            pairs.append(ClausePair(None, clause, PairKind.ADDED, 0.0))
            continue
        old_index, score = matched[index]
        used_old.add(old_index)
        before = old_clauses[old_index]
        if before.number != clause.number:
            kind = PairKind.RENUMBERED
        else:
            kind = PairKind.KEPT if old_text[old_index] == new_text[index] else PairKind.CHANGED
        pairs.append(ClausePair(before, clause, kind, float(score)))
    removed = [
        ClausePair(old_clauses[i], None, PairKind.REMOVED, 0.0)
        for i in range(len(old_clauses))
        if i not in used_old
    ]
    return Alignment(old, new, tuple(_in_reading_order(pairs, removed)))


def _pair_unique_text(old_text: Sequence[str], new_text: Sequence[str]) -> dict[int, tuple[int, float]]:
    """new index -> (old index, 100) for every text that stands exactly once in each version."""
    old_count = Counter(old_text)
    new_count = Counter(new_text)
    old_at = {text: index for index, text in enumerate(old_text) if old_count[text] == 1}
    return {
        index: (old_at[text], 100.0)
        for index, text in enumerate(new_text)
        if new_count[text] == 1 and text in old_at
    }


def _pair_by_text(
    old_text: Sequence[str],
    new_text: Sequence[str],
    old_rows: list[int],
    new_columns: list[int],
    same_number: dict[int, int],
) -> list[tuple[int, int, float]]:
    """Greedy best-first pairing of the unmatched clauses by similarity, with rapidfuzz's cdist."""
    if not old_rows or not new_columns:
        return []
    choices = [new_text[j] for j in new_columns]
    column_of = {new: column for column, new in enumerate(new_columns)}
    candidates: list[tuple[float, int, int]] = []
    for start in range(0, len(old_rows), _CHUNK):
        rows = old_rows[start : start + _CHUNK]
        scores = process.cdist(
            [old_text[i] for i in rows],
            choices,
            scorer=fuzz.ratio,
            dtype=np.uint8,
            score_cutoff=SAME_NUMBER_CUTOFF,
            workers=-1,
        )
        # Keep a few best columns per row: enough for the greedy pass to resolve collisions.
        keep = min(3, len(choices))
        best = np.argpartition(-scores.astype(np.int16), keep - 1, axis=1)[:, :keep]
        for row_offset, columns in enumerate(best):
            old_index = rows[row_offset]
            for column in columns:
                candidates.append((float(scores[row_offset, column]), old_index, new_columns[int(column)]))
        # The same-numbered counterpart always competes, even when it is not among the best few.
        for row_offset, old_index in enumerate(rows):
            counterpart = same_number.get(old_index)
            if counterpart is not None and counterpart in column_of:
                score = float(scores[row_offset, column_of[counterpart]])
                candidates.append((score, old_index, counterpart))

    def rank(item: tuple[float, int, int]) -> float:
        score, old_index, new_index = item
        if same_number.get(old_index) == new_index:
            return score + SAME_NUMBER_BONUS if score >= SAME_NUMBER_CUTOFF else -1.0
        return score if score >= RENUMBERED_CUTOFF else -1.0

    candidates = [item for item in candidates if rank(item) >= 0]
    candidates.sort(key=lambda item: (-rank(item), item[1], item[2]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, old_index, new_index in candidates:
        if old_index in taken_old or new_index in taken_new:
            continue
        taken_old.add(old_index)
        taken_new.add(new_index)
        pairs.append((old_index, new_index, score))
    return pairs


def _in_reading_order(pairs: list[ClausePair], removed: list[ClausePair]) -> list[ClausePair]:
    """New-version order, each removed clause placed after the pair holding its old predecessor."""
    if not removed:
        return pairs
    out = list(pairs)
    for gone in removed:
        assert gone.old is not None
        position = 0
        for index, pair in enumerate(out):
            if pair.old is not None and pair.old.number < gone.old.number:
                position = index + 1
        out.insert(position, gone)
    return out
