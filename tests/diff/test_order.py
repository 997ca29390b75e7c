"""Units that keep their place: patience sorting gives rapidfuzz's opcodes, in linear memory."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from spectool.diff.order import Opcode, unit_opcodes

Edit = tuple[str, int, int]


def rapidfuzz_opcodes(old: list[int], new: list[int]) -> list[Opcode]:
    return [Opcode(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Indel.opcodes(old, new)]


def edited(length: int, edits: list[Edit]) -> list[int]:
    """0..length-1 with clauses deleted, inserted (new tokens) and moved, each edit at two positions."""
    new, fresh = list(range(length)), 10_000
    for kind, first, second in edits:
        if kind == "insert":
            new.insert(first % (len(new) + 1), fresh)
            fresh += 1
        elif new and kind == "delete":
            del new[first % len(new)]
        elif new:
            token = new.pop(first % len(new))
            new.insert(second % (len(new) + 1), token)
    return new


edits = st.lists(
    st.tuples(st.sampled_from(("insert", "delete", "move")), st.integers(0, 500), st.integers(0, 500)),
    max_size=25,
)


@settings(max_examples=400, deadline=None)
@given(length=st.integers(0, 80), edits=edits)
def test_the_same_opcodes_as_rapidfuzz_for_distinct_tokens(length: int, edits: list[Edit]) -> None:
    old = list(range(length))
    new = edited(length, edits)
    assert unit_opcodes(old, new) == rapidfuzz_opcodes(old, new)


def test_a_swap_keeps_the_unit_rapidfuzz_keeps() -> None:
    assert [op.tag for op in unit_opcodes([1, 2, 3, 4], [1, 3, 2, 4])] == [
        "equal",
        "insert",
        "equal",
        "delete",
        "equal",
    ]


def test_repeated_tokens_are_left_to_rapidfuzz() -> None:
    old, new = [1, 1, 2, 3], [1, 2, 1, 3]
    assert unit_opcodes(old, new) == rapidfuzz_opcodes(old, new)


def test_a_long_page_with_a_unit_moved_far() -> None:
    old = list(range(200_000))
    new = [*old[1:100_000], 0, *old[100_000:]]  # the first unit moved to the middle
    opcodes = unit_opcodes(old, new)
    assert [op.tag for op in opcodes] == ["delete", "equal", "insert", "equal"]
    assert (opcodes[1].src_start, opcodes[1].src_end) == (1, 100_000)
