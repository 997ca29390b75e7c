"""`--verify` on what stands in a section beside its clauses: the Note that opens it (changed only as
its instructions say, inside the words they quote) and any other Note, table or paragraph standing
alone, which no instruction can name and so must not change at all; the text before the first
section too."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from spectool.amend.confined import confined, quoted_spans
from spectool.amend.model import EditText, Instruction, NoteEdit
from spectool.amend.notes import opening_note
from spectool.amend.parts import opening_section
from spectool.model.document import Block, Clause, Definition, Note, Position, Section, Spec, Table
from spectool.model.numbers import ClauseNumber

Report = Callable[[Position, str], None]


def check_loose_blocks(
    base: Spec, amended: Spec, instructions: list[Instruction], terms: Collection[str], problem: Report
) -> None:
    """Report every Note, table or paragraph standing alone that changed otherwise than instructed."""
    whole: set[ClauseNumber] = set()  # sections whose opening Note is inserted, omitted or substituted
    edits: dict[ClauseNumber, list[EditText]] = {}
    for instruction in instructions:
        operation = instruction.operation
        if not isinstance(operation, NoteEdit | EditText):
            continue
        section = opening_section(operation)
        if section is None:
            continue
        if isinstance(operation, NoteEdit):
            whole.add(section)
        else:
            edits.setdefault(section, []).append(operation)
    if base.front != amended.front:
        problem(
            Position(1, 1, 1, 1), "the text before the first section changed, but no instruction names it"
        )
    after = {section.number: section for section in amended.sections}
    for before in base.sections:
        now = after.get(before.number)
        if now is None:
            continue  # the headings check reports a section gone
        was_at, now_at = opening_note(before.blocks), opening_note(now.blocks)
        if before.number not in whole:
            _check_opening(before, now, was_at, now_at, edits.get(before.number, []), terms, problem)
        _check_standing_alone(before, now, was_at, now_at, problem)


def _check_opening(
    before: Section,
    after: Section,
    was_at: int | None,
    now_at: int | None,
    edits: list[EditText],
    terms: Collection[str],
    problem: Report,
) -> None:
    """The opening Note is as it was, or changed only inside the words its text edits quote."""
    was = before.blocks[was_at] if was_at is not None else None
    now = after.blocks[now_at] if now_at is not None else None
    if was == now:
        return
    if not edits or not isinstance(was, Note) or not isinstance(now, Note) or was.label != now.label:
        problem(
            before.position,
            f"the Note that opens Section {before.number} changed, but no instruction names it",
        )
        return
    spans = [span for edit in edits for span in quoted_spans(was.text.value, edit, terms)]
    if not confined(was.text.value, now.text.value, spans):
        problem(
            was.position,
            f"the Note that opens Section {before.number} changed outside the whole words its "
            "instructions quote",
        )


def _check_standing_alone(
    before: Section, after: Section, was_at: int | None, now_at: int | None, problem: Report
) -> None:
    """Notes, tables and paragraphs standing alone (other than the opening Note) are as they were."""
    was = _alone(before.blocks, was_at)
    now = _alone(after.blocks, now_at)
    if was == now:
        return
    changed = next((old for old, new in zip(was, now, strict=False) if old != new), None)
    block = changed if changed is not None else (was[len(now)] if len(was) > len(now) else None)
    what = _kind(block if block is not None else now[len(was)])
    position = getattr(block, "position", before.position)
    problem(
        position,
        f"{what} standing alone in Section {before.number} changed, but no instruction can name it",
    )


def _alone(blocks: Sequence[Block], opening: int | None) -> list[Block]:
    return [
        block
        for index, block in enumerate(blocks)
        if index != opening and not isinstance(block, Clause | Definition)
    ]


def _kind(block: Block) -> str:
    if isinstance(block, Table):
        return "a table"
    if isinstance(block, Note):
        return "a Note"
    return "a paragraph"
