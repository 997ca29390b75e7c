"""Changes to the parts of a clause said as instructions on those parts: sub-items omitted or inserted
(with inserted letters, so nothing is re-lettered), table rows omitted or inserted, a Note added or
omitted. What is not one of these shapes is left to the caller, which restates the clause."""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.edit_error import EditError
from spectool.amend.items import apply_item_edit
from spectool.amend.model import ItemEdit, NoteEdit, Operation, PartAction, RowEdit
from spectool.amend.notes import apply_note_edit
from spectool.amend.tables import apply_row_edit
from spectool.draft.phrases import flat
from spectool.model.document import Clause, SubItem, Table, Text
from spectool.model.numbers import ClauseNumber


def part_edits(before: Clause, after: Clause, number: ClauseNumber) -> tuple[list[Operation], Clause] | None:
    """Instructions that give `before` the sub-items, table rows and Notes of `after`, and the clause
    they leave (whose words a text edit may still have to change); None when the parts changed in
    another way."""
    operations: list[Operation] = []
    for found in (_item_edits, _row_edits, _note_edits):
        made = found(before, after, number)
        if made is None:
            return None
        operations.extend(made)
    if not operations:
        return None
    clause = before
    try:
        for operation in operations:
            if isinstance(operation, ItemEdit):
                clause, _ = apply_item_edit(clause, operation)
            elif isinstance(operation, RowEdit):
                clause = apply_row_edit(clause, operation)
            elif isinstance(operation, NoteEdit):
                clause = apply_note_edit(clause, operation)
    except EditError:
        return None
    return operations, clause


def _item_edits(before: Clause, after: Clause, number: ClauseNumber) -> list[Operation] | None:
    """Top-level sub-items omitted, or inserted under labels of their own, the others word for word."""
    old = [item.label for item in before.items]
    new = [item.label for item in after.items]
    if old == new:
        return []
    kept = [label for label in new if label in old]
    if kept != [label for label in old if label in new] or not kept:
        return None
    by_label = {item.label: item for item in before.items}
    if any(_words(item) != _words(by_label[item.label]) for item in after.items if item.label in old):
        return None
    operations: list[Operation] = [
        ItemEdit(number, (label,), PartAction.OMIT) for label in old if label not in new
    ]
    run: list[SubItem] = []
    previous: str | None = None
    for item in (*after.items, None):
        if item is not None and item.label not in old:
            run.append(_rewrapped(item))
            continue
        if run:
            action, anchor = (
                (PartAction.INSERT_AFTER, previous)
                if previous is not None
                else (PartAction.INSERT_BEFORE, item.label if item else None)
            )
            if anchor is None:
                return None
            operations.append(ItemEdit(number, (anchor,), action, tuple(run)))
            run = []
        previous = item.label if item is not None else previous
    return operations


def _row_edits(before: Clause, after: Clause, number: ClauseNumber) -> list[Operation] | None:
    """Rows of the clause's one table omitted or inserted, named by their first cells."""
    old_tables, new_tables = before.tables, after.tables
    if old_tables == new_tables:
        return []
    if len(old_tables) != 1 or len(new_tables) != 1:
        return None
    old, new = old_tables[0], new_tables[0]
    if old.header_rows != new.header_rows or old.title != new.title:
        return None
    old_keys, new_keys = _keys(old), _keys(new)
    if len(set(old_keys)) != len(old_keys) or len(set(new_keys)) != len(new_keys):
        return None
    common = [key for key in new_keys if key in old_keys]
    rows_of = {key: row for key, row in zip(old_keys, old.rows, strict=True)}
    if common != [key for key in old_keys if key in new_keys] or not common:
        return None
    if any(row != rows_of[key] for key, row in zip(new_keys, new.rows, strict=True) if key in rows_of):
        return None
    operations: list[Operation] = [
        RowEdit(number, key, PartAction.OMIT) for key in old_keys if key not in new_keys
    ]
    run: list[tuple[str, ...]] = []
    previous: str | None = None
    for key, row in (*zip(new_keys, new.rows, strict=True), (None, None)):
        if key is not None and row is not None and key not in rows_of:
            run.append(row)
            continue
        if run:
            if previous is not None:
                operations.append(RowEdit(number, previous, PartAction.INSERT_AFTER, tuple(run)))
            elif key is not None:
                operations.append(RowEdit(number, key, PartAction.INSERT_BEFORE, tuple(run)))
            run = []
        previous = key if key is not None else previous
    return operations


def _note_edits(before: Clause, after: Clause, number: ClauseNumber) -> list[Operation] | None:
    """A Note added to a clause that had none, or its one Note omitted."""
    old, new = before.notes, after.notes
    if len(old) == len(new):
        return []  # the same Notes, their words changed or not: text edits say the rest
    if not old and len(new) == 1:
        note = new[0]
        return [
            NoteEdit(number, None, PartAction.INSERT_AFTER, replace(note, text=Text(flat(note.text.value))))
        ]
    if len(old) == 1 and not new:
        return [NoteEdit(number, None, PartAction.OMIT)]
    return None


def _keys(table: Table) -> list[str]:
    return [" ".join(row[0].split()) if row else "" for row in table.rows]


def _words(item: SubItem) -> str:
    return " ".join([flat(item.text.value), *(_words(child) for child in item.items)])


def _rewrapped(item: SubItem) -> SubItem:
    return replace(item, text=Text(flat(item.text.value)))
