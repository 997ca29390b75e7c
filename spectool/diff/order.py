"""Which units keep their place between two versions: a longest common subsequence of unit tokens.

rapidfuzz's `Indel.opcodes` keeps a bit matrix of both lengths multiplied (1.8 GB for two pages of
120,000 units). Every token stands at most once on each side, so a longest common subsequence is the
longest increasing run of old positions in new order, found by patience sorting in linear memory and
n log n time. Between equally long runs (two neighbours swapped) it chooses as rapidfuzz does
(tests/diff/test_order.py compares both on random edits), so redlines stay byte for byte the same.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel


@dataclass(frozen=True, slots=True)
class Opcode:
    """`tag` is "equal", "insert" or "delete"; old[src_start:src_end] becomes new[dest_start:dest_end]."""

    tag: str
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def unit_opcodes(old: Sequence[int], new: Sequence[int]) -> list[Opcode]:
    """Equal runs, and between them the inserted then the deleted tokens, as `Indel.opcodes` gives them."""
    if len(set(old)) != len(old) or len(set(new)) != len(new):
        return [
            Opcode(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
            for op in Indel.opcodes(old, new)
        ]
    return _from_matches(_increasing_matches(old, new), len(old), len(new))


def _increasing_matches(old: Sequence[int], new: Sequence[int]) -> list[tuple[int, int]]:
    """(old index, new index) of a longest run of shared tokens in the same order on both sides."""
    where = {token: index for index, token in enumerate(old)}
    pairs = [(where[token], index) for index, token in enumerate(new) if token in where]
    tails: list[int] = []  # the smallest old index ending an increasing run of each length
    ends: list[int] = []  # which pair that is
    before: list[int] = []  # the pair before each pair in its run
    for number, (old_index, _) in enumerate(pairs):
        length = bisect.bisect_left(tails, old_index)
        if length == len(tails):
            tails.append(old_index)
            ends.append(number)
        else:
            tails[length] = old_index
            ends[length] = number
        before.append(ends[length - 1] if length else -1)
    run: list[tuple[int, int]] = []
    number = ends[-1] if ends else -1
    while number >= 0:
        run.append(pairs[number])
        number = before[number]
    run.reverse()
    return run


def _from_matches(matches: list[tuple[int, int]], old_length: int, new_length: int) -> list[Opcode]:
    opcodes: list[Opcode] = []
    old_at = new_at = 0
    for old_index, new_index in [*matches, (old_length, new_length)]:
        if new_at < new_index:
            opcodes.append(Opcode("insert", old_at, old_at, new_at, new_index))
        if old_at < old_index:
            opcodes.append(Opcode("delete", old_at, old_index, new_index, new_index))
        if old_index == old_length:
            break
        last = opcodes[-1] if opcodes else None
        if (
            last is not None
            and last.tag == "equal"
            and last.src_end == old_index
            and last.dest_end == new_index
        ):
            opcodes[-1] = Opcode("equal", last.src_start, old_index + 1, last.dest_start, new_index + 1)
        else:
            opcodes.append(Opcode("equal", old_index, old_index + 1, new_index, new_index + 1))
        old_at, new_at = old_index + 1, new_index + 1
    return opcodes
