"""Why each change of an amendment's redline is made: one note per instruction, placed on its change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spectool.amend.model import (
    Amendment,
    EditText,
    InsertClauses,
    Instruction,
    NoteEdit,
    OmitClause,
    SubstituteClause,
)
from spectool.amend.parts import opening_section
from spectool.amend.scoped import named_paragraphs
from spectool.amend.working import AppliedSpec
from spectool.amend.writer import render_instruction
from spectool.diff.model import Change, Elision, Redline, TableDiff, UnitDiff
from spectool.diff.page import UnitKind
from spectool.findings import Finding

_BODY_INDENT = "    "


@dataclass(frozen=True, slots=True)
class Rationale:
    """One instruction's note on the change it made: a Word comment, or a line beside the change."""

    unit: int  # the index of the changed unit in the redline's units
    block: int | None  # for a definition: the glossary table's index among the unit's blocks
    row: int | None  # and the definition's row in it
    instruction: int  # the instruction's number under its heading
    text: str  # what the reviewer reads

    @property
    def place(self) -> tuple[int, int | None, int | None]:
        return (self.unit, self.block, self.row)


def instruction_words(instruction: Instruction) -> str:
    """The instruction as its sentence reads, without new text or reason: `In clause 5.5.3, for ...`."""
    # A part of a compound instruction reads as the text edit it is: "In clause 5.5.4, for ...".
    lines = render_instruction(replace(instruction, reason="", part=""))
    sentence = " ".join(line.strip() for line in lines if not line.startswith(_BODY_INDENT))
    return sentence.removeprefix(f"{instruction.number}.").strip()


def rationale_text(amendment: Amendment, instruction: Instruction, resolved: Sequence[Finding] = ()) -> str:
    """The drafter's reason (without one, the instruction itself), then the findings it resolves."""
    label = f"{amendment.id} instruction {instruction.label} ({amendment.target_of(instruction).label})"
    text = f"{label}: {instruction.reason or instruction_words(instruction)}"
    if resolved:
        text += " Resolves " + "; ".join(f"{f.code} {f.message}".rstrip(".") for f in resolved) + "."
    return text


def rationales(
    redline: Redline,
    amendment: Amendment,
    applied: AppliedSpec,
    resolved: Mapping[int, Sequence[Finding]] | None = None,
) -> tuple[Rationale, ...]:
    """A note for each instruction for `applied.key`, on each unit (or definition row) it changed
    that the redline shows. `resolved`: findings each instruction resolves, by `id(instruction)`."""
    resolved = resolved or {}
    notes: list[Rationale] = []
    for instruction in amendment.instructions_for(applied.key):
        text = rationale_text(amendment, instruction, resolved.get(id(instruction), ()))
        for place in _places(redline, instruction, applied):
            notes.append(Rationale(*place, instruction.number, text))
    notes.sort(key=lambda note: (note.unit, note.block or 0, note.row or 0))
    return tuple(notes)


def _places(
    redline: Redline, instruction: Instruction, applied: AppliedSpec
) -> list[tuple[int, int | None, int | None]]:
    term = instruction.term
    if term is not None:
        return _definition_places(redline, term)
    operation = instruction.operation
    if isinstance(operation, EditText) and operation.place.heading is not None:
        return _heading_places(redline, f"Section {operation.place.heading}")
    if isinstance(operation, NoteEdit | EditText) and opening_section(operation) is not None:
        return _heading_places(redline, f"Note in Section {opening_section(operation)}", UnitKind.NOTE)
    old = {str(instruction.clause)} if not isinstance(operation, InsertClauses) else set()
    if isinstance(operation, OmitClause):  # each clause of a range "Omit clauses X to Y", not X alone
        old |= {str(member) for member in named_paragraphs(instruction, applied.base)}
    new: set[str] = set()
    if isinstance(operation, InsertClauses | SubstituteClause):
        new = {name for name, by in applied.changed.items() if by is instruction}
        added = operation.clauses if isinstance(operation, InsertClauses) else operation.more
        new |= {str(clause.number) for clause in added} & applied.inserted
    places: list[tuple[int, int | None, int | None]] = []
    for index, unit in enumerate(redline.units):
        if isinstance(unit, Elision) or unit.kind is not UnitKind.CLAUSE:
            continue
        if unit.change in (Change.KEPT, Change.MOVED_FROM):
            continue
        if (unit.old_label in old and unit.change is not Change.INSERTED) or (
            unit.new_label in new and unit.change is Change.INSERTED
        ):
            places.append((index, None, None))
    return places


def _heading_places(
    redline: Redline, label: str, kind: UnitKind = UnitKind.HEADING
) -> list[tuple[int, int | None, int | None]]:
    """The changed heading (or loose Note) labelled `label`: "Section 5.6" as the unamended spec numbers
    it, "Note in Section 5.5"."""
    return [
        (index, None, None)
        for index, unit in enumerate(redline.units)
        if isinstance(unit, UnitDiff)
        and unit.kind is kind
        and label in (unit.old_label, unit.new_label)
        and unit.change is not Change.KEPT
    ]


def _definition_places(redline: Redline, term: str) -> list[tuple[int, int | None, int | None]]:
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff) or unit.kind is not UnitKind.GLOSSARY:
            continue
        for block_index, block in enumerate(unit.blocks):
            if not isinstance(block, TableDiff):
                continue
            for row_index, row in enumerate(block.rows):
                if row.label == term and row.changed and not row.header:
                    return [(index, block_index, row_index)]
    return []
