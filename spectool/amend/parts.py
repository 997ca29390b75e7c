"""Instructions on the parts of a clause (its sub-items, table rows and Note) and on what stands
outside the clauses (the Note that opens a section, the spec's header), applied to a working copy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spectool.amend.edit_error import EditError
from spectool.amend.entries import Entry
from spectool.amend.items import Path, apply_item_edit, follow_relettering
from spectool.amend.model import (
    EditText,
    Instruction,
    ItemEdit,
    NoteEdit,
    PartAction,
    Place,
    RowEdit,
    SubstituteHeader,
)
from spectool.amend.notes import apply_note_edit, opening_note, opening_place
from spectool.amend.tables import apply_row_edit
from spectool.amend.textedit import apply_tracked
from spectool.model.document import Clause, Note, Spec, Text
from spectool.model.numbers import ClauseNumber

if TYPE_CHECKING:
    from spectool.amend.working import WorkingCopy

PartOperation = ItemEdit | RowEdit | NoteEdit | SubstituteHeader


def apply_part(working: WorkingCopy, operation: PartOperation, instruction: Instruction) -> None:
    """Omit, insert or substitute a sub-item, a table row or a clause's Note; or give the header a
    field anew."""
    if isinstance(operation, SubstituteHeader):
        earlier = working.header.get(operation.field)
        if earlier is not None:
            raise EditError(f"instruction {earlier[1].label} already substitutes {operation}")
        working.header[operation.field] = (operation.value, instruction)
        return
    assert operation.clause is not None
    _, entry = working.require(operation.clause, f"clause {operation.clause}")
    assert isinstance(entry.block, Clause)
    if isinstance(operation, ItemEdit):
        entry.block = _items_edited(working, entry, operation, instruction)
        moved_keys: tuple[str, ...] = ("item",)  # spans of new words are keyed by labels that may have moved
    elif isinstance(operation, RowEdit):
        entry.block = apply_row_edit(entry.block, operation)
        moved_keys = ("cell",)  # ... and by row places
    else:
        entry.block = apply_note_edit(entry.block, operation)
        moved_keys = ("note", "cell")  # ... and by attachment places
    spans = working.new_words.get(entry.identity, [])
    working.new_words[entry.identity] = [span for span in spans if span.key[0] not in moved_keys]
    working.changed[entry.identity] = instruction


def _items_edited(working: WorkingCopy, entry: Entry, edit: ItemEdit, instruction: Instruction) -> Clause:
    """The clause with its sub-items edited; what was omitted and re-lettered is recorded for the
    references to it."""
    assert isinstance(entry.block, Clause)
    clause, moved = apply_item_edit(entry.block, edit)
    if not isinstance(entry.identity, ClauseNumber):
        return clause
    if edit.action is PartAction.OMIT:
        working.omitted_items[(entry.identity, edit.items)] = instruction
    if moved:
        follow_relettering(working.relettered.setdefault(entry.identity, {}), moved)
    return clause


def clauses_after_parts(
    base: Spec, instructions: Sequence[Instruction]
) -> tuple[dict[ClauseNumber, Clause], dict[ClauseNumber, dict[Path, Path]]]:
    """Each clause of `base` that instructions on its parts name, as those alone leave it, and the
    sub-items they re-letter: what `--verify` expects, worked out afresh from the instructions."""
    clauses: dict[ClauseNumber, Clause] = {}
    relettered: dict[ClauseNumber, dict[Path, Path]] = {}
    for instruction in instructions:
        operation = instruction.operation
        if not isinstance(operation, ItemEdit | RowEdit | NoteEdit) or operation.clause is None:
            continue
        clause = clauses.get(operation.clause) or base.clause(operation.clause)
        if clause is None:
            continue
        try:
            if isinstance(operation, ItemEdit):
                clause, moved = apply_item_edit(clause, operation)
                if moved:
                    follow_relettering(relettered.setdefault(operation.clause, {}), moved)
            elif isinstance(operation, RowEdit):
                clause = apply_row_edit(clause, operation)
            else:
                clause = apply_note_edit(clause, operation)
        except EditError:
            continue  # apply reports it
        clauses[operation.clause] = clause
    return clauses, relettered


def opening_section(operation: NoteEdit | EditText) -> ClauseNumber | None:
    """The section whose opening Note the operation names, if it names one."""
    if isinstance(operation, NoteEdit):
        return operation.section
    return operation.place.section if operation.place.note else None


def edit_opening_note(working: WorkingCopy, operation: NoteEdit | EditText, instruction: Instruction) -> None:
    """An instruction on the Note that opens a section, standing before its first clause."""
    number = opening_section(operation)
    open_section = next((s for s in working.sections if s.section.number == number), None)
    if number is None or open_section is None:
        raise EditError(f"there is no Section {number}")
    entries = open_section.entries
    at = opening_note([entry.block for entry in entries])
    if isinstance(operation, NoteEdit) and operation.action is PartAction.INSERT_AFTER:
        if at is not None:
            raise EditError(f"Section {number} already opens with a Note: amend or substitute that Note")
        assert operation.note is not None
        new = Entry((-2, instruction.number), operation.note, from_base=False)
        entries.insert(opening_place([entry.block for entry in entries]), new)
        return
    if at is None:
        raise EditError(f"Section {number} has no Note before its first clause")
    note = entries[at].block
    assert isinstance(note, Note)
    if isinstance(operation, EditText):
        stand_in = Clause(number, Text("x"), attachments=(note,))
        edit = replace(operation, place=Place(note=True))
        edited, _ = apply_tracked(stand_in, edit, [], None, working.terms)
        entries[at].block = edited.attachments[0]
    elif operation.action is PartAction.OMIT:
        del entries[at]
    else:
        assert operation.note is not None
        entries[at].block = operation.note
        entries[at].from_base = False
