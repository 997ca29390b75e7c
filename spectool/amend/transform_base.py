"""The common ground of the amendment's transformer: drafts of operations, where tokens stand in the
.amend file, and the helpers every rule uses (clause references, new text, problems)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, Transformer

from spectool.amend.fragment import body_problem, parse_body
from spectool.amend.model import NOWHERE, EditText, Occurrence, Operation, Place, Spot, TextEditKind
from spectool.errors import InputError, Problem
from spectool.model.document import Block
from spectool.model.numbers import ClauseNumber

_CLAUSE_REF = re.compile(r"([0-9A-Z.]+)((?:\([a-z]+\))*)")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
RENUMBER = "renumber"
RELETTER = "re-letter"


@dataclass(frozen=True, slots=True)
class QuotedEdit:
    """A text edit as read, its quoted words still tokens (where they stand is needed for messages)."""

    kind: TextEditKind
    occurrence: Occurrence
    anchor: Token
    text: Token | None
    within: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Draft:
    """An operation and where its parts stand, before the instruction's number is known."""

    operation: Operation
    clause_at: Spot
    anchor_at: Spot = NOWHERE
    text_at: Spot = NOWHERE
    body: tuple[int, int] = (0, 0)


def spot(token: Token) -> Spot:
    """Where a token stands; a token that wraps onto further lines is underlined on its first."""
    first_line = str(token).split("\n", 1)[0]
    return Spot(token.line or 0, token.column or 0, max(len(first_line), 1))


def quoted(token: Token) -> str:
    """The words between the quotation marks, a line break inside them read as one space."""
    return _LINE_BREAK.sub(" ", str(token)[1:-1])


def body_lines(body: list[tuple[int, str]]) -> tuple[int, int]:
    """The first and last line of quoted new text."""
    return (body[0][0], body[-1][0])


class TransformerBase(Transformer[Token, object]):
    """What every rule of grammars/amendment.lark may call on: problems, clause references, new text."""

    def __init__(self, path: str, source: tuple[str, ...]) -> None:
        super().__init__()
        self.path = path
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, at: Spot, message: str, hint: str = "") -> None:
        line = self.source[at.line - 1] if 0 < at.line <= len(self.source) else ""
        self.problems.append(Problem(self.path, at.line, at.column, message, line, at.width, hint))

    def _text_operation(self, place: Place, edit: QuotedEdit, at: Spot) -> Draft:
        text = quoted(edit.text) if edit.text is not None else ""
        if edit.kind is TextEditKind.SUBSTITUTE and edit.text is not None and not text.strip():
            self.problem(
                spot(edit.text),
                f"nothing to substitute: to take the words out, write 'omit {edit.anchor}'",
            )
        operation = EditText(place, edit.kind, quoted(edit.anchor), text, edit.occurrence, edit.within)
        text_at = spot(edit.text) if edit.text is not None else NOWHERE
        return Draft(operation, at, spot(edit.anchor), text_at)

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
