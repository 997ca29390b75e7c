"""Property (issue 18) for the places added late: a random text edit in one row of a clause's table
(`In the table in clause X, in the row for K, ...`) or in its Note (`In the Note to clause X, ...`)
changes that row or Note only, inside whole-word occurrences of the quoted words, and nothing else;
`--verify` agrees. The oracle is the one of tests/amend/test_confined_property.py, written apart from
spectool's own matching."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spectool.amend.apply import apply_target
from spectool.amend.scope import verify_scope
from spectool.amend.writer import quote
from spectool.errors import InputError
from spectool.model.document import Clause
from tests.amend.helpers import amendment, smets2
from tests.amend.test_confined_property import _NEW_WORDS, changed_only_inside

KEY = "SMETS2@4.2"


@cache
def with_tables() -> tuple[Clause, ...]:
    return tuple(clause for clause in smets2().clauses() if len(clause.tables) == 1)


@cache
def with_notes() -> tuple[Clause, ...]:
    return tuple(clause for clause in smets2().clauses() if len(clause.notes) == 1)


@st.composite
def part_edits(draw: st.DrawFn) -> tuple[Clause, tuple[str, ...], str, str]:
    """A clause, the pieces the instruction may change (their keys), the quoted words and the
    instruction: in one row of the clause's table, or in its Note."""
    in_row = draw(st.booleans())
    if in_row:
        clause = draw(st.sampled_from(with_tables()))
        (table,) = clause.tables
        index = next(i for i, attachment in enumerate(clause.attachments) if attachment is table)
        row = draw(st.integers(0, len(table.rows) - 1))
        words = " ".join(table.rows[row]).split()
        place = f"the table in clause {clause.number}, in the row for {table.rows[row][0]}"
        keys = tuple(f"cell/{index}/{row + 1}/{column}" for column in range(len(table.rows[row])))
    else:
        clause = draw(st.sampled_from(with_notes()))
        (note,) = clause.notes
        index = next(i for i, attachment in enumerate(clause.attachments) if attachment is note)
        words = note.text.value.split()
        place = f"the Note to clause {clause.number}"
        keys = (f"note/{index}",)
    words = [word for word in words if '"' not in word and "\u201d" not in word]
    assume(words)
    first = draw(st.integers(0, len(words) - 1))
    quoted = " ".join(words[first : first + draw(st.integers(1, 3))])
    which = draw(
        st.sampled_from(["", "every occurrence of ", "the last occurrence of ", "the 2nd occurrence of "])
    )
    new = " ".join(draw(st.lists(st.sampled_from(_NEW_WORDS), min_size=1, max_size=2)))
    edit = draw(
        st.sampled_from(
            [
                f"for {which}{quote(quoted)} substitute {quote(new)}",
                f"after {which}{quote(quoted)} insert {quote(new)}",
                f"before {which}{quote(quoted)} insert {quote(new)}",
                f"omit {which}{quote(quoted)}",
            ]
        )
    )
    return clause, keys, quoted, f"In {place}, {edit}."


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(part_edits())
def test_an_edit_in_a_row_or_a_note_changes_only_that_inside_the_quoted_words(
    drawn: tuple[Clause, tuple[str, ...], str, str],
) -> None:
    clause, keys, quoted, instruction = drawn
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    try:
        amended = apply_target(draft, KEY, smets2()).spec
    except InputError:
        return  # refused, with a message: never a silent change
    after = amended.clause(clause.number)
    assert after is not None
    assert changed_only_inside(clause, after, quoted, instruction, keys), instruction
    for other in smets2().clauses():
        if other.number != clause.number:
            assert amended.clause(other.number) == other
    assert verify_scope(draft, KEY, smets2(), amended) == []
