"""Find the instructions that change one live version of a spec but not another in the same way.

"The same way" is judged by outcome, not by wording: after the amendment, the aligned clause of the
other version must show the change too (the quoted words gone, the new words there, the new clause
present with the same words), however its own instructions put it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from spectool.amend.matching import find_words
from spectool.amend.mirror import clause_map, mirror_operation
from spectool.amend.model import (
    Amendment,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    OmitClause,
    OmitDefinition,
    Operation,
    PartAction,
    RowEdit,
    SubstituteClause,
    SubstituteDefinition,
    SubstituteHeader,
    TextEditKind,
)
from spectool.amend.notes import opening_note
from spectool.amend.scope import expected_numbering
from spectool.amend.scoped import scope_members
from spectool.amend.textedit import EditError, segments
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Definition, Note, Spec, SubItem
from spectool.model.numbers import ClauseNumber

_NUMBER = re.compile(r"\b[0-9]+(?:\.[0-9]+)+\b")


@dataclass(frozen=True, slots=True)
class OutOfStep:
    """`instruction` changes `source` (a live version); `other`, also live, is not changed that way."""

    instruction: Instruction
    source: str  # SMETS2@4.2
    other: str  # SMETS2@5.0
    counterpart: str  # the aligned clause (or term) in the other version
    targeted: bool  # does the amendment amend the other version at all?


def out_of_step(
    amendment: Amendment, base: Corpus, amended: Corpus, live: Mapping[str, list[str]]
) -> list[OutOfStep]:
    """Every (instruction, other live version) pair where the other version is left behind."""
    found: list[OutOfStep] = []
    for key in amendment.keys:
        name, version = key.split("@", 1)
        source = base.get(name, version)
        if source is None or version not in live.get(name, []):
            continue
        for other_version in live[name]:
            other = base.get(name, other_version)
            if other is None or other_version == version:
                continue
            found.extend(_compare(amendment, source, other, amended))
    return found


def _compare(amendment: Amendment, source: Spec, other: Spec, amended: Corpus) -> list[OutOfStep]:
    mapping = clause_map(source, other)
    other_instructions = amendment.instructions_for(other.key)
    after_source = amended.get(source.name, source.version) or source
    after_other = amended.get(other.name, other.version) or other
    numbering = {
        key: value
        for key, value in expected_numbering(other, other_instructions).items()
        if value is not None
    }
    source_numbering = expected_numbering(source, amendment.instructions_for(source.key))
    check = _Outcome(after_source, after_other, source_numbering, numbering, (source, other))
    check.other_header = {
        ins.operation.field: ins.operation.value
        for ins in other_instructions
        if isinstance(ins.operation, SubstituteHeader)
    }
    found = []
    for instruction in amendment.instructions_for(source.key):
        if other.key in amendment.target_of(instruction).keys:
            continue  # one instruction for both versions: applied to each alike
        operation, _ = mirror_operation(instruction.operation, mapping)
        if operation is None:
            continue  # no counterpart: nothing to keep in step
        if not check.holds(instruction.operation, operation):
            found.append(
                OutOfStep(instruction, source.key, other.key, _subject(operation), bool(other_instructions))
            )
    return found


class _Outcome:
    """Does the other version, as amended, show what the instruction did to the source version?"""

    def __init__(
        self,
        source: Spec,
        other: Spec,
        source_numbering: Mapping[ClauseNumber, ClauseNumber | None],
        other_numbering: Mapping[ClauseNumber, ClauseNumber],
        bases: tuple[Spec, Spec],
    ) -> None:
        self.bases = bases  # the two versions before the amendment, which scopes are named in
        self.source = source
        self.other = other
        self.source_numbering = source_numbering
        self.other_numbering = other_numbering
        self.other_header: dict[str, str] = {}  # the other version's header, as its instructions give it

    def holds(self, original: Operation, mirrored: Operation) -> bool:
        if isinstance(mirrored, SubstituteHeader):
            return self.other_header.get(mirrored.field) == mirrored.value
        if isinstance(mirrored, EditText) and isinstance(original, EditText):
            return self._edit_holds(original, mirrored)
        if isinstance(mirrored, InsertClauses):
            after = self._other_clause(mirrored.after)
            section = after.number.parent if after is not None else None
            present = {_words(c) for c in self.other.clauses() if c.number.parent == section}
            return all(_words(clause) in present for clause in mirrored.clauses)
        if isinstance(mirrored, OmitClause):
            if mirrored.leave is None:
                ends = (mirrored.number, mirrored.through or mirrored.number)
                return all(self.other_numbering.get(end) is None for end in ends)
            clause = self._other_clause(mirrored.number)
            return clause is not None and clause.text.value == mirrored.leave
        if isinstance(mirrored, NoteEdit) and isinstance(original, NoteEdit):
            return self._note_holds(original, mirrored)
        if isinstance(mirrored, RowEdit):
            clause = self._other_clause(mirrored.clause)
            rows = {_masked(row) for table in (clause.tables if clause else ()) for row in table.rows}
            keys = {
                " ".join(row[0].split()) for table in (clause.tables if clause else ()) for row in table.rows
            }
            if mirrored.action is PartAction.OMIT:
                return clause is not None and mirrored.row not in keys
            return clause is not None and all(_masked(row) in rows for row in mirrored.rows)
        if isinstance(mirrored, ItemEdit) and isinstance(original, ItemEdit):
            return self._items_hold(original, mirrored)
        if isinstance(mirrored, SubstituteClause):
            clause = self._other_clause(mirrored.number)
            if clause is None or _words(clause) != _words(mirrored.clause):
                return False
            section = clause.number.parent
            present = {_words(c) for c in self.other.clauses() if c.number.parent == section}
            return all(_words(new) in present for new in mirrored.more)
        if isinstance(mirrored, InsertDefinition | SubstituteDefinition):
            definition = _definition(self.other, mirrored.definition.term)
            return definition is not None and _words(definition) == _words(mirrored.definition)
        assert isinstance(mirrored, OmitDefinition)
        return _definition(self.other, mirrored.term) is None

    def _edit_holds(self, original: EditText, mirrored: EditText) -> bool:
        place = mirrored.place
        if place.heading is not None and original.place.heading is not None:
            return self._heading_holds(original, mirrored)
        if place.scope is not None and original.place.scope is not None:
            return self._scope_holds(original, mirrored)
        if place.note and place.section is not None and original.place.section is not None:
            here_note = _opening_text(self.source, original.place.section)
            there_note = _opening_text(self.other, place.section)
            return self._words_hold(original, mirrored, here_note, there_note)
        if place.clause is not None:
            other: Clause | Definition | None = self._other_clause(place.clause)
            number = original.place.clause
            moved = self.source_numbering.get(number) if number is not None else None
            source: Clause | Definition | None = self.source.clause(moved) if moved is not None else None
        else:
            other = _definition(self.other, place.term or "")
            source = _definition(self.source, place.term or "")
        if other is None or source is None:
            return other is None and source is None
        removes = original.kind in (TextEditKind.SUBSTITUTE, TextEditKind.OMIT)
        other_terms = [definition.term for definition in self.other.definitions()]
        source_terms = [definition.term for definition in self.source.definitions()]
        if removes and _count(other, mirrored, other_terms) > _count(source, original, source_terms):
            return False
        return not mirrored.text or _count(other, replace(mirrored, anchor=mirrored.text), other_terms) >= 1

    def _heading_holds(self, original: EditText, mirrored: EditText) -> bool:
        """The other version's heading, as amended, shows the change: the new heading whole, or no more
        of the quoted words than the source's heading keeps and the new words."""
        assert original.place.heading is not None and mirrored.place.heading is not None
        here = self.source.section(original.place.heading)
        there = self.other.section(mirrored.place.heading)
        if there is not None and not mirrored.anchor:
            return here is not None and " ".join(there.title.split()) == " ".join(mirrored.text.split())
        return self._words_hold(
            original, mirrored, here.title if here else None, there.title if there else None
        )

    def _words_hold(
        self, original: EditText, mirrored: EditText, here: str | None, there: str | None
    ) -> bool:
        """One text of each version, as amended (a heading, an opening Note): the other keeps no more
        of the quoted words than the source's and shows the new words."""
        if here is None or there is None:
            return here is None and there is None
        other_terms = [definition.term for definition in self.other.definitions()]
        source_terms = [definition.term for definition in self.source.definitions()]
        removes = original.kind in (TextEditKind.SUBSTITUTE, TextEditKind.OMIT)
        left_here = len(find_words(here, original.anchor, source_terms, original.within).spans)
        left_there = len(find_words(there, mirrored.anchor, other_terms, mirrored.within).spans)
        if removes and left_there > left_here:
            return False
        return not mirrored.text or bool(find_words(there, mirrored.text, other_terms).spans)

    def _scope_holds(self, original: EditText, mirrored: EditText) -> bool:
        """A scoped edit holds when the other version's scope, as amended, keeps no more of the
        quoted words than the source's and shows the new words."""
        source = _scope_paragraphs(original, self.bases[0], self.source_numbering, self.source)
        other = _scope_paragraphs(mirrored, self.bases[1], self.other_numbering, self.other)
        removes = original.kind in (TextEditKind.SUBSTITUTE, TextEditKind.OMIT)
        other_terms = [definition.term for definition in self.other.definitions()]
        source_terms = [definition.term for definition in self.source.definitions()]
        left_here = sum(_count(paragraph, original, source_terms) for paragraph in source)
        if removes and sum(_count(paragraph, mirrored, other_terms) for paragraph in other) > left_here:
            return False
        shown = replace(mirrored, anchor=mirrored.text)
        return not mirrored.text or any(_count(paragraph, shown, other_terms) for paragraph in other)

    def _note_holds(self, original: NoteEdit, mirrored: NoteEdit) -> bool:
        """The other version, as amended, no longer has the omitted Note's words, or has the new Note."""
        present = {_note_words(note) for note in _notes(self.other, mirrored, self.other_numbering)}
        if original.action is PartAction.OMIT:
            gone = _notes(self.bases[0], original, {})
            return all(_note_words(note) not in present for note in gone)
        return mirrored.note is not None and _note_words(mirrored.note) in present

    def _items_hold(self, original: ItemEdit, mirrored: ItemEdit) -> bool:
        """The other clause, as amended, no longer has the omitted sub-item's words and has the new
        sub-items' words."""
        clause = self._other_clause(mirrored.clause)
        if clause is None:
            return False
        present = {_item_words(item) for item in clause.all_items()}
        if original.action is PartAction.OMIT:
            before = self.bases[0].clause(original.clause)
            gone = [i for i in before.all_items() if i.label == original.items[-1]] if before else []
            return all(_item_words(item) not in present for item in gone[:1])
        return all(_item_words(item) in present for new in mirrored.new for item in new.walk())

    def _other_clause(self, number: ClauseNumber) -> Clause | None:
        moved = self.other_numbering.get(number)
        return self.other.clause(moved) if moved is not None else None


def _scope_paragraphs(
    edit: EditText, base: Spec, numbering: Mapping[ClauseNumber, ClauseNumber | None], amended: Spec
) -> list[Clause | Definition]:
    """The paragraphs of the edit's scope (named in `base`) as `amended` has them."""
    assert edit.place.scope is not None
    try:
        members = scope_members(edit.place.scope, base)
    except EditError:
        return []
    out: list[Clause | Definition] = []
    for member in members:
        if isinstance(member, str):
            found: Clause | Definition | None = _definition(amended, member)
        else:
            moved = numbering.get(member)
            found = amended.clause(moved) if moved is not None else None
        if found is not None:
            out.append(found)
    return out


def _count(paragraph: Clause | Definition, edit: EditText, terms: list[str]) -> int:
    """How often the edit's quoted words occur in the paragraph, matched as the edit matches them."""
    return sum(
        len(find_words(text.value, edit.anchor, terms, edit.within).spans) for _, text in segments(paragraph)
    )


def _words(paragraph: Clause | Definition) -> str:
    """The paragraph's words with clause numbers masked, so renumbering alone is no difference."""
    parts = [segment.value for _, segment in segments(paragraph)]
    return _NUMBER.sub("#", " ".join(" ".join(parts).split()))


def _notes(spec: Spec, edit: NoteEdit, numbering: Mapping[ClauseNumber, ClauseNumber]) -> list[Note]:
    """The Notes of the clause the edit names (through `numbering`), or the one opening its section."""
    if edit.clause is not None:
        clause = spec.clause(numbering.get(edit.clause, edit.clause))
        return list(clause.notes) if clause is not None else []
    section = spec.section(edit.section) if edit.section is not None else None
    at = opening_note(section.blocks) if section is not None else None
    if section is None or at is None:
        return []
    note = section.blocks[at]
    return [note] if isinstance(note, Note) else []


def _opening_text(spec: Spec, section: ClauseNumber) -> str | None:
    """The words of the Note that opens the section, if it has one."""
    notes = _notes(spec, NoteEdit(None, section, PartAction.SUBSTITUTE), {})
    return notes[0].text.value if notes else None


def _note_words(note: Note) -> str:
    return _NUMBER.sub("#", " ".join(note.text.value.split()))


def _masked(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_NUMBER.sub("#", " ".join(cell.split())) for cell in row)


def _item_words(item: SubItem) -> str:
    return _NUMBER.sub("#", " ".join(item.text.value.split()))


def _definition(spec: Spec, term: str) -> Definition | None:
    return next((definition for definition in spec.definitions() if definition.term == term), None)


def _subject(operation: Operation) -> str:
    return Instruction(0, operation).subject
