"""The rules of the amendment's transformer for what lies inside or beside a clause: table rows, Notes,
sub-items, compound instructions and the spec's own header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from spectool.amend.fragment import BODY_INDENT, parse_items
from spectool.amend.model import (
    ItemEdit,
    NoteEdit,
    PartAction,
    Place,
    RowEdit,
    Scope,
    Spot,
    SubstituteHeader,
)
from spectool.amend.transform_base import (
    RELETTER,
    RENUMBER,
    Draft,
    QuotedEdit,
    TransformerBase,
    body_lines,
    quoted,
    spot,
)
from spectool.errors import InputError
from spectool.model.document import Note, SubItem, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.transformer import read_row

_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


class PartRules(TransformerBase):
    """Rows, Notes, sub-items, compound instructions and the header."""

    # Tables: rows named by the words of their first cell.
    def in_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.SUBSTITUTE, _row_key(children[0]))

    def omit_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.OMIT, _row_key(children[0]))

    def after_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.INSERT_AFTER, _row_key(children[0]))

    def before_row(self, children: list[Token]) -> _Row:
        return _Row(PartAction.INSERT_BEFORE, _row_key(children[0]))

    def in_table(self, children: list[object]) -> Draft:
        reference, *rest = children
        assert isinstance(reference, Token)
        number, _ = self._clause_ref(reference)
        row = next((child for child in rest if isinstance(child, _Row)), None)
        edit = next((child for child in rest if isinstance(child, QuotedEdit)), None)
        if edit is not None:
            place = Place(clause=number, table=True, row=row.key if row is not None else None)
            return self._text_operation(place, edit, spot(reference))
        assert row is not None
        body = next((child for child in rest if isinstance(child, list)), None)
        rows = self._rows(body) if body is not None else ()
        operation = RowEdit(number, row.key, row.action, rows)
        return Draft(operation, spot(reference), body=body_lines(body) if body else (0, 0))

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
    def substitute_header(self, children: list[Token]) -> Draft:
        field, value = children
        words = quoted(value).strip()
        if not words:
            self.problem(spot(value), f"the new {field} is empty: expected its words in quotation marks")
        elif str(field) == "version" and not _VERSION.fullmatch(words):
            self.problem(spot(value), f"'{words}' is not a version: expected e.g. \"5.1\"")
        elif str(field) == "date" and not _ISO_DATE.fullmatch(words):
            self.problem(spot(value), f"'{words}' is not a date: expected e.g. \"2027-06-01\"")
        return Draft(SubstituteHeader(str(field), words), spot(field), text_at=spot(value))

    # Notes: the Note to a clause, or the Note that opens a section.
    def _note_owner(self, token: Token) -> tuple[ClauseNumber | None, ClauseNumber | None]:
        if token.type == "CLAUSE_REF":
            return self._clause_ref(token)[0], None
        return None, ClauseNumber.parse(str(token))

    def in_note(self, children: list[object]) -> Draft:
        owner, edit = children
        assert isinstance(owner, Token) and isinstance(edit, QuotedEdit)
        clause, section = self._note_owner(owner)
        return self._text_operation(Place(clause=clause, note=True, section=section), edit, spot(owner))

    def omit_note(self, children: list[Token]) -> Draft:
        (owner,) = children
        clause, section = self._note_owner(owner)
        return Draft(NoteEdit(clause, section, PartAction.OMIT), spot(owner))

    def substitute_note(self, children: list[object]) -> Draft:
        return self._note_with_body(children, PartAction.SUBSTITUTE)

    def insert_note(self, children: list[object]) -> Draft:
        return self._note_with_body(children, PartAction.INSERT_AFTER)

    def _note_with_body(self, children: list[object], action: PartAction) -> Draft:
        owner, body = children
        assert isinstance(owner, Token) and isinstance(body, list)
        clause, section = self._note_owner(owner)
        note = self._note(body, (clause.parent if clause is not None else None) or section or clause)
        return Draft(NoteEdit(clause, section, action, note), spot(owner), body=body_lines(body))

    def _note(self, body: list[tuple[int, str]], number: ClauseNumber | None) -> Note:
        assert number is not None
        blocks = self._body(body, number)
        if len(blocks) == 1 and isinstance(blocks[0], Note):
            return blocks[0]
        if blocks:
            self._body_problem(blocks[0], body, 'the new text must be one Note: "Note: words"')
        return Note(Text(""))

    def reletter(self, children: list[Token]) -> str:
        return RELETTER

    # Compound instructions: one place, lettered text edits.
    def part(self, children: list[object]) -> tuple[Token, QuotedEdit]:
        label, edit = children
        assert isinstance(label, Token) and isinstance(edit, QuotedEdit)
        return label, edit

    # The place a compound instruction names, and where it is named: (Place, Spot).
    def compound_clause(self, children: list[Token]) -> tuple[Place, Spot]:
        (reference,) = children
        number, items = self._clause_ref(reference, allow_items=True)
        return Place(clause=number, items=items), spot(reference)

    def compound_definition(self, children: list[Token]) -> tuple[Place, Spot]:
        (term,) = children
        return Place(term=quoted(term)), spot(term)

    def compound_scope(self, children: list[tuple[Scope, Spot]]) -> tuple[Place, Spot]:
        ((scope, at),) = children
        return Place(scope=scope), at

    def compound_table(self, children: list[object]) -> tuple[Place, Spot]:
        reference, *rest = children
        assert isinstance(reference, Token)
        row = next((child.key for child in rest if isinstance(child, _Row)), None)
        return Place(clause=self._clause_ref(reference)[0], table=True, row=row), spot(reference)

    def compound_note(self, children: list[Token]) -> tuple[Place, Spot]:
        (owner,) = children
        clause, section = self._note_owner(owner)
        return Place(clause=clause, note=True, section=section), spot(owner)

    def compound_heading(self, children: list[Token]) -> tuple[Place, Spot]:
        (number,) = children
        return Place(heading=ClauseNumber.parse(str(number))), spot(number)

    def compound(self, children: list[object]) -> list[tuple[str, Draft]]:
        named, _, *parts = children
        assert isinstance(named, tuple)
        place, at = named
        assert isinstance(place, Place) and isinstance(at, Spot)
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
            drafts.append((letter, self._text_operation(place, edit, at)))
        return drafts

    def _item_draft(
        self,
        reference: Token,
        number: ClauseNumber,
        items: tuple[str, ...],
        action: PartAction,
        rest: list[object],
        body: list[tuple[int, str]] | None,
    ) -> Draft:
        """An instruction on a sub-item: `Omit clause 5.4.3.1(a).` and the like."""
        if RENUMBER in rest:
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
        operation = ItemEdit(number, items, action, new, RELETTER in rest)
        return Draft(operation, spot(reference), body=body_lines(body) if body else (0, 0))

    def _no_reletter(self, reference: Token, rest: list[object]) -> None:
        if RELETTER in rest:
            self.problem(
                spot(reference),
                "clauses are renumbered, sub-items re-lettered: expected 'and renumber the following "
                "clauses', or name a sub-item such as (a)",
            )
