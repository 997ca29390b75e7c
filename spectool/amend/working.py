"""A working copy of one spec version that an amendment's instructions are applied to, one by one.

Clause numbers in instructions are those of the unamended spec. Each clause keeps its identity (its
number before the amendment) while the amendment inserts, omits and renumbers around it; the result
says where every clause went, and references in existing text follow the clauses they name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spectool.amend.entries import Entry, Identity, OpenSection
from spectool.amend.items import Path
from spectool.amend.model import (
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    OmitClause,
    OmitDefinition,
    Place,
    RowEdit,
    SubstituteClause,
    SubstituteDefinition,
    SubstituteHeader,
    TextEditKind,
)
from spectool.amend.parts import apply_part, edit_opening_note, opening_section
from spectool.amend.punctuation import clashing_punctuation
from spectool.amend.references import reletter_paragraph, renumber_paragraph
from spectool.amend.renumbering import shifted
from spectool.amend.scoped import Member, member_edit, omitted_range, scope_members, spread
from spectool.amend.textedit import (
    EditError,
    Found,
    NewWords,
    apply_tracked,
    matches_in,
    moved_spans,
    segments,
)
from spectool.errors import Problem
from spectool.model.document import Block, Clause, Definition, Spec, Text
from spectool.model.numbers import ClauseNumber


@dataclass(frozen=True, slots=True)
class AppliedSpec:
    """One target spec version as the amendment leaves it, and how it got there."""

    key: str
    base: Spec
    spec: Spec
    # Every clause of the base by its number -> its number in the amended spec (None: omitted).
    numbering: dict[ClauseNumber, ClauseNumber | None]
    # Clause id (amended numbering) or defined term -> the instruction that inserted or last changed it.
    changed: dict[str, Instruction] = field(default_factory=dict)
    inserted: frozenset[str] = frozenset()  # ids and terms the amendment added
    # Clause id or term -> where the words that text edits brought in stand in it.
    new_words: dict[str, tuple[NewWords, ...]] = field(default_factory=dict)
    omitted_terms: frozenset[str] = frozenset()  # definitions the amendment omitted
    # What applies but may not say what the drafter meant (a widened range, a reused number ...).
    warnings: tuple[Problem, ...] = ()
    # The spec's title, version, date or status as instructions give them anew: (field, words).
    header: tuple[tuple[str, str], ...] = ()

    @property
    def consolidated(self) -> Spec:
        """The amended spec under the header the amendment gives it (`spec` keeps the base's header,
        so that the corpus, the rules and the other versions still know it by its key)."""
        if not self.header:
            return self.spec
        new = dict(self.header)
        return replace(
            self.spec,
            title=new.get("title", self.spec.title),
            version=new.get("version", self.spec.version),
            date=new.get("date", self.spec.date),
            status=new.get("status", self.spec.status),
        )

    @property
    def renumbered(self) -> dict[ClauseNumber, ClauseNumber]:
        """Only the clauses whose number changed: old -> new."""
        return {old: new for old, new in self.numbering.items() if new is not None and new != old}


class WorkingCopy:
    """A mutable copy of one spec version that instructions are applied to in turn."""

    def __init__(self, base: Spec) -> None:
        self.base = base
        self.sections = [
            OpenSection(
                section, [Entry(_identity(block, i), block) for i, block in enumerate(section.blocks)]
            )
            for section in base.sections
        ]
        self.changed: dict[Identity, Instruction] = {}
        self.omitted: dict[Identity, Instruction] = {}
        self.inserted_after: dict[tuple[bool, ClauseNumber], Instruction] = {}  # (before?, clause)
        self.added: set[Identity] = set()
        self.left: dict[Identity, Instruction] = {}  # clauses left as "Not used."
        self.renumbered_by: dict[Identity, Instruction] = {}
        # Sub-items re-lettered, by the clause's number in the unamended spec: old path -> new path.
        self.relettered: dict[ClauseNumber, dict[Path, Path]] = {}
        self.omitted_items: dict[tuple[ClauseNumber, Path], Instruction] = {}
        self.header: dict[str, tuple[str, Instruction]] = {}  # title, version, date, status -> new words
        self.edits_on: dict[Identity, list[Instruction]] = {}  # text edits made so far, per paragraph
        # What applies but may not say what the drafter meant: (instruction, message).
        self.warnings: list[tuple[Instruction, str]] = []
        self.new_words: dict[Identity, list[NewWords]] = {}
        self.reached: list[tuple[Identity, Instruction]] = []  # paragraphs scopes and ranges reached
        # Quoted words are not found inside a longer defined term of the spec.
        self.terms: set[str] = {definition.term for definition in base.definitions()}

    def find(self, identity: Identity) -> tuple[OpenSection, Entry] | None:
        for open_section in self.sections:
            for entry in open_section.entries:
                if entry.identity == identity:
                    return open_section, entry
        return None

    def require(self, identity: Identity, what: str) -> tuple[OpenSection, Entry]:
        found = self.find(identity)
        if found is not None:
            return found
        if identity in self.omitted:
            raise EditError(f"{what} is omitted by instruction {self.omitted[identity].label}")
        raise EditError(
            f'"{identity}" is not defined' if isinstance(identity, str) else f"there is no {what}"
        )

    def apply(self, instruction: Instruction) -> None:
        if instruction.clause is not None:
            self._warn_of_reused_number(instruction.clause, instruction)
        operation = instruction.operation
        if isinstance(operation, EditText) and operation.place.scope is not None:
            self._edit_scope(operation, instruction)
        elif isinstance(operation, NoteEdit | EditText) and opening_section(operation) is not None:
            edit_opening_note(self, operation, instruction)
        elif isinstance(operation, ItemEdit | RowEdit | NoteEdit | SubstituteHeader):
            apply_part(self, operation, instruction)
        elif isinstance(operation, EditText) and operation.place.heading is not None:
            self._edit_heading(operation.place.heading, operation)
        elif isinstance(operation, EditText):
            place = operation.place
            identity: Identity = place.clause if place.clause is not None else place.term or ""
            self._edit_paragraph(identity, operation, instruction)
        elif isinstance(operation, InsertClauses):
            self._insert_clauses(operation, instruction)
        elif isinstance(operation, OmitClause):
            self._omit_clause(operation, instruction)
        elif isinstance(operation, SubstituteClause):
            _, entry = self.require(operation.number, instruction.subject)
            assert isinstance(entry.block, Clause)
            new = replace(operation.clause, number=entry.block.number)
            entry.kept_attachments = not new.attachments and bool(entry.block.attachments)
            if entry.kept_attachments:
                new = replace(new, attachments=entry.block.attachments)
            entry.block = new
            entry.from_base = False
            self.new_words.pop(entry.identity, None)
            self.changed[entry.identity] = instruction
            if operation.inserted is not None:
                self._insert_clauses(operation.inserted, instruction)
        elif isinstance(operation, InsertDefinition):
            self._insert_definition(operation, instruction)
        elif isinstance(operation, OmitDefinition):
            open_section, entry = self.require(operation.term, instruction.subject)
            open_section.entries.remove(entry)
            self.omitted[entry.identity] = instruction
        else:
            assert isinstance(operation, SubstituteDefinition)
            _, entry = self.require(operation.term, instruction.subject)
            entry.block = operation.definition
            entry.from_base = False
            self.new_words.pop(entry.identity, None)
            self.changed[entry.identity] = instruction

    def _edit_paragraph(self, identity: Identity, edit: EditText, instruction: Instruction) -> None:
        _, entry = self.require(identity, instruction.subject)
        assert isinstance(entry.block, Clause | Definition)
        earlier = self.new_words.get(entry.identity, [])
        before = entry.block
        try:
            entry.block, spans = apply_tracked(entry.block, edit, earlier, instruction, self.terms)
        except EditError as error:
            raise EditError(self._who_changed(entry.identity, edit, str(error))) from None
        clash = clashing_punctuation(before, entry.block)
        if clash is not None:
            where = (
                f"clause {identity}"
                if isinstance(identity, ClauseNumber)
                else f'the definition of "{identity}"'
            )
            self.warnings.append(
                (
                    instruction,
                    f'leaves {where} reading "{clash}": quote the comma or stop beside the words too, '
                    'e.g. omit ", and ..." rather than "and ..."',
                )
            )
        self.edits_on.setdefault(entry.identity, []).append(instruction)
        self.new_words[entry.identity] = spans
        self.changed[entry.identity] = instruction

    def _edit_scope(self, edit: EditText, instruction: Instruction) -> None:
        """A text edit over a scope: its occurrences counted across the scope's paragraphs as they
        stand now (those omitted before it are gone), each paragraph then edited on its own."""
        for member, occurrence in spread(self.scope_matches(edit), edit):
            self._edit_paragraph(member, member_edit(edit, member, occurrence), instruction)
            self.reached.append((member, instruction))

    def _edit_heading(self, number: ClauseNumber, edit: EditText) -> None:
        """A text edit in a section's heading, or (with no quoted words) a new heading."""
        open_section = next((s for s in self.sections if s.section.number == number), None)
        if open_section is None:
            raise EditError(f"there is no Section {number}")
        title = edit.text
        if edit.anchor:
            stand_in = Clause(number, Text(open_section.section.title))
            edited, _ = apply_tracked(stand_in, replace(edit, place=Place()), [], None, self.terms)
            title = " ".join(edited.text.value.split())
        open_section.section = replace(open_section.section, title=title)

    def scope_matches(self, edit: EditText) -> list[tuple[Member, Found]]:
        """The paragraphs of the edit's scope still standing, each with its matches of the words."""
        assert edit.place.scope is not None
        found = []
        for member in scope_members(edit.place.scope, self.base):
            standing = self.find(member)
            if standing is not None and isinstance(standing[1].block, Clause | Definition):
                paragraph_edit = member_edit(edit, member, edit.occurrence)
                found.append((member, matches_in(standing[1].block, paragraph_edit, self.terms)))
        return found

    def paragraph(self, identity: Identity) -> Clause | Definition | None:
        """The clause or definition that stands for `identity` now, if it still stands."""
        found = self.find(identity)
        block = found[1].block if found is not None else None
        return block if isinstance(block, Clause | Definition) else None

    def _who_changed(self, identity: Identity, edit: EditText, message: str) -> str:
        """`message`, naming the earlier instruction that changed the words, when the unamended text
        had them and an earlier instruction took them away."""
        if not message.startswith(f'"{edit.anchor}" does not occur'):
            return message
        base = _base_paragraph(self.base, identity)
        if base is None:
            return message
        wanted = {(key, start, end) for key, start, end in matches_in(base, edit, self.terms)}
        if not wanted:
            return message
        for earlier in reversed(self.edits_on.get(identity, [])):
            operation = earlier.operation
            if not isinstance(operation, EditText) or operation.kind in _KEEPS_WORDS:
                continue
            spans = matches_in(base, operation, self.terms)
            if any(k == key and s < end and start < e for k, s, e in spans for key, start, end in wanted):
                return f"{message}: instruction {earlier.label} changed those words before it"
        return message

    def _warn_of_reused_number(self, number: ClauseNumber, instruction: Instruction) -> None:
        """A number an earlier renumbering gave to another clause can be read two ways: say so."""
        found = self.find(number)
        by = self.renumbered_by.get(number)
        if found is None or by is None or not isinstance(found[1].block, Clause):
            return
        now = found[1].block.number
        holder = next(
            (
                entry
                for open_section in self.sections
                for entry in open_section.entries
                if isinstance(entry.block, Clause) and entry.block.number == number
            ),
            None,
        )
        if holder is None or now == number:
            return
        other = (
            f"clause {holder.identity}"
            if isinstance(holder.identity, ClauseNumber)
            else f"a clause instruction {self.changed[holder.identity].label} inserts"
        )
        self.warnings.append(
            (
                instruction,
                f"names clause {number}, which instruction {by.label} renumbered as {now}, and "
                f"{number} now numbers {other}: numbers in instructions are those of the unamended "
                f"spec, so this means the clause now numbered {now}; to make that plain, put this "
                f"instruction before instruction {by.label}",
            )
        )

    def _insert_clauses(self, operation: InsertClauses, instruction: Instruction) -> None:
        open_section, entry = self.require(operation.after, f"clause {operation.after}")
        where = "before" if operation.before else "after"
        earlier = self.inserted_after.get((operation.before, operation.after))
        if earlier is not None:
            raise EditError(
                f"instruction {earlier.label} already inserts {where} clause {operation.after}: "
                "insert all the new clauses in one instruction"
            )
        self.inserted_after[(operation.before, operation.after)] = instruction
        assert isinstance(entry.block, Clause)
        first = entry.block.number
        count = len(operation.clauses)
        index = open_section.entries.index(entry) + (0 if operation.before else 1)
        following = [e for e in open_section.entries[index:] if isinstance(e.block, Clause)]
        if operation.lettered:
            # Written against the unamended numbering: they move with the clause they are placed at.
            new_numbers = [shifted(c.number, first.last - operation.after.last) for c in operation.clauses]
            _check_lettered(open_section.entries[:index], following, new_numbers)
        else:
            start = first.last + (0 if operation.before else 1)
            new_numbers = [first.sibling(start + k) for k in range(count)]
        taken = {e.block.number for e in following if isinstance(e.block, Clause)}
        clash = [number for number in new_numbers if number in taken]
        if clash and not operation.renumber:
            raise EditError(
                f"clause {clash[0]} already exists: add 'and renumber the following clauses', "
                "or number the new text otherwise"
            )
        if operation.renumber:
            self._shift(following, count, instruction)
        new_entries = [
            Entry((-1, len(self.added) + k), replace(clause, number=number), from_base=False)
            for k, (clause, number) in enumerate(zip(operation.clauses, new_numbers, strict=True))
        ]
        open_section.entries[index:index] = new_entries
        for new in new_entries:
            self.changed[new.identity] = instruction
            self.added.add(new.identity)

    def _omit_clause(self, operation: OmitClause, instruction: Instruction) -> None:
        open_section, entry = self.require(operation.number, instruction.subject)
        assert isinstance(entry.block, Clause)
        if operation.leave is not None:
            entry.block = Clause(entry.block.number, Text(operation.leave), position=entry.block.position)
            entry.from_base = False
            self.new_words.pop(entry.identity, None)
            self.changed[entry.identity] = instruction
            self.left[entry.identity] = instruction
            return
        gone = [entry]
        if operation.through is not None:
            gone = [
                self.require(number, f"clause {number}")[1] for number in omitted_range(operation, self.base)
            ]
            self.reached.extend((g.identity, instruction) for g in gone)
        stray = next((each for each in gone if each not in open_section.entries), None)
        if stray is not None:
            raise EditError(
                f"clause {stray.identity} does not stand in the section of clause {operation.number}"
            )
        later = open_section.entries[open_section.entries.index(gone[-1]) + 1 :]
        for each in gone:
            open_section.entries.remove(each)
            self.omitted[each.identity] = instruction
        if operation.renumber:
            self._shift([e for e in later if isinstance(e.block, Clause)], -len(gone), instruction)

    def _shift(self, entries: list[Entry], by: int, instruction: Instruction) -> None:
        for entry in entries:
            self.renumbered_by[entry.identity] = instruction
            assert isinstance(entry.block, Clause)
            number = entry.block.number
            entry.block = replace(entry.block, number=shifted(number, by))

    def _insert_definition(self, operation: InsertDefinition, instruction: Instruction) -> None:
        term = operation.definition.term
        if self.find(term) is not None:
            raise EditError(f'"{term}" is already defined: substitute its definition instead')
        glossary = next(
            (s for s in self.sections if any(isinstance(e.block, Definition) for e in s.entries)), None
        )
        if glossary is None:
            raise EditError("the spec has no glossary to insert a definition in")
        entries = glossary.entries
        index = next(
            (
                i
                for i, e in enumerate(entries)
                if isinstance(e.block, Definition) and e.block.term.casefold() > term.casefold()
            ),
            max(
                (i + 1 for i, e in enumerate(entries) if isinstance(e.block, Definition)),
                default=len(entries),
            ),
        )
        entries.insert(index, Entry(term, operation.definition, from_base=False))
        self.terms.add(term)
        self.changed[term] = instruction
        self.added.add(term)

    def finish(self, key: str) -> AppliedSpec:
        numbering: dict[ClauseNumber, ClauseNumber | None] = {
            clause.number: None for clause in self.base.clauses()
        }
        for open_section in self.sections:
            for entry in open_section.entries:
                if isinstance(entry.identity, ClauseNumber) and isinstance(entry.block, Clause):
                    numbering[entry.identity] = entry.block.number
        moved = {old: new for old, new in numbering.items() if new is not None and new != old}
        relettered = {number: paths for number, paths in self.relettered.items() if paths}
        sections = []
        for open_section in self.sections:
            blocks: list[Block] = []
            for entry in open_section.entries:
                block = entry.block
                if relettered and entry.from_base and isinstance(block, Clause | Definition):
                    own = entry.identity if isinstance(entry.identity, ClauseNumber) else None
                    block = reletter_paragraph(block, relettered, self.base.name, own)
                    self._follow(entry.identity, entry.block, block)
                    entry.block = block
                if moved and entry.from_base and isinstance(block, Clause | Definition):
                    block = renumber_paragraph(block, moved, self.base.name)
                    self._follow(entry.identity, entry.block, block)
                elif moved and entry.kept_attachments and isinstance(block, Clause):
                    block = _renumber_attachments(block, moved, self.base.name)
                blocks.append(block)
            sections.append(replace(open_section.section, blocks=tuple(blocks)))
        # The amended version was never read from Word: the base's document and the places of its
        # blocks (keyed by numbers the amendment may have changed) would be stale.
        spec = replace(self.base, sections=tuple(sections), source=None, origins=())
        changed = {
            _label(self.sections, identity): instruction for identity, instruction in self.changed.items()
        }
        inserted = frozenset(_label(self.sections, identity) for identity in self.added)
        new_words = {
            _label(self.sections, identity): tuple(spans)
            for identity, spans in self.new_words.items()
            if spans and self.find(identity) is not None
        }
        terms = frozenset(identity for identity in self.omitted if isinstance(identity, str))
        header = tuple((name, value) for name, (value, _) in self.header.items())
        return AppliedSpec(
            key, self.base, spec, numbering, changed, inserted, new_words, terms, header=header
        )

    def _follow(self, identity: Identity, before: Block, after: Block) -> None:
        """Keep the spans of new words in step when references in their paragraph were renumbered."""
        spans = self.new_words.get(identity)
        if (
            not spans
            or not isinstance(before, Clause | Definition)
            or not isinstance(after, Clause | Definition)
        ):
            return
        old_texts, new_texts = dict(segments(before)), dict(segments(after))
        for key, text in old_texts.items():
            if new_texts[key].value != text.value:
                spans = moved_spans(spans, key, text.value, new_texts[key].value)
        self.new_words[identity] = spans


def _check_lettered(before: list[Entry], after: list[Entry], numbers: list[ClauseNumber]) -> None:
    """Inserted numbers must sort between the clauses either side of the place they go in."""
    previous = next((e.block.number for e in reversed(before) if isinstance(e.block, Clause)), None)
    following = next((e.block.number for e in after if isinstance(e.block, Clause)), None)
    if previous is not None and not previous < numbers[0]:
        raise EditError(
            f"clause {numbers[0]} would stand after clause {previous}: number it after {previous}"
        )
    if following is not None and not numbers[-1] < following:
        raise EditError(
            f"clause {numbers[-1]} would stand before clause {following}: number it before {following}"
        )


def _renumber_attachments(clause: Clause, moved: dict[ClauseNumber, ClauseNumber], spec: str) -> Clause:
    """`clause` with references in its notes and tables (text it kept from the base) renumbered."""
    kept = renumber_paragraph(replace(clause, text=Text(""), items=()), moved, spec)
    return replace(clause, attachments=kept.attachments)


# Text edits that leave their quoted words where they were.
_KEEPS_WORDS = (TextEditKind.INSERT_AFTER, TextEditKind.INSERT_BEFORE)


def _base_paragraph(base: Spec, identity: Identity) -> Clause | Definition | None:
    if isinstance(identity, ClauseNumber):
        return base.clause(identity)
    if isinstance(identity, str):
        return next((d for d in base.definitions() if d.term == identity), None)
    return None


def _identity(block: Block, index: int) -> Identity:
    if isinstance(block, Clause):
        return block.number
    if isinstance(block, Definition):
        return block.term
    return (0, index)  # a note or table standing alone: nothing names it


def _label(sections: list[OpenSection], identity: Identity) -> str:
    """The clause id in the amended numbering, or the term, that an identity now goes by."""
    for open_section in sections:
        for entry in open_section.entries:
            if entry.identity == identity:
                block = entry.block
                return (
                    block.id
                    if isinstance(block, Clause)
                    else block.term
                    if isinstance(block, Definition)
                    else ""
                )
    return str(identity)
