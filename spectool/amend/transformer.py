"""Turn the parse tree of each piece of an amendment into drafts and instructions of the model."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, Transformer

from spectool.amend.fragment import BODY_INDENT, GLOSSARY_SECTION, body_problem, parse_body, parse_items
from spectool.amend.model import (
    NOWHERE,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    Occurrence,
    OmitClause,
    OmitDefinition,
    Operation,
    PartAction,
    Place,
    RowEdit,
    Scope,
    ScopeKind,
    Spot,
    SubstituteClause,
    SubstituteDefinition,
    SubstituteHeader,
    TextEditKind,
    Which,
)
from spectool.errors import InputError, Problem
from spectool.model.document import Block, Clause, Definition, Note, SubItem, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.transformer import read_row
from spectool.words import ordinal

_CLAUSE_REF = re.compile(r"([0-9A-Z.]+)((?:\([a-z]+\))*)")
_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class Title:
    id: str
    text: str
    token: Token


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    value: str
    token: Token


@dataclass(frozen=True, slots=True)
class Heading:
    spec: Token
    versions: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class _Edit:
    kind: TextEditKind
    occurrence: Occurrence
    anchor: Token
    text: Token | None
    within: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Draft:
    """An operation and where its parts stand, before the instruction's number is known."""

    operation: Operation
    clause_at: Spot
    anchor_at: Spot = NOWHERE
    text_at: Spot = NOWHERE
    body: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class _Row:
    action: PartAction
    key: str


def _letter(place: int) -> str:
    """1 -> "a", 2 -> "b" ... the letter of a compound instruction's `place`th part."""
    return chr(ord("a") + place - 1) if place <= 26 else f"{place}"


def _row_key(token: Token) -> str:
    """The words of a row's first cell, as named: G06, or "Power Outage Event"."""
    return quoted(token) if str(token)[0] in '"\u201c' else str(token)


_RENUMBER = "renumber"
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RELETTER = "re-letter"


def spot(token: Token) -> Spot:
    """Where a token stands; a token that wraps onto further lines is underlined on its first."""
    first_line = str(token).split("\n", 1)[0]
    return Spot(token.line or 0, token.column or 0, max(len(first_line), 1))


def quoted(token: Token) -> str:
    """The words between the quotation marks, a line break inside them read as one space."""
    return _LINE_BREAK.sub(" ", str(token)[1:-1])


class AmendmentTransformer(Transformer[Token, object]):
    """Bottom-up: each rule of grammars/amendment.lark becomes a draft or an Instruction."""

    def __init__(self, path: str, source: tuple[str, ...]) -> None:
        super().__init__()
        self.path = path
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, at: Spot, message: str, hint: str = "") -> None:
        line = self.source[at.line - 1] if 0 < at.line <= len(self.source) else ""
        self.problems.append(Problem(self.path, at.line, at.column, message, line, at.width, hint))

    # The preamble and headings.
    def title(self, children: list[Token]) -> Title:
        identifier, text = children
        return Title(str(identifier), str(text).strip(), identifier)

    def field(self, children: list[Token]) -> Field:
        token, *more = children
        key, _, value = str(token).partition(":")
        parts = [value.strip(), *(str(line).strip() for line in more)]
        return Field(key.strip(), " ".join(part for part in parts if part), token)

    def field_more(self, children: list[Token]) -> Token:
        return children[0]

    def change_request(self, children: list[Field]) -> list[Field]:
        return children

    def preamble(self, children: list[object]) -> tuple[Title, list[Field]]:
        title, fields = children
        assert isinstance(title, Title) and isinstance(fields, list)
        return title, fields

    def heading(self, children: list[Token]) -> Heading:
        return Heading(children[0], tuple(children[1:]))

    # Text edits.
    def nth_occurrence(self, children: list[Token]) -> Occurrence:
        (token,) = children
        word = str(token)
        if word == "last":
            return Occurrence(Which.LAST)
        if word in _ORDINAL_WORDS:
            return Occurrence(Which.NTH, _ORDINAL_WORDS.index(word) + 1)
        number = int(word[:-2])
        if number < 1 or word != ordinal(number):
            self.problem(
                spot(token), f"'{word}' is not an ordinal: expected e.g. '{ordinal(max(number, 1))}'"
            )
        return Occurrence(Which.NTH, max(number, 1))

    def every_occurrence(self, children: list[Token]) -> Occurrence:
        return Occurrence(Which.EVERY)

    def in_place(self, children: list[Token]) -> Occurrence:
        return self.nth_occurrence(children)

    def where_occurs(self, children: list[Token]) -> Occurrence:
        return self.nth_occurrence(children)

    def wherever(self, children: list[Token]) -> Occurrence:
        return Occurrence(Which.EVERY)

    def within(self, children: list[Token]) -> tuple[str, ...]:
        return tuple(quoted(token) for token in children)

    def _edit(self, kind: TextEditKind, children: list[object]) -> _Edit:
        said = [child for child in children if isinstance(child, Occurrence)]
        occurrence = said[0] if said else Occurrence()
        strings = [child for child in children if isinstance(child, Token)]
        if len(said) > 1:
            self.problem(
                spot(strings[0]), "the occurrence is said twice: say which occurrence once, before or after"
            )
        within = next((child for child in children if isinstance(child, tuple)), ())
        anchor, text = strings[0], strings[1] if len(strings) > 1 else None
        if not quoted(anchor).strip():
            self.problem(spot(anchor), "the quoted words are empty: an edit needs words to find")
        return _Edit(kind, occurrence, anchor, text, within)

    def substitute_text(self, children: list[object]) -> _Edit:
        return self._edit(TextEditKind.SUBSTITUTE, children)

    def insert_after_text(self, children: list[object]) -> _Edit:
        return self._edit(TextEditKind.INSERT_AFTER, children)

    def insert_before_text(self, children: list[object]) -> _Edit:
        return self._edit(TextEditKind.INSERT_BEFORE, children)

    def omit_text(self, children: list[object]) -> _Edit:
        return self._edit(TextEditKind.OMIT, children)

    def in_clause(self, children: list[object]) -> _Draft:
        reference, edit = children
        assert isinstance(reference, Token) and isinstance(edit, _Edit)
        number, items = self._clause_ref(reference, allow_items=True)
        return self._text_operation(Place(clause=number, items=items), edit, spot(reference))

    # Tables: rows named by the words of their first cell.
    def in_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.SUBSTITUTE, _row_key(children[0]))

    def omit_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.OMIT, _row_key(children[0]))

    def after_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.INSERT_AFTER, _row_key(children[0]))

    def before_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.INSERT_BEFORE, _row_key(children[0]))

    def in_table(self, children: list[object]) -> _Draft:
        reference, *rest = children
        assert isinstance(reference, Token)
        number, _ = self._clause_ref(reference)
        row = next((child for child in rest if isinstance(child, _Row)), None)
        edit = next((child for child in rest if isinstance(child, _Edit)), None)
        if edit is not None:
            place = Place(clause=number, table=True, row=row.key if row is not None else None)
            return self._text_operation(place, edit, spot(reference))
        assert row is not None
        body = next((child for child in rest if isinstance(child, list)), None)
        rows = self._rows(body) if body is not None else ()
        operation = RowEdit(number, row.key, row.action, rows)
        return _Draft(operation, spot(reference), body=_lines(body) if body else (0, 0))

    def _rows(self, body: list[tuple[int, str]]) -> tuple[tuple[str, ...], ...]:
        rows = []
        for line, text in body:
            row = text.strip()
            if not row.startswith("|"):
                self.problem(
                    Spot(line, BODY_INDENT + 1, len(row)),
                    'a new row is written as in the spec: "| G07 | words | no |"',
                )
                continue
            rows.append(read_row(row))
        return tuple(rows)

    # The spec itself: its title, version, date and status.
    def substitute_header(self, children: list[Token]) -> _Draft:
        field, value = children
        words = quoted(value).strip()
        if not words:
            self.problem(spot(value), f"the new {field} is empty: expected its words in quotation marks")
        elif str(field) == "version" and not _VERSION.fullmatch(words):
            self.problem(spot(value), f"'{words}' is not a version: expected e.g. \"5.1\"")
        elif str(field) == "date" and not _ISO_DATE.fullmatch(words):
            self.problem(spot(value), f"'{words}' is not a date: expected e.g. \"2027-06-01\"")
        return _Draft(SubstituteHeader(str(field), words), spot(field), text_at=spot(value))

    # Notes: the Note to a clause, or the Note that opens a section.
    def _note_owner(self, token: Token) -> tuple[ClauseNumber | None, ClauseNumber | None]:
        if token.type == "CLAUSE_REF":
            return self._clause_ref(token)[0], None
        return None, ClauseNumber.parse(str(token))

    def in_note(self, children: list[object]) -> _Draft:
        owner, edit = children
        assert isinstance(owner, Token) and isinstance(edit, _Edit)
        clause, section = self._note_owner(owner)
        return self._text_operation(Place(clause=clause, note=True, section=section), edit, spot(owner))

    def omit_note(self, children: list[Token]) -> _Draft:
        (owner,) = children
        clause, section = self._note_owner(owner)
        return _Draft(NoteEdit(clause, section, PartAction.OMIT), spot(owner))

    def substitute_note(self, children: list[object]) -> _Draft:
        owner, body = children
        assert isinstance(owner, Token) and isinstance(body, list)
        clause, section = self._note_owner(owner)
        note = self._note(body, (clause.parent if clause is not None else None) or section or clause)
        return _Draft(NoteEdit(clause, section, PartAction.SUBSTITUTE, note), spot(owner), body=_lines(body))

    def insert_note(self, children: list[object]) -> _Draft:
        owner, body = children
        assert isinstance(owner, Token) and isinstance(body, list)
        clause, section = self._note_owner(owner)
        note = self._note(body, (clause.parent if clause is not None else None) or section or clause)
        return _Draft(
            NoteEdit(clause, section, PartAction.INSERT_AFTER, note), spot(owner), body=_lines(body)
        )

    def _note(self, body: list[tuple[int, str]], number: ClauseNumber | None) -> Note:
        assert number is not None
        blocks = self._body(body, number)
        if len(blocks) == 1 and isinstance(blocks[0], Note):
            return blocks[0]
        if blocks:
            self._body_problem(blocks[0], body, 'the new text must be one Note: "Note: words"')
        return Note(Text(""))

    # Scopes: (the scope, where it is named in the .amend file).
    def whole_spec(self, children: list[Token]) -> tuple[Scope, Spot]:
        return Scope(ScopeKind.SPEC), NOWHERE

    def in_section(self, children: list[Token]) -> tuple[Scope, Spot]:
        (token,) = children
        return Scope(ScopeKind.SECTION, (ClauseNumber.parse(str(token)),)), spot(token)

    def clause_list(self, children: list[Token]) -> tuple[Scope, Spot]:
        numbers = tuple(self._clause_ref(token)[0] for token in children)
        repeated = next((n for i, n in enumerate(numbers) if n in numbers[:i]), None)
        if repeated is not None:
            self.problem(spot(children[0]), f"clause {repeated} is named twice: name each clause once")
        return Scope(ScopeKind.CLAUSES, numbers), spot(children[0])

    def clause_range(self, children: list[Token]) -> tuple[Scope, Spot]:
        first, last = (self._clause_ref(token)[0] for token in children)
        if not first < last:
            self.problem(
                spot(children[0]),
                f"a range runs from the earlier clause: expected 'clauses {last} to {first}'",
            )
        return Scope(ScopeKind.RANGE, (first, last)), spot(children[0])

    def in_scope(self, children: list[object]) -> _Draft:
        named, edit = children
        assert isinstance(named, tuple) and isinstance(edit, _Edit)
        scope, at = named
        assert isinstance(scope, Scope) and isinstance(at, Spot)
        return self._text_operation(Place(scope=scope), edit, at)

    def in_heading(self, children: list[object]) -> _Draft:
        number, edit = children
        assert isinstance(number, Token) and isinstance(edit, _Edit)
        return self._text_operation(Place(heading=ClauseNumber.parse(str(number))), edit, spot(number))

    def substitute_heading(self, children: list[Token]) -> _Draft:
        number, title = children
        if not quoted(title).strip():
            self.problem(spot(title), "the new heading is empty: expected its words in quotation marks")
        place = Place(heading=ClauseNumber.parse(str(number)))
        operation = EditText(place, TextEditKind.SUBSTITUTE, "", quoted(title))
        return _Draft(operation, spot(number), text_at=spot(title))

    def in_definition(self, children: list[object]) -> _Draft:
        term, edit = children
        assert isinstance(term, Token) and isinstance(edit, _Edit)
        return self._text_operation(Place(term=quoted(term)), edit, spot(term))

    def _text_operation(self, place: Place, edit: _Edit, at: Spot) -> _Draft:
        text = quoted(edit.text) if edit.text is not None else ""
        operation = EditText(place, edit.kind, quoted(edit.anchor), text, edit.occurrence, edit.within)
        text_at = spot(edit.text) if edit.text is not None else NOWHERE
        return _Draft(operation, at, spot(edit.anchor), text_at)

    # Whole clauses and definitions.
    def body(self, children: list[Token]) -> list[tuple[int, str]]:
        return [(token.line or 0, str(token)) for token in children]

    def renumber(self, children: list[Token]) -> str:
        return _RENUMBER

    def reletter(self, children: list[Token]) -> str:
        return _RELETTER

    def leave(self, children: list[Token]) -> tuple[str, Token]:
        return ("leave", children[0])

    def after_clause(self, children: list[object]) -> _Draft:
        return self._insert_clauses(children, before=False)

    def before_clause(self, children: list[object]) -> _Draft:
        return self._insert_clauses(children, before=True)

    def _insert_clauses(self, children: list[object], *, before: bool) -> _Draft:
        reference, body, *rest = children
        assert isinstance(reference, Token) and isinstance(body, list)
        anchor, items = self._clause_ref(reference, allow_items=True)
        if items:
            action = PartAction.INSERT_BEFORE if before else PartAction.INSERT_AFTER
            return self._item_draft(reference, anchor, items, action, rest, body)
        self._no_reletter(reference, rest)
        renumber = _RENUMBER in rest
        blocks = self._body(body, anchor.parent or anchor)
        clauses, lettered = self._new_clauses(reference, anchor, before, blocks, body, renumber)
        if before and not lettered and not renumber and clauses:
            lettered_number = (
                f", or give it an inserted number such as {_lettered_after(anchor.sibling(anchor.last - 1))}"
                if anchor.last > 1 and not anchor.is_inserted
                else ""
            )
            self.problem(
                spot(reference),
                f"a clause inserted before clause {anchor} takes its number: add 'and renumber the "
                f"following clauses'{lettered_number}",
            )
        operation = InsertClauses(anchor, tuple(clauses), renumber, before)
        return _Draft(operation, spot(reference), body=_lines(body))

    def _new_clauses(
        self,
        reference: Token,
        anchor: ClauseNumber,
        before: bool,
        blocks: tuple[Block, ...],
        body: list[tuple[int, str]],
        renumber: bool,
    ) -> tuple[list[Clause], bool]:
        """The new clauses placed at `anchor`, each numbered as its place asks (all plain, or all with
        inserted numbers); whether they are lettered."""
        first = blocks[0] if blocks else None
        lettered = isinstance(first, Clause) and first.number.is_inserted
        clauses: list[Clause] = []
        for block in blocks:
            if not isinstance(block, Clause):
                self._body_problem(block, body, "with a clause only clauses can be inserted")
                continue
            problem = (
                _lettered_problem(anchor, before, block.number, clauses[-1].number if clauses else None)
                if lettered
                else _numbered_problem(anchor, before, block.number, len(clauses))
            )
            if problem:
                self._body_problem(block, body, problem)
            else:
                clauses.append(block)
        if lettered and renumber:
            self.problem(
                spot(reference),
                "a clause with an inserted number (such as 5.6.4A) moves no other clause: "
                "drop 'and renumber the following clauses'",
            )
        return clauses, lettered

    def omit_clause(self, children: list[object]) -> _Draft:
        reference, *rest = children
        assert isinstance(reference, Token)
        number, items = self._clause_ref(reference, allow_items=True)
        leave = next((quoted(item[1]) for item in rest if isinstance(item, tuple)), None)
        if items:
            if leave is not None:
                self.problem(spot(reference), "a sub-item is omitted whole: drop 'and leave ...'")
            return self._item_draft(reference, number, items, PartAction.OMIT, rest, None)
        self._no_reletter(reference, rest)
        return _Draft(OmitClause(number, leave, _RENUMBER in rest), spot(reference))

    def omit_clauses(self, children: list[object]) -> _Draft:
        first_token, last_token, *rest = children
        assert isinstance(first_token, Token) and isinstance(last_token, Token)
        (first, _), (last, _) = self._clause_ref(first_token), self._clause_ref(last_token)
        if first.parent != last.parent or not first < last:
            self.problem(
                spot(first_token),
                f"a range of clauses runs forward within one level: expected e.g. 'clauses {first} to "
                f"{first.sibling(first.last + 1)}'",
            )
        return _Draft(OmitClause(first, None, _RENUMBER in rest, last), spot(first_token))

    def substitute_clause(self, children: list[object]) -> _Draft:
        reference, body, *rest = children
        assert isinstance(reference, Token) and isinstance(body, list)
        number, items = self._clause_ref(reference, allow_items=True)
        if items:
            return self._item_draft(reference, number, items, PartAction.SUBSTITUTE, [], body)
        renumber = _RENUMBER in rest
        blocks = self._body(body, number.parent or number)
        clause = blocks[0] if blocks and isinstance(blocks[0], Clause) else None
        if clause is None:
            self._body_problem(blocks[0] if blocks else None, body, "the new text must be one clause")
        elif clause.number != number:
            self._body_problem(clause, body, f"the new text of clause {number} must keep the number {number}")
        # One clause replaced by two or more: the first keeps the number, the rest follow it.
        more, _ = self._new_clauses(reference, number, False, blocks[1:], body, renumber)
        if renumber and not more:
            self.problem(
                spot(reference), "only one clause is substituted: drop 'and renumber the following clauses'"
            )
        operation = SubstituteClause(number, clause or Clause(number, Text("")), tuple(more), renumber)
        return _Draft(operation, spot(reference), body=_lines(body))

    def insert_definition(self, children: list[object]) -> _Draft:
        (body,) = children
        assert isinstance(body, list)
        definition = self._definition(body)
        at = Spot(body[0][0], BODY_INDENT + 1, len(definition.term) + 2)
        return _Draft(InsertDefinition(definition), at, body=_lines(body))

    def omit_definition(self, children: list[Token]) -> _Draft:
        (term,) = children
        return _Draft(OmitDefinition(quoted(term)), spot(term))

    def substitute_definition(self, children: list[object]) -> _Draft:
        term, body = children
        assert isinstance(term, Token) and isinstance(body, list)
        definition = self._definition(body)
        if definition.term != quoted(term) and definition.term:
            self._body_problem(
                None, body, f'the new text must define "{quoted(term)}", not "{definition.term}"'
            )
        return _Draft(SubstituteDefinition(quoted(term), definition), spot(term), body=_lines(body))

    def reason(self, children: list[Token]) -> str:
        (token,) = children
        words = " ".join(str(token).removeprefix("Reason:").split())
        if not words:
            self.problem(spot(token), "the reason is empty: expected 'Reason: why the change is made'")
        return words

    def instruction(self, children: list[object]) -> Instruction | list[Instruction]:
        number, draft, *reason = children
        assert isinstance(number, Token) and isinstance(draft, _Draft | list)
        drafts = [("", draft)] if isinstance(draft, _Draft) else draft
        made = [
            Instruction(
                int(str(number)[:-1]),
                each.operation,
                reason=str(reason[0]) if reason else "",
                part=part,
                at=spot(number),
                clause_at=each.clause_at,
                anchor_at=each.anchor_at,
                text_at=each.text_at,
                body=each.body,
            )
            for part, each in drafts
        ]
        return made[0] if isinstance(draft, _Draft) else made

    # Compound instructions: one place, lettered text edits.
    def part(self, children: list[object]) -> tuple[Token, _Edit]:
        label, edit = children
        assert isinstance(label, Token) and isinstance(edit, _Edit)
        return label, edit

    def compound(self, children: list[object]) -> list[tuple[str, _Draft]]:
        named, _, *parts = children
        assert isinstance(named, Token)
        if named.type == "CLAUSE_REF":
            number, items = self._clause_ref(named, allow_items=True)
            place = Place(clause=number, items=items)
        else:
            place = Place(term=quoted(named))
        drafts = []
        for expected, each in enumerate(parts, start=1):
            assert isinstance(each, tuple)
            label, edit = each
            letter = str(label)[1:-1]
            if letter != _letter(expected):
                self.problem(
                    spot(label),
                    "the parts of an instruction are lettered (a), (b), (c) ...: "
                    f"expected ({_letter(expected)})",
                )
            drafts.append((letter, self._text_operation(place, edit, spot(named))))
        return drafts

    def _item_draft(
        self,
        reference: Token,
        number: ClauseNumber,
        items: tuple[str, ...],
        action: PartAction,
        rest: list[object],
        body: list[tuple[int, str]] | None,
    ) -> _Draft:
        """An instruction on a sub-item: `Omit clause 5.4.3.1(a).` and the like."""
        if _RENUMBER in rest:
            self.problem(
                spot(reference),
                "sub-items are re-lettered, not renumbered: expected 'and re-letter the following items'",
            )
        new: tuple[SubItem, ...] = ()
        if body is not None:
            try:
                new = parse_items(body, number, self.path, self.source)
            except InputError as error:
                self.problems.extend(error.problems)
        operation = ItemEdit(number, items, action, new, _RELETTER in rest)
        return _Draft(operation, spot(reference), body=_lines(body) if body else (0, 0))

    def _no_reletter(self, reference: Token, rest: list[object]) -> None:
        if _RELETTER in rest:
            self.problem(
                spot(reference),
                "clauses are renumbered, sub-items re-lettered: expected 'and renumber the following "
                "clauses', or name a sub-item such as (a)",
            )

    # Helpers.
    def _clause_ref(self, token: Token, *, allow_items: bool = False) -> tuple[ClauseNumber, tuple[str, ...]]:
        match = _CLAUSE_REF.fullmatch(str(token))
        assert match is not None  # the CLAUSE_REF terminal guarantees the shape
        items = tuple(re.findall(r"\(([a-z]+)\)", match[2]))
        if items and not allow_items:
            self.problem(spot(token), "this instruction acts on whole clauses: name the clause without (a)")
        return ClauseNumber.parse(match[1]), items

    def _body(self, body: list[tuple[int, str]], section: ClauseNumber) -> tuple[Block, ...]:
        try:
            return parse_body(body, section, self.path, self.source)
        except InputError as error:
            self.problems.extend(error.problems)
            return ()

    def _body_problem(self, block: Block | None, body: list[tuple[int, str]], message: str) -> None:
        self.problems.append(body_problem(block, body[0][0], message, self.path, self.source))

    def _definition(self, body: list[tuple[int, str]]) -> Definition:
        blocks = self._body(body, GLOSSARY_SECTION)
        if len(blocks) == 1 and isinstance(blocks[0], Definition):
            return blocks[0]
        self._body_problem(
            blocks[0] if blocks else None, body, 'the new text must be one definition: "Term" means ...'
        )
        return Definition("", Text(""))


def _numbered_problem(anchor: ClauseNumber, before: bool, number: ClauseNumber, placed: int) -> str:
    """What is wrong with the number of the `placed`+1th new clause in a plain sequence, or ""."""
    expected = anchor.sibling(anchor.last + placed + (0 if before else 1))
    if number == expected:
        return ""
    where = f"it goes before clause {anchor}" if before else f"it follows clause {anchor}"
    return f"the new clause must be numbered {expected}: {where}"


def _lettered_problem(
    anchor: ClauseNumber, before: bool, number: ClauseNumber, previous: ClauseNumber | None
) -> str:
    """What is wrong with an inserted number (5.6.4A) for a clause placed at `anchor`, or ""."""
    if not number.is_inserted or number.parent != anchor.parent:
        return (
            f"the new clauses are numbered with letters, as {_lettered_after(anchor)} is: "
            f"number clause {number} so too"
        )
    if previous is not None and not previous < number:
        return f"clause {number} must come after clause {previous}: number the new clauses in order"
    if before and not number < anchor:
        return f"clause {number} goes before clause {anchor}: give it a number that sorts before it"
    if not before and not (anchor < number and number.last == anchor.last):
        return f"clause {number} follows clause {anchor}: give it a number such as {_lettered_after(anchor)}"
    return ""


def _lettered_after(anchor: ClauseNumber) -> ClauseNumber:
    """5.6.4 -> 5.6.4A; 5.6.4A -> 5.6.4AA, the first number between it and the next letter."""
    letters = anchor.suffixes[-1] if anchor.suffixes else ""
    suffixes = (
        (*anchor.suffixes[:-1], letters + "A") if anchor.suffixes else ("",) * (anchor.depth - 1) + ("A",)
    )
    return ClauseNumber(anchor.parts, suffixes=suffixes)


def _lines(body: list[tuple[int, str]]) -> tuple[int, int]:
    return (body[0][0], body[-1][0])
