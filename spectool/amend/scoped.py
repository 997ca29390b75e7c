"""Text edits over a scope: which paragraphs a scope takes in, and how its occurrences are counted.

A scope ("In this Specification", "In Section 5.5", "In clauses 5.5.3 and 5.5.5", "In clauses 5.5.1
to 5.5.4") takes in paragraphs of the unamended spec, in the order they stand there: clauses (with
their sub-items, notes and tables) and, for the whole spec or a section holding the glossary,
definitions. Their occurrences of the quoted words are counted as one text, paragraph after paragraph,
so "the 2nd occurrence of" is the second in the scope, wherever it falls; with no qualifier the words
must occur exactly once in the whole scope.
"""

from __future__ import annotations

from spectool.amend.model import (
    EditText,
    Instruction,
    Occurrence,
    OmitClause,
    Place,
    Scope,
    ScopeKind,
    Which,
)
from spectool.amend.textedit import EditError, Found, choose
from spectool.model.document import Clause, Definition, Spec
from spectool.model.numbers import ClauseNumber

# A paragraph a scope takes in, by what names it in the unamended spec: its number, or its term.
Member = ClauseNumber | str


def scope_members(scope: Scope, spec: Spec) -> tuple[Member, ...]:
    """The paragraphs of `spec` the scope takes in, in reading order; EditError when a number it
    names is not in the spec."""
    standing = [
        (section.number, block)
        for section in spec.sections
        for block in section.blocks
        if isinstance(block, Clause | Definition)
    ]
    if scope.kind is ScopeKind.SPEC:
        return tuple(_name(block) for _, block in standing)
    if scope.kind is ScopeKind.SECTION:
        (wanted,) = scope.numbers
        if spec.section(wanted) is None:
            raise EditError(f"there is no Section {wanted}")
        return tuple(_name(block) for number, block in standing if number.is_within(wanted))
    numbers = [_name(block) for _, block in standing]
    for number in scope.numbers:
        if number not in numbers:
            raise EditError(f"there is no clause {number}")
    if scope.kind is ScopeKind.CLAUSES:
        return tuple(sorted(scope.numbers, key=numbers.index))
    first, last = (numbers.index(number) for number in scope.numbers)
    if first > last:
        raise EditError(f"clause {scope.numbers[0]} does not come before clause {scope.numbers[-1]}")
    return tuple(number for number in numbers[first : last + 1] if isinstance(number, ClauseNumber))


def omitted_range(operation: OmitClause, spec: Spec) -> tuple[ClauseNumber, ...]:
    """The clauses "Omit clauses X to Y" omits: those of X's level from X to Y in reading order."""
    assert operation.through is not None
    members = scope_members(Scope(ScopeKind.RANGE, (operation.number, operation.through)), spec)
    return tuple(
        number
        for number in members
        if isinstance(number, ClauseNumber) and number.parent == operation.number.parent
    )


def member_edit(edit: EditText, member: Member, occurrence: Occurrence) -> EditText:
    """The scoped edit as an edit of one paragraph, picking `occurrence` there."""
    place = Place(term=member) if isinstance(member, str) else Place(clause=member)
    return EditText(place, edit.kind, edit.anchor, edit.text, occurrence, edit.within)


def spread(found: list[tuple[Member, Found]], edit: EditText) -> list[tuple[Member, Occurrence]]:
    """Which paragraphs the edit changes, and which of their occurrences, counting across the scope;
    EditError when the words are missing or occur more often than the instruction allows."""
    counted = Found(
        (("", str(index)), k, k) for index, (_, matches) in enumerate(found) for k in range(len(matches))
    )
    counted.inside_words = tuple(dict.fromkeys(w for _, matches in found for w in matches.inside_words))
    counted.inside_terms = tuple(dict.fromkeys(t for _, matches in found for t in matches.inside_terms))
    counted.near = tuple(dict.fromkeys(n for _, matches in found for n in matches.near))
    chosen = choose(counted, edit.occurrence, edit.anchor)
    if edit.occurrence.which is Which.EVERY:
        return [(member, Occurrence(Which.EVERY)) for member, matches in found if matches]
    (key, k, _), *_ = chosen
    member = found[int(key[1])][0]
    return [(member, Occurrence(Which.NTH, k + 1))]


def _name(block: Clause | Definition) -> Member:
    return block.number if isinstance(block, Clause) else block.term


def named_paragraphs(instruction: Instruction, spec: Spec) -> tuple[Member, ...]:
    """The paragraphs of `spec` an instruction names: its clause or term, or every paragraph of its
    scope (none when the scope names what `spec` does not have)."""
    operation = instruction.operation
    if isinstance(operation, EditText) and operation.place.scope is not None:
        try:
            return scope_members(operation.place.scope, spec)
        except EditError:
            return ()
    if isinstance(operation, OmitClause) and operation.through is not None:
        try:
            return omitted_range(operation, spec)
        except EditError:
            return ()
    named = instruction.clause if instruction.clause is not None else instruction.term
    return () if named is None else (named,)
