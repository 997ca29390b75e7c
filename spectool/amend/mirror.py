"""Propose, for another version of a spec, the instructions an amendment makes to one version.

Clause numbers follow the alignment of the two versions; references inside quoted words and new text
follow it too; each proposal is tried against the other version's text, and what does not apply is
reported for the drafter rather than silently dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace

from spectool.amend.mirror_parts import Counterparts
from spectool.amend.model import (
    Amendment,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    Occurrence,
    OmitClause,
    Operation,
    Place,
    RowEdit,
    Scope,
    ScopeKind,
    SubstituteClause,
    SubstituteDefinition,
    SubstituteHeader,
    Target,
    Which,
)
from spectool.amend.ordinal import carry_occurrence
from spectool.amend.references import renumber_paragraph, renumber_text
from spectool.amend.scoped import member_edit, spread
from spectool.amend.textedit import EditError
from spectool.amend.working import WorkingCopy
from spectool.amend.writer import occurrence_words, render_instruction
from spectool.diff.align import align_specs
from spectool.model.document import Clause, Definition, Spec, Text
from spectool.model.numbers import ClauseNumber


@dataclass(frozen=True, slots=True)
class ClauseMap:
    """Where the clauses and sections of one version stand in another, by the alignment."""

    source: Spec
    target: Spec
    numbers: dict[ClauseNumber, ClauseNumber]  # clauses and sections: source number -> target number

    def clause(self, number: ClauseNumber) -> ClauseNumber | None:
        found = self.numbers.get(number)
        return found if found is not None and self.target.clause(found) is not None else None


def clause_map(source: Spec, target: Spec) -> ClauseMap:
    """Pair the clauses of `source` with those of `target`; a section goes where most of its clauses went."""
    alignment = align_specs(source, target)
    numbers: dict[ClauseNumber, ClauseNumber] = {}
    votes: dict[ClauseNumber, Counter[ClauseNumber]] = {}
    for pair in alignment.pairs:
        if pair.old is None or pair.new is None:
            continue
        numbers[pair.old.number] = pair.new.number
        old_parent, new_parent = pair.old.number.parent, pair.new.number.parent
        if old_parent is not None and new_parent is not None:
            votes.setdefault(old_parent, Counter())[new_parent] += 1
    for section, counter in votes.items():
        numbers.setdefault(section, counter.most_common(1)[0][0])
    return ClauseMap(source, target, numbers)


@dataclass(frozen=True, slots=True)
class MirrorEntry:
    """One instruction of the source version, what it becomes, and what the drafter must look at."""

    source: Instruction
    proposed: Instruction | None  # None: nothing to carry over (the clause has no counterpart)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mirror:
    """The proposed instructions for the other version, with notes for the drafter."""

    source_key: str
    target_spec: str
    target_version: str
    entries: tuple[MirrorEntry, ...]

    @property
    def target(self) -> Target:
        """The proposals as a target block, numbered 1, 2, 3 ..."""
        proposed = tuple(entry.proposed for entry in self.entries if entry.proposed is not None)
        return Target(self.target_spec, (self.target_version,), proposed)

    @property
    def notes(self) -> list[tuple[Instruction, str]]:
        return [(entry.source, note) for entry in self.entries for note in entry.notes]

    def render(self) -> str:
        """`Amendments to SMETS2 5.0` and the proposals, each note a `//` comment above its instruction."""
        out = [f"Amendments to {self.target.label}"]
        for group in _grouped(self.entries):
            out.append("")
            out.extend(
                f"// {self.source_key} instruction {entry.source.label}: {note}"
                for entry in group
                for note in entry.notes
            )
            proposed = [entry.proposed for entry in group if entry.proposed is not None]
            if proposed:
                out.extend(render_instruction(*proposed))
        return "\n".join(out) + "\n"


def _grouped(entries: tuple[MirrorEntry, ...]) -> list[list[MirrorEntry]]:
    """The entries as the proposals are written: a compound instruction's parts together, with the
    notes of any part left behind."""
    groups: list[list[MirrorEntry]] = []
    for entry in entries:
        last = groups[-1][-1].source if groups else None
        same = last is not None and entry.source.part and last.part and entry.source.number == last.number
        if same:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


class _Carry:
    """Carries one instruction over to the target version, noting what does not fit."""

    def __init__(self, mapping: ClauseMap, now: Lookups | None = None) -> None:
        self.mapping = mapping
        # The clauses as the instructions before this one leave them (an inserted row or item is
        # named by later ones), by their numbers in the unamended versions.
        self.now = now or (_clause_of(mapping.source), _clause_of(mapping.target))
        self.moved = {old: new for old, new in mapping.numbers.items() if old != new}
        self.notes: list[str] = []

    def text(self, words: str) -> str:
        return renumber_text(words, self.moved, self.mapping.source.name)

    def clause(self, number: ClauseNumber) -> ClauseNumber | None:
        found = self.mapping.clause(number)
        if found is None:
            self.notes.append(
                f"clause {number} has no counterpart in {self.mapping.target.key}: not mirrored"
            )
        return found

    def operation(self, operation: Operation) -> Operation | None:
        target = self.mapping.target
        if isinstance(operation, EditText):
            return self._edit(operation)
        if isinstance(operation, InsertClauses):
            after = self.clause(operation.after)
            if after is None:
                return None
            if operation.lettered:
                clauses = tuple(
                    self._renumbered(clause, _carried_letters(clause.number, operation.after, after))
                    for clause in operation.clauses
                )
                return InsertClauses(after, clauses, False, operation.before)
            start = after.last + (0 if operation.before else 1)
            clauses = tuple(
                self._renumbered(clause, after.sibling(start + k))
                for k, clause in enumerate(operation.clauses)
            )
            renumber = operation.renumber
            if not renumber and target.clause(after.sibling(after.last + 1)) is not None:
                renumber = True
                self.notes.append(f"clause {after} is not the last of its section here: renumbering added")
            return InsertClauses(after, clauses, renumber, operation.before)
        if isinstance(operation, OmitClause):
            number = self.clause(operation.number)
            leave = self.text(operation.leave) if operation.leave is not None else None
            through = self.clause(operation.through) if operation.through is not None else None
            if number is None or (operation.through is not None and through is None):
                return None
            return OmitClause(number, leave, operation.renumber, through)
        if isinstance(operation, NoteEdit):
            return self._note(operation)
        if isinstance(operation, SubstituteHeader) and operation.field == "version":
            self.notes.append(f"{target.key} has a version of its own: not mirrored")
            return None
        if isinstance(operation, RowEdit):
            number = self.clause(operation.clause)
            row = None if number is None else self._row(operation.clause, number, operation.row)
            rows = tuple(tuple(self.text(cell) for cell in row) for row in operation.rows)
            return (
                None
                if number is None or row is None
                else replace(operation, clause=number, row=row, rows=rows)
            )
        if isinstance(operation, ItemEdit):
            return self._item_edit(operation)
        if isinstance(operation, SubstituteClause):
            number = self.clause(operation.number)
            if number is None:
                return None
            clause = self._renumbered(operation.clause, number)
            following = self.operation(operation.inserted) if operation.inserted is not None else None
            if isinstance(following, InsertClauses):
                return SubstituteClause(number, clause, following.clauses, following.renumber)
            return SubstituteClause(number, clause)
        return self._definition(operation)

    def _note(self, operation: NoteEdit) -> NoteEdit | None:
        """The Note to the clause's counterpart, or that opens the section's."""
        note = operation.note
        if note is not None:
            note = replace(note, text=Text(self.text(note.text.value)))
        if operation.clause is not None:
            number = self.clause(operation.clause)
            return None if number is None else replace(operation, clause=number, note=note)
        assert operation.section is not None
        section = self._section(operation.section)
        return None if section is None else replace(operation, section=section, note=note)

    def _edit(self, edit: EditText) -> EditText | None:
        place = edit.place
        if place.note and place.section is not None:
            section = self._section(place.section)
            if section is None:
                return None
            place = replace(place, section=section)
        elif place.scope is not None:
            scope = self._scope(place.scope)
            if scope is None:
                return None
            place = Place(scope=scope)
        elif place.heading is not None:
            section = self._section(place.heading)
            if section is None:
                return None
            place = Place(heading=section)
        elif place.clause is not None:
            number = self.clause(place.clause)
            if number is None:
                return None
            items = self._items(place.clause, number, place.items) if place.items else ()
            row = self._row(place.clause, number, place.row) if place.row is not None else None
            if items is None or (place.row is not None and row is None):
                return None
            place = replace(place, clause=number, items=items, row=row)
        return replace(edit, place=place, anchor=self.text(edit.anchor), text=self.text(edit.text))

    def _items(self, old: ClauseNumber, new: ClauseNumber, path: tuple[str, ...]) -> tuple[str, ...] | None:
        """The sub-item's letters in the counterpart clause, found by its words."""
        parts = Counterparts(self.now[0](old), self.now[1](new), old, new, self.mapping.target.key)
        return parts.item(path, self.notes)

    def _row(self, old: ClauseNumber, new: ClauseNumber, key: str) -> str | None:
        """The row's name in the counterpart clause's table, found by its cells."""
        parts = Counterparts(self.now[0](old), self.now[1](new), old, new, self.mapping.target.key)
        return parts.row(key, self.notes)

    def _item_edit(self, operation: ItemEdit) -> ItemEdit | None:
        """The edit on the counterpart sub-item, new sub-items lettered for their place there."""
        number = self.clause(operation.clause)
        path = None if number is None else self._items(operation.clause, number, operation.items)
        if number is None or path is None:
            return None
        new = self._renumbered(Clause(number, Text(""), items=operation.new), number).items
        if path != operation.items and new:
            parts = Counterparts(
                self.now[0](operation.clause), self.now[1](number), operation.clause, number, ""
            )
            new = parts.new_items(operation, path, new, self.notes)
        return replace(operation, clause=number, items=path, new=new)

    def _scope(self, scope: Scope) -> Scope | None:
        """The scope in the target version: the section where most of its clauses went, the clauses
        listed or the range's ends where they went."""
        if scope.kind is ScopeKind.SPEC:
            return scope
        if scope.kind is ScopeKind.SECTION:
            section = self._section(scope.numbers[0])
            return None if section is None else Scope(scope.kind, (section,))
        numbers = [self.clause(number) for number in scope.numbers]
        kept = [number for number in numbers if number is not None]
        if len(kept) != len(numbers) or len(set(kept)) != len(kept):
            return None
        if scope.kind is ScopeKind.RANGE and not kept[0] < kept[1]:
            self.notes.append(f"clauses {kept[0]} and {kept[1]} stand the other way round here: not mirrored")
            return None
        return Scope(scope.kind, tuple(kept))

    def _section(self, number: ClauseNumber) -> ClauseNumber | None:
        """The section where most of the clauses of section `number` went."""
        section = self.mapping.numbers.get(number)
        if section is None or self.mapping.target.section(section) is None:
            self.notes.append(
                f"Section {number} has no counterpart in {self.mapping.target.key}: not mirrored"
            )
            return None
        return section

    def _definition(self, operation: Operation) -> Operation:
        if isinstance(operation, InsertDefinition):
            return InsertDefinition(self._paragraph(operation.definition))
        if isinstance(operation, SubstituteDefinition):
            return SubstituteDefinition(operation.term, self._paragraph(operation.definition))
        return operation

    def _paragraph(self, definition: Definition) -> Definition:
        renumbered = renumber_paragraph(definition, self.moved, self.mapping.source.name)
        assert isinstance(renumbered, Definition)
        return renumbered

    def _renumbered(self, clause: Clause, number: ClauseNumber) -> Clause:
        renumbered = renumber_paragraph(clause, self.moved, self.mapping.source.name)
        assert isinstance(renumbered, Clause)
        return replace(renumbered, number=number)


Lookups = tuple[Callable[[ClauseNumber], Clause | None], Callable[[ClauseNumber], Clause | None]]


def _clause_of(spec: Spec) -> Callable[[ClauseNumber], Clause | None]:
    return spec.clause


def _working_clause(working: WorkingCopy) -> Callable[[ClauseNumber], Clause | None]:
    def clause(number: ClauseNumber) -> Clause | None:
        found = working.paragraph(number)
        return found if isinstance(found, Clause) else None

    return clause


def mirror_operation(
    operation: Operation, mapping: ClauseMap, now: Lookups | None = None
) -> tuple[Operation | None, list[str]]:
    """The operation as it would read for the target version, and the notes for the drafter."""
    carry = _Carry(mapping, now)
    return carry.operation(operation), carry.notes


def mirror_amendment(amendment: Amendment, source: Spec, target: Spec) -> Mirror:
    """Propose `amendment`'s instructions for `source` as instructions for `target`, each tried in
    turn on a working copy of `target` so that its quoted words are checked against the text as the
    proposals before it leave it."""
    mapping = clause_map(source, target)
    working = WorkingCopy(target)
    original = WorkingCopy(source)
    entries: list[MirrorEntry] = []
    number = 0
    group: tuple[int, int] | None = None  # (source number, parts proposed) of the compound instruction
    for instruction in amendment.instructions_for(source.key):
        now = (_working_clause(original), _working_clause(working))
        operation, notes = mirror_operation(instruction.operation, mapping, now)
        proposed = None
        if operation is not None:
            # The parts of a compound instruction carried over stay one instruction, lettered afresh.
            if instruction.part and group is not None and group[0] == instruction.number:
                group = (group[0], group[1] + 1)
            else:
                number += 1
                group = (instruction.number, 1) if instruction.part else None
            operation = _with_carried_occurrence(
                instruction.operation, operation, original, working, notes, mapping
            )
            part = chr(ord("a") + group[1] - 1) if group is not None else ""
            proposed = Instruction(
                number, operation, reason=instruction.reason, part=part
            )  # the same why, for reviewers
            try:
                working.apply(proposed)
            except EditError as error:
                notes.append(f"does not apply to {target.key} {proposed.subject}: {error}")
        with suppress(EditError):  # apply reports it; the proposals go on
            original.apply(instruction)
        entries.append(MirrorEntry(instruction, proposed, tuple(notes)))
    return Mirror(source.key, target.name, target.version, tuple(entries))


def _with_carried_occurrence(
    operation: Operation,
    proposed: Operation,
    source: WorkingCopy,
    target: WorkingCopy,
    notes: list[str],
    mapping: ClauseMap,
) -> Operation:
    """`proposed` picking, by the words around it, the occurrence `operation` picks in the source."""
    if not isinstance(operation, EditText) or not isinstance(proposed, EditText):
        return proposed
    if operation.place.scope is not None:
        return _carried_across_scope(operation, proposed, source, target, notes, mapping)
    here = _paragraph(source, operation.place)
    there = _paragraph(target, proposed.place)
    if here is None or there is None:
        return proposed
    carried = carry_occurrence(operation, here, source.terms, proposed, there, target.terms)
    if carried is None:
        return proposed
    if carried.note:
        notes.append(carried.note)
    return replace(proposed, occurrence=carried.occurrence)


def _paragraph(working: WorkingCopy, place: Place) -> Clause | Definition | None:
    identity = place.clause if place.clause is not None else place.term
    found = working.find(identity) if identity is not None else None
    if found is None or not isinstance(found[1].block, Clause | Definition):
        return None
    return found[1].block


def _carried_across_scope(
    edit: EditText,
    proposed: EditText,
    source: WorkingCopy,
    target: WorkingCopy,
    notes: list[str],
    mapping: ClauseMap,
) -> EditText:
    """A scoped edit picking one occurrence: the paragraph it falls in is carried over by the
    alignment, the occurrence there by the words around it, and the ordinal counted afresh across
    the other version's scope."""
    if edit.occurrence.which not in (Which.NTH, Which.LAST):
        return proposed
    with suppress(EditError):
        ((member, local),) = spread(source.scope_matches(edit), edit)
        there = mapping.clause(member) if isinstance(member, ClauseNumber) else member
        found = target.scope_matches(proposed)
        index = next((k for k, (other, _) in enumerate(found) if other == there), None)
        here_paragraph, there_paragraph = source.paragraph(member), target.paragraph(there or "")
        if index is None or here_paragraph is None or there_paragraph is None:
            notes.append(
                f"the occurrence falls in {member}, which is not in the scope here: check the ordinal"
            )
            return proposed
        carried = carry_occurrence(
            member_edit(edit, member, local),
            here_paragraph,
            source.terms,
            member_edit(proposed, there or "", local),
            there_paragraph,
            target.terms,
        )
        count = len(found[index][1])
        which = carried.occurrence if carried is not None else local
        if count == 0 or (carried is not None and carried.note.startswith("the words around")):
            return proposed
        at = sum(len(matches) for _, matches in found[:index]) + (
            0 if which.which is Which.ONLY else count - 1 if which.which is Which.LAST else which.nth - 1
        )
        total = sum(len(matches) for _, matches in found)
        if total == 1:
            occurrence = Occurrence()
        elif edit.occurrence.which is Which.LAST and at == total - 1:
            occurrence = edit.occurrence
        else:
            occurrence = Occurrence(Which.NTH, at + 1)
        if occurrence != edit.occurrence:
            was = occurrence_words(edit.occurrence).strip()
            now = occurrence_words(occurrence).strip() or "no ordinal (the words occur once)"
            notes.append(f'"{was}" becomes "{now}" here, by the words around it')
        return replace(proposed, occurrence=occurrence)
    return proposed


def _carried_letters(number: ClauseNumber, anchor: ClauseNumber, there: ClauseNumber) -> ClauseNumber:
    """An inserted number placed at `anchor` (5.6.4A after 5.6.4) as placed at `there` (5.7.4A)."""
    return ClauseNumber(
        (*there.parts[:-1], there.last + number.last - anchor.last),
        suffixes=(*("",) * (there.depth - 1), number.suffixes[-1]),
    )
