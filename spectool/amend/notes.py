"""Notes as instructions name them: the Note to a clause (its one Note), and the Note that opens a
section (standing under the heading, before the section's first clause)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spectool.amend.edit_error import EditError
from spectool.amend.model import NoteEdit, PartAction
from spectool.amend.tables import only_attachment
from spectool.model.document import Block, Clause, Definition, Note


def note_index(paragraph: Clause | Definition) -> int:
    """Where the paragraph's one Note stands among its attachments."""
    return only_attachment(paragraph, Note, "Note")


def apply_note_edit(clause: Clause, edit: NoteEdit) -> Clause:
    """`clause` with its Note omitted or substituted, or a Note added after its other attachments."""
    attachments = list(clause.attachments)
    if edit.action is PartAction.INSERT_AFTER:
        if any(isinstance(attachment, Note) for attachment in attachments):
            raise EditError(f"clause {clause.number} already has a Note: amend or substitute that Note")
        assert edit.note is not None
        attachments.append(edit.note)
    elif edit.action is PartAction.OMIT:
        del attachments[note_index(clause)]
    else:
        assert edit.note is not None
        attachments[note_index(clause)] = edit.note
    return replace(clause, attachments=tuple(attachments))


def opening_note(blocks: Sequence[Block]) -> int | None:
    """Where the Note that opens a section stands among its blocks (before its first clause), if any."""
    for index, block in enumerate(blocks):
        if isinstance(block, Note):
            return index
        if isinstance(block, Clause | Definition):
            return None
    return None


def opening_place(blocks: Sequence[Block]) -> int:
    """Where a Note that opens a section goes: before the section's first clause or definition."""
    return next(
        (index for index, block in enumerate(blocks) if isinstance(block, Clause | Definition)), len(blocks)
    )
