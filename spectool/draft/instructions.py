"""The instructions that turn a base spec into an edited one: structure first, then words, in clause order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spectool.amend.apply import AppliedSpec, apply_target
from spectool.amend.model import (
    Amendment,
    InsertClauses,
    InsertDefinition,
    Instruction,
    OmitClause,
    OmitDefinition,
    Operation,
    Place,
    SubstituteClause,
    SubstituteDefinition,
    Target,
)
from spectool.amend.textedit import Paragraph, reflow, segments
from spectool.diff.align import ClausePair, PairKind, align_specs
from spectool.draft.parts import part_edits
from spectool.draft.phrases import NoTextEdit, flat, text_edits
from spectool.errors import InputError, SpectoolError
from spectool.model.document import Clause, Spec, Text
from spectool.model.numbers import ClauseNumber

NOT_USED = "Not used."


class DraftError(SpectoolError):
    """The edits cannot be said in the amending language; the message says which clause and why."""


@dataclass(frozen=True, slots=True)
class _Placed:
    order: tuple[int, float]
    operation: Operation


def draft_operations(base: Spec, edited: Spec, parts: bool = True) -> list[Operation]:
    """Operations, in clause order, whose application to `base` gives `edited`'s text (`parts`: say a
    clause's sub-items, rows and Notes added or taken away as such, rather than restate it)."""
    order = _reading_order(base)
    structural = _structural(base, edited, order)
    middle = _applied(base, [p.operation for p in sorted(structural, key=lambda p: p.order)])
    original = {new: old for old, new in middle.numbering.items() if new is not None}
    terms = {definition.term for definition in middle.spec.definitions()}
    placed = list(structural)
    for clause in edited.clauses():
        before = middle.spec.clause(clause.number)
        if before is None or same_paragraph(before, clause):
            continue
        number = original.get(clause.number)
        if number is None:
            raise DraftError(f"clause {clause.number} is new and changed at once; this is a spectool bug")
        for operation in _clause_edits(before, clause, number, terms, parts):
            placed.append(_Placed((order[str(number)], 0.0), operation))
    kept = {definition.term: definition for definition in middle.spec.definitions()}
    for definition in edited.definitions():
        old = kept.get(definition.term)
        if old is None or same_paragraph(old, definition):
            continue
        place = Place(term=definition.term)
        try:
            edits: list[Operation] = list(text_edits(old, definition, place, terms))
        except NoTextEdit:
            edits = [SubstituteDefinition(definition.term, definition)]
        placed.extend(_Placed((order[definition.term], 0.0), operation) for operation in edits)
    return [p.operation for p in sorted(placed, key=lambda p: p.order)]


def same_paragraph(one: Paragraph, other: Paragraph) -> bool:
    """Same pieces of running text, word for word (line wrapping aside)."""
    return _words(one) == _words(other)


def _words(paragraph: Paragraph) -> list[tuple[tuple[str, ...], str]]:
    return [(key, flat(text.value)) for key, text in segments(paragraph)]


def _clause_edits(
    before: Clause, after: Clause, number: ClauseNumber, terms: set[str], parts: bool = True
) -> list[Operation]:
    if _not_used(after):
        return [OmitClause(number, leave=NOT_USED)]
    try:
        return list(text_edits(before, after, Place(number), terms))
    except NoTextEdit:
        pass
    # Sub-items, rows or a Note added or taken away: said as such, then any words changed besides.
    found = part_edits(before, after, number) if parts else None
    if found is not None:
        operations, middle = found
        try:
            return operations + list(text_edits(middle, after, Place(number), terms))
        except NoTextEdit:
            pass
    return [SubstituteClause(number, rewrapped(replace(after, number=number)))]


def _not_used(clause: Clause) -> bool:
    return flat(clause.text.value) == NOT_USED and not clause.items and not clause.attachments


def rewrapped(clause: Clause) -> Clause:
    """The clause's own text wrapped as the source format wraps it (Word gives one long line)."""
    return replace(clause, text=Text(reflow(flat(clause.text.value))))


def _reading_order(spec: Spec) -> dict[str, int]:
    order: dict[str, int] = {}
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Clause):
                order[str(block.number)] = len(order)
            elif hasattr(block, "term"):
                order[block.term] = len(order)
    return order


def _structural(base: Spec, edited: Spec, order: dict[str, int]) -> list[_Placed]:
    """Clauses inserted and omitted (renumbering where the edited numbers show it), and definitions."""
    placed: list[_Placed] = []
    pairs = list(align_specs(base, edited).pairs)
    retyped = _retyped(pairs)
    for number, clause in retyped.items():
        retyped_as: Operation = (
            OmitClause(clause.number, leave=NOT_USED)
            if _not_used(clause)
            else SubstituteClause(clause.number, rewrapped(clause))
        )
        placed.append(_Placed((order[number], 0.0), retyped_as))
    pairs = [pair for pair in pairs if _number_of(pair) not in retyped]
    last: Clause | None = None
    added: list[Clause] = []
    for index, pair in enumerate(pairs):
        if pair.kind is PairKind.ADDED:
            assert pair.new is not None
            added.append(pair.new)
            following = _next_kept(pairs, index)
            if following is not None and following.kind is PairKind.ADDED:
                continue
            if last is None or not _same_section(base, last.number, added[0].number, edited):
                raise DraftError(
                    f"clause {added[0].number} is inserted at the start of its section: "
                    "the amending language inserts after an existing clause"
                )
            renumber = following is not None and following.kind is PairKind.RENUMBERED
            placed.append(
                _Placed(
                    (order[str(last.number)], 0.5),
                    InsertClauses(last.number, tuple(rewrapped(c) for c in added), renumber),
                )
            )
            added = []
            continue
        if pair.kind is PairKind.REMOVED:
            assert pair.old is not None
            following = _next_kept(pairs, index)
            renumber = following is not None and following.kind is PairKind.RENUMBERED
            placed.append(
                _Placed((order[str(pair.old.number)], 0.0), OmitClause(pair.old.number, None, renumber))
            )
        elif pair.old is not None:
            last = pair.old
    kept = {definition.term for definition in base.definitions()}
    now = {definition.term: definition for definition in edited.definitions()}
    for term in kept - now.keys():
        placed.append(_Placed((order[term], 0.0), OmitDefinition(term)))
    for term, definition in now.items():
        if term not in kept:
            placed.append(_Placed((len(order), 0.0), InsertDefinition(definition)))
    return placed


def _retyped(pairs: list[ClausePair]) -> dict[str, Clause]:
    """Clauses deleted and typed afresh under the same number: each is one substitution."""
    removed = {str(p.old.number) for p in pairs if p.kind is PairKind.REMOVED and p.old is not None}
    return {
        str(p.new.number): p.new
        for p in pairs
        if p.kind is PairKind.ADDED and p.new is not None and str(p.new.number) in removed
    }


def _number_of(pair: ClausePair) -> str:
    clause = pair.old if pair.old is not None else pair.new
    return str(clause.number) if clause is not None else ""


def _next_kept(pairs: list[ClausePair], index: int) -> ClausePair | None:
    return pairs[index + 1] if index + 1 < len(pairs) else None


def _same_section(base: Spec, anchor: ClauseNumber, new: ClauseNumber, edited: Spec) -> bool:
    clause = base.clause(anchor)
    inserted = edited.clause(new)
    if clause is None or inserted is None:
        return False
    return base.section_of(clause).number == edited.section_of(inserted).number


def _applied(base: Spec, operations: list[Operation]) -> AppliedSpec:
    amendment = as_amendment(base, operations)
    try:
        return apply_target(amendment, base.key, base)
    except InputError as error:
        raise DraftError(error.problems[0].message) from None


def as_amendment(base: Spec, operations: list[Operation]) -> Amendment:
    """A bare amendment of `base` holding the operations, numbered from 1; its change request is empty."""
    instructions = tuple(Instruction(number, operation) for number, operation in enumerate(operations, 1))
    target = Target(base.name, (base.version,), instructions)
    return Amendment("DRAFT", "", "", "", "", "", "", f"{base.name} {base.version}", "", (target,))
