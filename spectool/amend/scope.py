"""Check that an amended spec differs from its base only where the amendment says it does.

The renumbering an amendment asks for is worked out here afresh from its instructions, not taken from
`apply`, so the check also catches a consolidation that moved more than it was asked to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spectool.amend.confined import confined, quoted_spans, stray_change
from spectool.amend.loose import check_loose_blocks
from spectool.amend.model import (
    HEADER_FIELDS,
    Amendment,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    OmitClause,
    RowEdit,
    SubstituteClause,
    SubstituteHeader,
)
from spectool.amend.parts import clauses_after_parts
from spectool.amend.references import reletter_paragraph, renumber_paragraph
from spectool.amend.renumbering import follows, shifted
from spectool.amend.scoped import named_paragraphs
from spectool.errors import Problem
from spectool.model.document import Clause, Definition, Position, Spec
from spectool.model.numbers import ClauseNumber

Report = Callable[[Position, str], None]


def verify_scope(amendment: Amendment, key: str, base: Spec, amended: Spec) -> list[Problem]:
    """Every difference between `base` and `amended` that the amendment's instructions for `key`
    do not account for (changed, added or lost clauses and definitions, headings, header)."""
    instructions = amendment.instructions_for(key)
    named = {
        member
        for ins in instructions
        if not isinstance(ins.operation, InsertClauses)
        for member in named_paragraphs(ins, base)
    }
    numbering = expected_numbering(base, instructions)
    moved = {old: new for old, new in numbering.items() if new is not None and new != old}
    problems: list[Problem] = []
    terms = {definition.term for definition in base.definitions()}

    def problem(position: Position, message: str) -> None:
        problems.append(Problem(base.path, position.line, position.column, f"{key} {message}"))

    given = {
        ins.operation.field: ins.operation.value
        for ins in instructions
        if isinstance(ins.operation, SubstituteHeader)
    }
    header = {name: given.get(name, getattr(base, name)) for name in HEADER_FIELDS}
    if base.name != amended.name or header != {name: getattr(amended, name) for name in HEADER_FIELDS}:
        said = ", ".join(f"the {name}" for name in given) or "no part of it"
        problem(Position(1, 1, 1, 1), f"header changed, but the amendment changes {said}")
    _check_headings(base, amended, instructions, terms, problem)
    check_loose_blocks(base, amended, instructions, terms, problem)
    parted, relettered = clauses_after_parts(base, instructions)

    def expected_of(paragraph: Clause | Definition) -> Clause | Definition:
        """The paragraph as the instructions on its parts leave it, references followed."""
        own = paragraph.number if isinstance(paragraph, Clause) else None
        start = parted.get(own, paragraph) if own is not None else paragraph
        if relettered:
            start = reletter_paragraph(start, relettered, base.name, own)
        return renumber_paragraph(start, moved, base.name)

    images: set[ClauseNumber] = set()
    for clause in base.clauses():
        new_number = numbering.get(clause.number)
        if new_number is None:
            continue
        images.add(new_number)
        found = amended.clause(new_number)
        if found is None:
            problem(clause.position, f"clause {clause.number} is missing (expected as {new_number})")
        elif clause.number not in named:
            if found != _numbered(expected_of(clause), new_number):
                problem(clause.position, f"clause {clause.number} changed, but no instruction names it")
        else:
            edits = _edits_naming(instructions, clause.number, base)
            expected = expected_of(clause)
            stray = stray_change(expected, found, edits, terms) if edits is not None else None
            if stray is not None:
                problem(
                    clause.position,
                    f"clause {clause.number} changed outside the whole words its instructions quote: {stray}",
                )
    _check_inserted(amended, images, instructions, problem)
    _check_definitions(base, amended, instructions, expected_of, problem)
    return problems


def expected_numbering(
    base: Spec, instructions: list[Instruction]
) -> dict[ClauseNumber, ClauseNumber | None]:
    """Where each clause of `base` should end up: the number it keeps, its new number, or None."""
    current: dict[ClauseNumber, ClauseNumber | None] = {c.number: c.number for c in base.clauses()}

    def shift_after(anchor: ClauseNumber, by: int, *, itself: bool = False) -> None:
        for identity, number in current.items():
            if number is not None and (follows(number, anchor) or (itself and number == anchor)):
                current[identity] = shifted(number, by)

    for instruction in instructions:
        operation = instruction.operation
        if isinstance(operation, SubstituteClause) and operation.inserted is not None:
            operation = operation.inserted
        if isinstance(operation, InsertClauses) and operation.renumber:
            anchor = current.get(operation.after)
            if anchor is not None:
                shift_after(anchor, len(operation.clauses), itself=operation.before)
        elif isinstance(operation, OmitClause) and operation.leave is None:
            omitted = [n for n in named_paragraphs(instruction, base) if isinstance(n, ClauseNumber)]
            last = current.get(omitted[-1]) if omitted else None
            for number in omitted:
                current[number] = None
            if last is not None and operation.renumber:
                shift_after(last, -len(omitted))
    return current


def _check_headings(
    base: Spec, amended: Spec, instructions: list[Instruction], terms: set[str], problem: Report
) -> None:
    """Headings change only where an instruction names them, and only inside the words it quotes."""
    if [s.number for s in base.sections] != [s.number for s in amended.sections]:
        problem(Position(1, 1, 1, 1), "headings changed, but no instruction changes a heading")
        return
    unnamed = False  # said once, at the top of the file, as before headings could be amended
    for before, after in zip(base.sections, amended.sections, strict=True):
        if before.title == after.title:
            continue
        edits = [
            i.operation
            for i in instructions
            if isinstance(i.operation, EditText) and i.operation.place.heading == before.number
        ]
        if any(not edit.anchor for edit in edits):
            continue  # substituted whole
        spans = [span for edit in edits for span in quoted_spans(before.title, edit, terms)]
        if not edits:
            unnamed = True
        elif not confined(before.title, after.title, spans):
            problem(
                before.position,
                f"the heading to Section {before.number} changed outside the whole words its "
                "instructions quote",
            )
    if unnamed:
        problem(Position(1, 1, 1, 1), "headings changed, but no instruction changes a heading")


def _check_inserted(
    amended: Spec, images: set[ClauseNumber], instructions: list[Instruction], problem: Report
) -> None:
    """Clauses that are no base clause's image must be, one for one, the clauses the amendment inserts."""
    promised = Counter(_words(clause) for instruction in instructions for clause in _inserted(instruction))
    for clause in amended.clauses():
        if clause.number in images:
            continue
        words = _words(clause)
        if promised[words] > 0:
            promised[words] -= 1
        else:
            problem(clause.position, f"clause {clause.number} is new, but no instruction inserts it")


def _check_definitions(
    base: Spec,
    amended: Spec,
    instructions: list[Instruction],
    expected_of: Callable[[Clause | Definition], Clause | Definition],
    problem: Report,
) -> None:
    named = {
        member for ins in instructions for member in named_paragraphs(ins, base) if isinstance(member, str)
    }
    # A term defined twice (DEF004's business) pairs its definitions in order, first with first.
    after: dict[str, list[Definition]] = {}
    for definition in amended.definitions():
        after.setdefault(definition.term, []).append(definition)
    terms = {definition.term for definition in base.definitions()}
    for definition in base.definitions():
        if definition.term in named:
            edits = _edits_naming(instructions, definition.term, base)
            found = _take(after, definition.term)
            if edits is None or found is None:
                continue
            stray = stray_change(expected_of(definition), found, edits, terms)
            if stray is not None:
                problem(
                    definition.position,
                    f'the definition of "{definition.term}" changed outside the whole words its '
                    f"instructions quote: {stray}",
                )
            continue
        found = _take(after, definition.term)
        if found is None:
            problem(definition.position, f'the definition of "{definition.term}" is missing')
        elif found != expected_of(definition):
            problem(
                definition.position,
                f'the definition of "{definition.term}" changed, but no instruction names it',
            )
    inserted = {ins.term for ins in instructions if isinstance(ins.operation, InsertDefinition)}
    for term, left in after.items():
        if left and term not in named and term not in inserted:
            problem(left[0].position, f'the definition of "{term}" is new, but no instruction inserts it')


def _take(definitions: dict[str, list[Definition]], term: str) -> Definition | None:
    """The first definition of `term` not yet paired, taken out of `definitions`."""
    left = definitions.get(term)
    return left.pop(0) if left else None


def _edits_naming(
    instructions: list[Instruction], name: ClauseNumber | str, base: Spec
) -> list[EditText] | None:
    """The text edits that name the clause or term (by itself or in a scope), or None when an
    instruction replaces it whole."""
    edits = []
    for instruction in instructions:
        if name not in named_paragraphs(instruction, base) or isinstance(
            instruction.operation, InsertClauses
        ):
            continue
        if isinstance(instruction.operation, ItemEdit | RowEdit | NoteEdit):
            continue  # worked into the expected paragraph (clauses_after_parts)
        if not isinstance(instruction.operation, EditText):
            return None
        edits.append(instruction.operation)
    return edits


def _inserted(instruction: Instruction) -> tuple[Clause, ...]:
    """The clauses an instruction adds: inserted, or following a substituted one in its place."""
    operation = instruction.operation
    if isinstance(operation, InsertClauses):
        return operation.clauses
    return operation.more if isinstance(operation, SubstituteClause) else ()


def _numbered(clause: Clause | Definition, number: ClauseNumber) -> Clause | Definition:
    return replace(clause, number=number) if isinstance(clause, Clause) else clause


def _words(clause: Clause) -> str:
    return " ".join(clause.full_text.split())
