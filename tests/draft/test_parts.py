"""Drafting changes to the parts of a clause: sub-items, table rows and Notes added or taken away are
drafted as instructions on those parts (and any words changed besides as text edits); a change they
cannot say, or that would not stand, restates the clause."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import apply_target
from spectool.amend.model import EditText, ItemEdit, NoteEdit, PartAction, RowEdit, SubstituteClause
from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from spectool.draft.drafting import draft_amendment
from spectool.draft.instructions import same_paragraph
from spectool.draft.views import DraftViews
from spectool.model.document import Spec
from spectool.parsing import parse_spec

from .conftest import corpus

KEY = "SMETS2@4.2"
SOURCE = Path(__file__).resolve().parents[2] / "specs" / "smets2-v4.2.spec"


def edited(*changes: tuple[str, str]) -> Spec:
    """SMETS2 4.2 with each (old, new) piece of its source replaced once."""
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return parse_spec(text, "edited.spec")


def drafted_operations(after: Spec) -> list[object]:
    """Draft the change from SMETS2 4.2 to `after`, write it out, read it back and prove it applies."""
    target = corpus().require(KEY)
    draft = draft_amendment(DraftViews(target, after, "MP900 Parts"), target)
    amendment = parse_amendment(render_amendment(draft.amendment))
    result = apply_target(amendment, KEY, target).spec
    for mine, theirs in zip(result.clauses(), after.clauses(), strict=True):
        assert same_paragraph(mine, theirs), mine.number
    return [instruction.operation for instruction in amendment.targets[0].instructions]


def test_rows_omitted_and_inserted_are_drafted_as_row_instructions() -> None:
    after = edited(
        ("| G04 | cover removed | yes |\n", ""),
        (
            "| G06 | firmware upgrade completed | no |\n",
            "| G06 | firmware upgrade completed | no |\n| G07 | clock adjusted | no |\n",
        ),
    )
    operations = drafted_operations(after)
    assert [
        (type(op).__name__, getattr(op, "row", None), getattr(op, "action", None)) for op in operations
    ] == [
        ("RowEdit", "G04", PartAction.OMIT),
        ("RowEdit", "G06", PartAction.INSERT_AFTER),
    ]
    inserted = operations[1]
    assert isinstance(inserted, RowEdit) and inserted.rows == (("G07", "clock adjusted", "no"),)


def test_a_sub_item_inserted_with_a_letter_of_its_own_and_words_changed_besides() -> None:
    item_a = "  (a) on a valid command from a User, in Credit Mode or Prepayment Mode; and\n"
    after = edited(
        (
            "5.4.3.1 ESME shall open its Load Switch:\n" + item_a,
            "5.4.3.1 ESME shall open its Load Switch:\n"
            + item_a
            + "  (aa) when the Supply has been absent for 3 minutes; and\n",
        ),
        ("Note: in Credit Mode only item (a) applies.", "Note: in any Mode only item (a) applies."),
    )
    operations = drafted_operations(after)
    assert isinstance(operations[0], ItemEdit) and operations[0].action is PartAction.INSERT_AFTER
    assert operations[0].items == ("a",) and [item.label for item in operations[0].new] == ["aa"]
    assert isinstance(operations[1], EditText) and operations[1].text == "any Mode only"


def test_a_note_added_and_a_note_taken_away() -> None:
    after = edited(
        (
            "  Communications Hub Interface.\n5.5.5",
            "  Communications Hub Interface.\nNote: the Alert goes to every User.\n5.5.5",
        ),
        ("Note: the Communications Hub Interface is fed from the Supply side of the Load Switch.\n", ""),
    )
    operations = drafted_operations(after)
    assert all(isinstance(op, NoteEdit) for op in operations)
    assert [(str(op.clause), op.action) for op in operations if isinstance(op, NoteEdit)] == [
        ("5.5.4", PartAction.INSERT_AFTER),
        ("5.5.5", PartAction.OMIT),
    ]


def test_an_item_omission_that_would_leave_a_citation_restates_the_clause() -> None:
    # 5.4.3.1's Note says "only item (a) applies": omitting (a) would leave it citing nothing.
    item_a = "  (a) on a valid command from a User, in Credit Mode or Prepayment Mode; and\n"
    after = edited(
        ("5.4.3.1 ESME shall open its Load Switch:\n" + item_a, "5.4.3.1 ESME shall open its Load Switch:\n")
    )
    operations = drafted_operations(after)
    assert not any(isinstance(op, ItemEdit) for op in operations)
    assert any(isinstance(op, SubstituteClause) for op in operations)
