"""Drafting from tracked changes: the instructions written, and applying them gives the edited text."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import (
    EditText,
    InsertClauses,
    ItemEdit,
    OmitClause,
    PartAction,
    TextEditKind,
)
from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from spectool.draft.drafting import TO_COMPLETE, Draft, draft_amendment
from spectool.draft.instructions import DraftError, same_paragraph
from spectool.draft.views import read_tracked
from spectool.model.corpus import Corpus
from spectool.model.document import Spec

from .conftest import corpus, exported
from .tracked import TrackedDocument


def drafted(
    document: TrackedDocument, tmp_path: Path, key: str = "SMETS2@4.2", mirror: bool = False
) -> Draft:
    target = corpus().require(key)
    views = read_tracked(document.save(tmp_path / "edited.docx"), target.name, target.version)
    others = (corpus().require("SMETS2@5.0"),) if mirror else ()
    return draft_amendment(views, target, others)


def assert_applies_to_edited(draft: Draft, tmp_path: Path, key: str = "SMETS2@4.2") -> Spec:
    """The amendment written out and read back, applied to the corpus version, gives the accepted view."""
    target = corpus().require(key)
    amendment = parse_amendment(render_amendment(draft.amendment))
    result = apply_target(amendment, key, target).spec
    edited = read_tracked(tmp_path / "edited.docx", target.name, target.version).edited
    assert [c.number for c in result.clauses()] == [c.number for c in edited.clauses()]
    for mine, theirs in zip(result.clauses(), edited.clauses(), strict=True):
        assert same_paragraph(mine, theirs), mine.number
    return result


def operations(draft: Draft) -> list[object]:
    return [i.operation for i in draft.amendment.targets[0].instructions]


def test_four_tracked_edits_give_four_instructions(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("5.4.5.3", "firmware update", "firmware upgrade")
    document.substitute("5.5.1", "at the voltage and current", "at the voltage")
    document.insert_paragraph("5.6.4", "5.6.5 Polyphase ESME shall keep the Communications Hub powered.")
    document.delete_paragraph("5.4.5.5")
    draft = drafted(document, tmp_path)
    ops = operations(draft)
    assert len(ops) == 4
    assert ops[0] == EditText(ops[0].place, TextEditKind.SUBSTITUTE, "update", "upgrade")  # type: ignore[attr-defined]
    assert isinstance(ops[1], OmitClause) and str(ops[1].number) == "5.4.5.5" and not ops[1].renumber
    assert (
        isinstance(ops[2], EditText) and ops[2].kind is TextEditKind.OMIT and ops[2].anchor == "and current"
    )
    assert isinstance(ops[3], InsertClauses) and str(ops[3].after) == "5.6.4"
    assert_applies_to_edited(draft, tmp_path)


def test_insertions_quote_the_shortest_unique_whole_words(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.insert(
        "5.4.5.3", "firmware update", ", and shall keep the Communications Hub powered throughout"
    )
    draft = drafted(document, tmp_path)
    (edit,) = operations(draft)
    assert isinstance(edit, EditText) and edit.kind is TextEditKind.INSERT_AFTER
    # "update" is the shortest phrase that is whole words and unique in clause 5.4.5.3.
    assert edit.anchor == "update"
    assert edit.text == ", and shall keep the Communications Hub powered throughout"
    assert_applies_to_edited(draft, tmp_path)


def test_a_phrase_is_never_split_inside_a_word(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("5.4.5.3", "unchanged", "unaltered")
    (edit,) = operations(drafted(document, tmp_path))
    assert isinstance(edit, EditText) and (edit.anchor, edit.text) == ("unchanged", "unaltered")


def test_formatting_changes_are_no_instructions(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.embolden("5.4.5.1")
    with pytest.raises(DraftError, match="no text changes"):
        drafted(document, tmp_path)
    document.substitute("5.4.5.1", "only through", "solely through")
    assert len(operations(drafted(document, tmp_path))) == 1


def test_a_move_within_a_clause_round_trips(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.move("5.4.5.3", "verified ", "Activation Date-Time")
    draft = drafted(document, tmp_path)
    assert len(operations(draft)) >= 1
    assert_applies_to_edited(draft, tmp_path)


def test_a_clause_deleted_and_retyped_is_drafted_as_the_phrase_that_changed(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.delete_paragraph("5.6.4")
    document.insert_paragraph(
        "5.6.3", "5.6.4 Polyphase ESME shall show the current on each phase on its display."
    )
    draft = drafted(document, tmp_path)
    (edit,) = operations(draft)
    assert isinstance(edit, EditText) and (edit.anchor, edit.text) == ("voltage", "current")
    assert_applies_to_edited(draft, tmp_path)


def test_a_split_clause_inserts_the_new_one_after_it(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.split("5.6.4", "on its display.", "5.6.5")
    draft = drafted(document, tmp_path)
    kinds = [type(op) for op in operations(draft)]
    assert kinds == [EditText, InsertClauses]
    assert_applies_to_edited(draft, tmp_path)


def test_clauses_joined_by_a_deleted_paragraph_mark(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.join("5.6.3", "5.6.4")
    draft = drafted(document, tmp_path)
    kinds = [type(op) for op in operations(draft)]
    assert OmitClause in kinds
    assert_applies_to_edited(draft, tmp_path)


def test_a_definition_in_the_glossary_table_is_edited_in_place(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("means a message that a Device sends", "without being asked", "unprompted")
    draft = drafted(document, tmp_path)
    (edit,) = operations(draft)
    assert isinstance(edit, EditText) and edit.place.term == "Alert"
    assert render_amendment(draft.amendment).count('In the definition of "Alert"') == 1
    assert_applies_to_edited(draft, tmp_path)


def test_authors_dates_and_comments_fill_the_change_request(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"), author="A. Drafter", date="2024-06-02T09:00:00Z")
    document.substitute("5.4.5.3", "firmware update", "firmware upgrade")
    document.substitute("5.5.1", "at the voltage and current", "at the voltage", author="B. Reviewer")
    document.comment("5.4.5.3", "firmware upgrade is the term the rest of SMETS2 uses")
    amendment = drafted(document, tmp_path).amendment
    assert amendment.author == "A. Drafter, B. Reviewer"
    assert amendment.date == "2024-06-02"
    assert amendment.summary == TO_COMPLETE and amendment.title == TO_COMPLETE
    first = amendment.targets[0].instructions[0]
    assert first.reason == "firmware upgrade is the term the rest of SMETS2 uses"
    assert not amendment.targets[0].instructions[1].reason
    assert parse_amendment(render_amendment(amendment)) == amendment


def test_a_deleted_sub_item_is_drafted_as_its_omission(tmp_path: Path, bundled: Corpus) -> None:
    spec = bundled.require("SMETS2@4.2")
    clause = next(c for c in spec.clauses() if c.items)  # 4.3.3.1: (a) and (b), no reference to them
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.delete_paragraph(f"({clause.items[0].label})")
    draft = drafted(document, tmp_path)
    assert operations(draft) == [ItemEdit(clause.number, ("a",), PartAction.OMIT)]
    assert_applies_to_edited(draft, tmp_path)


def test_a_base_that_is_not_the_target_is_refused_naming_the_clause(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@5.0"))
    document.substitute("5.6.4", "through the Communications Hub Interface", "directly")
    with pytest.raises(DraftError, match=r"is not SMETS2@4.2: clause"):
        drafted(document, tmp_path, key="SMETS2@4.2")
