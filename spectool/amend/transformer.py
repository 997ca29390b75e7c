"""Turn the parse tree of each piece of an amendment into drafts and instructions of the model: the
preamble, text edits and scopes, whole clauses and definitions, and the numbered instruction. (Rows,
Notes, sub-items, compound instructions and the header are in spectool.amend.transform_parts.)"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token

from spectool.amend.fragment import BODY_INDENT, GLOSSARY_SECTION
from spectool.amend.model import (
    NOWHERE,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    Occurrence,
    OmitClause,
    OmitDefinition,
    PartAction,
    Place,
    Scope,
    ScopeKind,
    Spot,
    SubstituteClause,
    SubstituteDefinition,
    TextEditKind,
    Which,
)
from spectool.amend.transform_base import RENUMBER, Draft, QuotedEdit, body_lines, quoted, spot
from spectool.amend.transform_parts import PartRules
from spectool.model.document import Block, Clause, Definition, Text
from spectool.model.numbers import ClauseNumber
from spectool.words import ordinal

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


class AmendmentTransformer(PartRules):
    """Bottom-up: each rule of grammars/amendment.lark becomes a draft or an Instruction."""

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

    def _edit(self, kind: TextEditKind, children: list[object]) -> QuotedEdit:
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
        return QuotedEdit(kind, occurrence, anchor, text, within)

    def substitute_text(self, children: list[object]) -> QuotedEdit:
        return self._edit(TextEditKind.SUBSTITUTE, children)

    def insert_after_text(self, children: list[object]) -> QuotedEdit:
        return self._edit(TextEditKind.INSERT_AFTER, children)

    def insert_before_text(self, children: list[object]) -> QuotedEdit:
        return self._edit(TextEditKind.INSERT_BEFORE, children)

    def omit_text(self, children: list[object]) -> QuotedEdit:
        return self._edit(TextEditKind.OMIT, children)

    def in_clause(self, children: list[object]) -> Draft:
        reference, edit = children
        assert isinstance(reference, Token) and isinstance(edit, QuotedEdit)
        number, items = self._clause_ref(reference, allow_items=True)
        return self._text_operation(Place(clause=number, items=items), edit, spot(reference))

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

    def in_scope(self, children: list[object]) -> Draft:
        named, edit = children
        assert isinstance(named, tuple) and isinstance(edit, QuotedEdit)
        scope, at = named
        assert isinstance(scope, Scope) and isinstance(at, Spot)
        return self._text_operation(Place(scope=scope), edit, at)

    def in_heading(self, children: list[object]) -> Draft:
        number, edit = children
        assert isinstance(number, Token) and isinstance(edit, QuotedEdit)
        return self._text_operation(Place(heading=ClauseNumber.parse(str(number))), edit, spot(number))

    def substitute_heading(self, children: list[Token]) -> Draft:
        number, title = children
        if not quoted(title).strip():
            self.problem(spot(title), "the new heading is empty: expected its words in quotation marks")
        place = Place(heading=ClauseNumber.parse(str(number)))
        operation = EditText(place, TextEditKind.SUBSTITUTE, "", quoted(title))
        return Draft(operation, spot(number), text_at=spot(title))

    def in_definition(self, children: list[object]) -> Draft:
        term, edit = children
        assert isinstance(term, Token) and isinstance(edit, QuotedEdit)
        return self._text_operation(Place(term=quoted(term)), edit, spot(term))

    # Whole clauses and definitions.
    def body(self, children: list[Token]) -> list[tuple[int, str]]:
        return [(token.line or 0, str(token)) for token in children]

    def renumber(self, children: list[Token]) -> str:
        return RENUMBER

    def leave(self, children: list[Token]) -> tuple[str, Token]:
        return ("leave", children[0])

    def after_clause(self, children: list[object]) -> Draft:
        return self._insert_clauses(children, before=False)

    def before_clause(self, children: list[object]) -> Draft:
        return self._insert_clauses(children, before=True)

    def _insert_clauses(self, children: list[object], *, before: bool) -> Draft:
        reference, body, *rest = children
        assert isinstance(reference, Token) and isinstance(body, list)
        anchor, items = self._clause_ref(reference, allow_items=True)
        if items:
            action = PartAction.INSERT_BEFORE if before else PartAction.INSERT_AFTER
            return self._item_draft(reference, anchor, items, action, rest, body)
        self._no_reletter(reference, rest)
        renumber = RENUMBER in rest
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
        return Draft(operation, spot(reference), body=body_lines(body))

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

    def omit_clause(self, children: list[object]) -> Draft:
        reference, *rest = children
        assert isinstance(reference, Token)
        number, items = self._clause_ref(reference, allow_items=True)
        leave = next((quoted(item[1]) for item in rest if isinstance(item, tuple)), None)
        if items:
            if leave is not None:
                self.problem(spot(reference), "a sub-item is omitted whole: drop 'and leave ...'")
            return self._item_draft(reference, number, items, PartAction.OMIT, rest, None)
        self._no_reletter(reference, rest)
        return Draft(OmitClause(number, leave, RENUMBER in rest), spot(reference))

    def omit_clauses(self, children: list[object]) -> Draft:
        first_token, last_token, *rest = children
        assert isinstance(first_token, Token) and isinstance(last_token, Token)
        (first, _), (last, _) = self._clause_ref(first_token), self._clause_ref(last_token)
        if first.parent != last.parent or not first < last:
            self.problem(
                spot(first_token),
                f"a range of clauses runs forward within one level: expected e.g. 'clauses {first} to "
                f"{first.sibling(first.last + 1)}'",
            )
        return Draft(OmitClause(first, None, RENUMBER in rest, last), spot(first_token))

    def substitute_clause(self, children: list[object]) -> Draft:
        reference, body, *rest = children
        assert isinstance(reference, Token) and isinstance(body, list)
        number, items = self._clause_ref(reference, allow_items=True)
        if items:
            return self._item_draft(reference, number, items, PartAction.SUBSTITUTE, [], body)
        renumber = RENUMBER in rest
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
        return Draft(operation, spot(reference), body=body_lines(body))

    def insert_definition(self, children: list[object]) -> Draft:
        (body,) = children
        assert isinstance(body, list)
        definition = self._definition(body)
        at = Spot(body[0][0], BODY_INDENT + 1, len(definition.term) + 2)
        return Draft(InsertDefinition(definition), at, body=body_lines(body))

    def omit_definition(self, children: list[Token]) -> Draft:
        (term,) = children
        return Draft(OmitDefinition(quoted(term)), spot(term))

    def substitute_definition(self, children: list[object]) -> Draft:
        term, body = children
        assert isinstance(term, Token) and isinstance(body, list)
        definition = self._definition(body)
        if definition.term != quoted(term) and definition.term:
            self._body_problem(
                None, body, f'the new text must define "{quoted(term)}", not "{definition.term}"'
            )
        return Draft(SubstituteDefinition(quoted(term), definition), spot(term), body=body_lines(body))

    def reason(self, children: list[Token]) -> str:
        (token,) = children
        words = " ".join(str(token).removeprefix("Reason:").split())
        if not words:
            self.problem(spot(token), "the reason is empty: expected 'Reason: why the change is made'")
        return words

    def instruction(self, children: list[object]) -> Instruction | list[Instruction]:
        number, draft, *reason = children
        assert isinstance(number, Token) and isinstance(draft, Draft | list)
        drafts = [("", draft)] if isinstance(draft, Draft) else draft
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
        return made[0] if isinstance(draft, Draft) else made

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
