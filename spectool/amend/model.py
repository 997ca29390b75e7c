"""The amendment model: a modification's change request and its numbered instructions per target.

Instructions are neutral edit operations; where each came from in the .amend file is kept beside
it (`Spot`) and left out of equality, so an amendment written out and read again compares equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spectool.model.document import Clause, Definition, Note, SubItem
from spectool.model.numbers import ClauseNumber


@dataclass(frozen=True, slots=True)
class Spot:
    """A place in the .amend file: 1-based line and column, and how many characters it spans."""

    line: int
    column: int
    width: int = 1


NOWHERE = Spot(0, 0, 0)


class Which(StrEnum):
    """Which occurrences of the quoted words an instruction means."""

    ONLY = "only"  # no qualifier: the words must occur exactly once
    NTH = "nth"  # "the 2nd occurrence of"
    LAST = "last"  # "the last occurrence of"
    EVERY = "every"  # "every occurrence of"


@dataclass(frozen=True, slots=True)
class Occurrence:
    which: Which = Which.ONLY
    nth: int = 0  # for Which.NTH, 1-based


class TextEditKind(StrEnum):
    SUBSTITUTE = "substitute"  # for "old" substitute "new"
    INSERT_AFTER = "insert after"  # after "anchor" insert "new"
    INSERT_BEFORE = "insert before"  # before "anchor" insert "new"
    OMIT = "omit"  # omit "old"


class ScopeKind(StrEnum):
    """How a scope names the paragraphs a text edit looks through."""

    SPEC = "spec"  # In this Specification, ...
    SECTION = "section"  # In Section 5.5, ...
    CLAUSES = "clauses"  # In clauses 5.5.3 and 5.5.5, ...
    RANGE = "range"  # In clauses 5.5.1 to 5.5.4, ...


@dataclass(frozen=True, slots=True)
class Scope:
    """Several paragraphs one text edit looks through as one text (`spectool.amend.scoped`)."""

    kind: ScopeKind
    numbers: tuple[ClauseNumber, ...] = ()  # the section, the clauses listed, or a range's two ends

    def __str__(self) -> str:
        if self.kind is ScopeKind.SPEC:
            return "this Specification"
        if self.kind is ScopeKind.SECTION:
            return f"Section {self.numbers[0]}"
        if self.kind is ScopeKind.RANGE:
            return f"clauses {self.numbers[0]} to {self.numbers[-1]}"
        *listed, last = (str(number) for number in self.numbers)
        return f"clauses {', '.join(listed)} and {last}"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a text edit applies: a clause (or one of its sub-items), a definition, or a scope."""

    clause: ClauseNumber | None = None
    items: tuple[str, ...] = ()  # sub-item labels: ("a", "i") for clause 5.5.3(a)(i)
    term: str | None = None
    scope: Scope | None = None
    heading: ClauseNumber | None = (
        None  # the heading to Section 5.5 (an edit with no quoted words: all of it)
    )
    table: bool = False  # the table in clause X
    row: str | None = None  # ... in the row for G06 (the words of the row's first cell)
    note: bool = False  # the Note to clause X (or, with `section`, the Note that opens Section 5.5)
    section: ClauseNumber | None = None

    def __str__(self) -> str:
        if self.note:
            return f"the Note to {note_owner(self.clause, self.section)}"
        if self.table:
            row = f", in the row for {self.row}" if self.row is not None else ""
            return f"the table in clause {self.clause}{row}"
        if self.scope is not None:
            return str(self.scope)
        if self.heading is not None:
            return f"the heading to Section {self.heading}"
        if self.term is not None:
            return f'the definition of "{self.term}"'
        return f"clause {self.clause}" + "".join(f"({label})" for label in self.items)


@dataclass(frozen=True, slots=True)
class EditText:
    place: Place
    kind: TextEditKind
    anchor: str  # the quoted words the edit is anchored at
    text: str = ""  # the new words ("" for omit)
    occurrence: Occurrence = Occurrence()
    # Longer defined terms the quoted words may also be found inside: '(including within "...")'.
    within: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class InsertClauses:
    """After (or before) clause X insert: the new clauses, numbered from X+1 (from X, before it), or
    with inserted numbers (5.6.4A, 5.6.4AA, 5.6.4B) that leave the other clauses as they are."""

    after: ClauseNumber  # the clause named: X
    clauses: tuple[Clause, ...]
    renumber: bool = False  # "and renumber the following clauses"
    before: bool = False  # "Before clause X insert:": the new clauses go in front of X

    @property
    def lettered(self) -> bool:
        """Are the new clauses numbered with letters (5.6.4A), so that nothing is renumbered?"""
        return any(clause.number.is_inserted for clause in self.clauses)


@dataclass(frozen=True, slots=True)
class OmitClause:
    """Omit clause X (or clauses X to Y: every clause of X's level from X to Y, both included)."""

    number: ClauseNumber
    leave: str | None = None  # 'and leave "Not used."'
    renumber: bool = False
    through: ClauseNumber | None = None  # Y of "Omit clauses X to Y"

    def __str__(self) -> str:
        if self.through is None:
            return f"clause {self.number}"
        return f"clauses {self.number} to {self.through}"


@dataclass(frozen=True, slots=True)
class SubstituteClause:
    """For clause X substitute: the new text of X, and any clauses that follow it in X's place (one
    clause replaced by two: X and XA, or X and X+1 with the later clauses renumbered)."""

    number: ClauseNumber
    clause: Clause
    more: tuple[Clause, ...] = ()
    renumber: bool = False  # "and renumber the following clauses", for plain numbers in `more`

    @property
    def inserted(self) -> InsertClauses | None:
        """The clauses after the first, as the insertion after X they amount to."""
        return InsertClauses(self.number, self.more, self.renumber) if self.more else None


class PartAction(StrEnum):
    """What an instruction does to a part of a clause (a sub-item, a table row, a note)."""

    OMIT = "omit"
    INSERT_AFTER = "insert after"
    INSERT_BEFORE = "insert before"
    SUBSTITUTE = "substitute"


@dataclass(frozen=True, slots=True)
class ItemEdit:
    """`Omit clause 5.4.3.1(a).`, `For clause 5.4.3.1(a) substitute:` or `After clause 5.4.3.1(a)
    insert:` with new sub-items ((aa) between (a) and (b)), optionally re-lettering the later ones."""

    clause: ClauseNumber
    items: tuple[str, ...]  # the sub-item named: ("a",) for 5.4.3.1(a), ("b", "ii") for 5.4.3.1(b)(ii)
    action: PartAction
    new: tuple[SubItem, ...] = ()  # the new sub-items (none to omit)
    reletter: bool = False  # "and re-letter the following items"

    def __str__(self) -> str:
        return f"clause {self.clause}" + "".join(f"({label})" for label in self.items)


def note_owner(clause: ClauseNumber | None, section: ClauseNumber | None) -> str:
    """`clause 5.5.5` or `Section 5.5`: what a Note is named by."""
    return f"clause {clause}" if clause is not None else f"Section {section}"


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """`Omit the Note to clause X.`, `For the Note to clause X substitute:`, `After clause X insert the
    following Note:`; with a section instead of a clause, the Note that opens the section (`At the
    start of Section 5.5 insert the following Note:`)."""

    clause: ClauseNumber | None
    section: ClauseNumber | None
    action: PartAction  # OMIT, SUBSTITUTE or INSERT_AFTER
    note: Note | None = None  # the new Note

    def __str__(self) -> str:
        return f"the Note to {note_owner(self.clause, self.section)}"


@dataclass(frozen=True, slots=True)
class RowEdit:
    """`In the table in clause 4.3.5.1, omit the row for G06.`, or `..., after the row for G06 insert
    the following row:` with the new rows."""

    clause: ClauseNumber
    row: str  # the words of the named row's first cell
    action: PartAction  # OMIT, INSERT_AFTER or INSERT_BEFORE
    rows: tuple[tuple[str, ...], ...] = ()  # the new rows' cells

    def __str__(self) -> str:
        return f"the row for {self.row} in the table in clause {self.clause}"


# What the header of a spec says of it, as instructions name it: `For the version substitute "5.1".`
HEADER_FIELDS = ("title", "version", "date", "status")


@dataclass(frozen=True, slots=True)
class SubstituteHeader:
    """`For the version substitute "5.1".`: new words for the spec's title, version, date or status."""

    field: str  # one of HEADER_FIELDS
    value: str

    def __str__(self) -> str:
        return f"the {self.field}"


@dataclass(frozen=True, slots=True)
class InsertDefinition:
    definition: Definition


@dataclass(frozen=True, slots=True)
class OmitDefinition:
    term: str


@dataclass(frozen=True, slots=True)
class SubstituteDefinition:
    term: str
    definition: Definition


Operation = (
    EditText
    | ItemEdit
    | RowEdit
    | NoteEdit
    | SubstituteHeader
    | InsertClauses
    | OmitClause
    | SubstituteClause
    | InsertDefinition
    | OmitDefinition
    | SubstituteDefinition
)


@dataclass(frozen=True, slots=True)
class Instruction:
    """One numbered instruction and where its parts stand in the .amend file."""

    number: int
    operation: Operation
    reason: str = ""  # the drafter's "Reason:" for reviewers; "" when none is given
    # The letter of one part of a compound instruction ("In clause 5.5.3— (a) ...; (b) ..."), else "".
    part: str = ""
    at: Spot = field(default=NOWHERE, compare=False, repr=False)  # the instruction's number
    clause_at: Spot = field(
        default=NOWHERE, compare=False, repr=False
    )  # the clause number or defined term it names
    anchor_at: Spot = field(default=NOWHERE, compare=False, repr=False)  # the quoted words it is anchored at
    text_at: Spot = field(default=NOWHERE, compare=False, repr=False)  # the quoted new words
    body: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)  # first, last body line

    @property
    def line(self) -> int:
        return self.at.line

    @property
    def label(self) -> str:
        """`3`, or `3(b)` for part (b) of compound instruction 3."""
        return f"{self.number}({self.part})" if self.part else str(self.number)

    @property
    def clause(self) -> ClauseNumber | None:
        """The clause the instruction names (in the unamended numbering), if it names one."""
        operation = self.operation
        if isinstance(operation, EditText):
            return operation.place.clause
        if isinstance(operation, InsertClauses):
            return operation.after
        if isinstance(operation, OmitClause | SubstituteClause):
            return operation.number
        if isinstance(operation, ItemEdit | RowEdit | NoteEdit):
            return operation.clause
        return None

    @property
    def term(self) -> str | None:
        """The defined term the instruction names, if it names one."""
        operation = self.operation
        if isinstance(operation, EditText):
            return operation.place.term
        if isinstance(operation, InsertDefinition):
            return operation.definition.term
        if isinstance(operation, OmitDefinition | SubstituteDefinition):
            return operation.term
        return None

    @property
    def subject(self) -> str:
        """`clause 5.5.3`, `the definition of "Supply Outage"` or `Section 5.5`, for messages."""
        operation = self.operation
        if isinstance(operation, EditText) and (
            operation.place.scope or operation.place.heading or operation.place.table or operation.place.note
        ):
            return str(operation.place)
        if isinstance(operation, OmitClause | ItemEdit | RowEdit | NoteEdit | SubstituteHeader):
            return str(operation)
        if self.clause is not None:
            return f"clause {self.clause}"
        return f'the definition of "{self.term}"'


@dataclass(frozen=True, slots=True)
class Target:
    """`Amendments to SMETS2 4.2, 5.0` and the instructions under it."""

    spec: str
    versions: tuple[str, ...]
    instructions: tuple[Instruction, ...]
    at: Spot = field(default=NOWHERE, compare=False, repr=False)
    version_spots: tuple[Spot, ...] = field(default=(), compare=False, repr=False)

    @property
    def keys(self) -> tuple[str, ...]:
        """`("SMETS2@4.2", "SMETS2@5.0")`, the way the corpus names the versions."""
        return tuple(f"{self.spec}@{version}" for version in self.versions)

    @property
    def label(self) -> str:
        return f"{self.spec} {', '.join(self.versions)}"


@dataclass(frozen=True, slots=True)
class Amendment:
    """A modification's legal text: its change request (cover sheet) and instructions per target."""

    id: str
    title: str
    author: str
    date: str
    reason: str  # reason for change
    summary: str  # summary of change
    consequences: str  # consequences if not approved
    specs_affected: str  # as written: "SMETS2 4.2, 5.0; CHTS 1.5"
    clauses_affected: str  # as written: "SMETS2 4.2: 5.5.3, 5.6.5; ..."
    targets: tuple[Target, ...]
    implementation_date: str = ""  # "2027-06-01", when the change request gives one
    transitional_provisions: str = ""  # how devices built to the old text are treated, if said
    path: str = field(default="", compare=False)
    lines: tuple[str, ...] = field(default=(), compare=False, repr=False)  # the source, for messages

    @property
    def keys(self) -> list[str]:
        """Every spec version the amendment changes, in the order first named."""
        return list(dict.fromkeys(key for target in self.targets for key in target.keys))

    def instructions_for(self, key: str) -> list[Instruction]:
        """The instructions that apply to one spec version, in the order they are written."""
        return [
            instruction
            for target in self.targets
            if key in target.keys
            for instruction in target.instructions
        ]

    def target_of(self, instruction: Instruction) -> Target:
        for target in self.targets:
            if any(item is instruction for item in target.instructions):
                return target
        raise LookupError(f"instruction {instruction.number} is not in {self.id}")

    def source_line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
