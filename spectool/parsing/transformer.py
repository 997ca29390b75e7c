"""Turn the parse tree's line tokens into model nodes; the builder then nests them in sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, Transformer

from spectool.model.document import (
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Position,
    SubItem,
    Table,
    Text,
)
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references

_CLAUSE_HEAD = re.compile(r"([0-9]+[A-Z]{0,3}(?:\.[0-9]+[A-Z]{0,3})+)\.?[ \t]+")
# "## 5.5A Title": a part's capital letters number an inserted section, when they end the number.
_HEADING_PART = r"[0-9]{1,9}(?:[A-Z]{1,3}(?![A-Za-z]))?"
_HEADING_HEAD = re.compile(rf"(#+)[ \t]+({_HEADING_PART}(?:\.{_HEADING_PART})*(?![0-9]))?\.?[ \t]*")
_LABEL_HEAD = re.compile(r"(#+)[ \t]+\[([^\]\n]*)\][ \t]*")
_PARAGRAPH_HEAD = re.compile(r"> (?:\[([^\]\n]*)\] ?)?")
_FOOTNOTE_HEAD = re.compile(r"(Footnote|Endnote) ([0-9]+):[ \t]*")
_PLACEHOLDER = re.compile(r"(Image|Chart|Equation|Object): (.*?)(?:[ \t]+--[ \t]+(.*))?$")
_ITEM_HEAD = re.compile(r"[ \t]*\(([a-z]+)\)[ \t]+")
_DEFINITION_HEAD = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d][ \t]+")
_NOTE_HEAD = re.compile(r"Note(?: ([0-9]+))?:[ \t]*")
_SUPPRESSION = re.compile(
    r"//[ \t]*spectool-disable:[ \t]*(?P<codes>[^-]*?)[ \t]*(?:--[ \t]*(?P<reason>.*))?$"
)


@dataclass(frozen=True, slots=True)
class Line:
    """A piece of running text from one source line and where it starts."""

    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    value: str
    token: Token


@dataclass(frozen=True, slots=True)
class HeadingDraft:
    """A numbered heading, which opens a section (or, without a number, is a problem)."""

    level: int
    number: ClauseNumber | None
    title: str
    token: Token
    title_column: int = 0


@dataclass(frozen=True, slots=True)
class ClauseDraft:
    """A clause before the builder attaches its notes, tables and suppressions."""

    number: ClauseNumber
    text: Text
    items: tuple[SubItem, ...]
    token: Token


@dataclass(frozen=True, slots=True)
class RowDraft:
    cells: tuple[str, ...]
    token: Token
    starts: tuple[tuple[int, int], ...]  # (line, column) where each cell's text begins


@dataclass(frozen=True, slots=True)
class TableDraft:
    title: str
    rows: tuple[RowDraft, ...]
    token: Token


@dataclass(frozen=True, slots=True)
class Stray:
    """A line the format has no place for."""

    token: Token


@dataclass(frozen=True, slots=True)
class ProvenanceDraft:
    """The `Provenance:` side table, line by line, before the builder reads it."""

    token: Token
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Comment:
    codes: tuple[str, ...]
    reason: str
    is_suppression: bool
    token: Token


def token_position(token: Token) -> Position:
    line = token.line or 0
    column = token.column or 0
    end_line = token.end_line or line
    end_column = token.end_column or column + len(token)
    return Position(line, column, end_line, end_column)


def _rest(token: Token, head: re.Match[str]) -> Line:
    return Line(str(token)[head.end() :].rstrip(), token.line or 0, (token.column or 0) + head.end())


def _text(first: Line, continuations: list[Line]) -> Text:
    lines = [first, *continuations]
    return Text("\n".join(line.text for line in lines), tuple((line.line, line.column) for line in lines))


def _split(children: list[object]) -> tuple[list[Line], list[SubItem]]:
    lines = [child for child in children if isinstance(child, Line)]
    items = [child for child in children if isinstance(child, SubItem)]
    return lines, items


class SpecTransformer(Transformer[Token, object]):
    """Bottom-up: each rule of grammars/spec.lark becomes a model node or a draft of one."""

    def field(self, children: list[Token]) -> Field:
        (token,) = children
        key, _, value = str(token).partition(":")
        return Field(key.strip(), value.strip(), token)

    def header(self, children: list[object]) -> list[Field]:
        return [child for child in children if isinstance(child, Field)]

    def heading(self, children: list[Token]) -> HeadingDraft | Heading:
        (token,) = children
        labelled = _LABEL_HEAD.match(str(token))
        if labelled is not None:  # "## [Annex B] Title", "## [] Title": a heading that opens no section
            title = str(token)[labelled.end() :].strip()
            start = (token.line or 0, (token.column or 1) + labelled.end())
            return Heading(len(labelled[1]), title, labelled[2].strip(), token_position(token), start)
        head = _HEADING_HEAD.match(str(token))
        assert head is not None  # the HEADING terminal guarantees the leading hashes
        number = ClauseNumber.parse(head[2]) if head[2] else None
        title = str(token)[head.end() :].strip()
        return HeadingDraft(len(head[1]), number, title, token, (token.column or 1) + head.end())

    def paragraph(self, children: list[object]) -> Paragraph:
        token = children[0]
        assert isinstance(token, Token)
        head = _PARAGRAPH_HEAD.match(str(token))
        assert head is not None
        lines, items = _split(children[1:])
        text = _text(_rest(token, head), lines)
        label = (head[1] or "").strip()
        return Paragraph(text, label, tuple(items), find_references(text), token_position(token))

    def contents(self, children: list[object]) -> Contents:
        token = children[0]
        assert isinstance(token, Token)
        lines, _ = _split(children[1:])
        return Contents(tuple(line.text for line in lines), token_position(token))

    def provenance(self, children: list[object]) -> ProvenanceDraft:
        token = children[0]
        assert isinstance(token, Token)
        lines, _ = _split(children[1:])
        return ProvenanceDraft(token, tuple(lines))

    def footnote(self, children: list[object]) -> Footnote:
        token = children[0]
        assert isinstance(token, Token)
        head = _FOOTNOTE_HEAD.match(str(token))
        assert head is not None
        lines, _ = _split(children[1:])
        text = _text(_rest(token, head), lines)
        return Footnote(head[1], head[2], text, find_references(text), token_position(token))

    def placeholder(self, children: list[Token]) -> Placeholder:
        (token,) = children
        match = _PLACEHOLDER.match(str(token).rstrip())
        assert match is not None
        return Placeholder(match[1], match[2].strip(), (match[3] or "").strip(), token_position(token))

    def continuation(self, children: list[Token]) -> Line:
        (token,) = children
        raw = str(token)
        stripped = raw.lstrip()
        return Line(stripped.rstrip(), token.line or 0, (token.column or 0) + len(raw) - len(stripped))

    def _item(self, children: list[object]) -> SubItem:
        token = children[0]
        assert isinstance(token, Token)
        head = _ITEM_HEAD.match(str(token))
        assert head is not None  # the item terminals guarantee "(label) "
        lines, items = _split(children[1:])
        text = _text(_rest(token, head), lines)
        return SubItem(head[1], text, tuple(items), find_references(text), token_position(token))

    item = _item
    subitem = _item

    def clause(self, children: list[object]) -> ClauseDraft:
        token = children[0]
        assert isinstance(token, Token)
        head = _CLAUSE_HEAD.match(str(token))
        assert head is not None
        lines, items = _split(children[1:])
        number = ClauseNumber.parse(head[1])
        return ClauseDraft(number, _text(_rest(token, head), lines), tuple(items), token)

    def definition(self, children: list[object]) -> Definition:
        token = children[0]
        assert isinstance(token, Token)
        head = _DEFINITION_HEAD.match(str(token))
        assert head is not None
        lines, items = _split(children[1:])
        text = _text(_rest(token, head), lines)
        return Definition(
            term=head[1].strip(),
            text=text,
            items=tuple(items),
            references=find_references(text),
            position=token_position(token),
        )

    def note(self, children: list[object]) -> Note:
        token = children[0]
        assert isinstance(token, Token)
        head = _NOTE_HEAD.match(str(token))
        assert head is not None
        lines, _ = _split(children[1:])
        text = _text(_rest(token, head), lines)
        return Note(text, head[1] or "", find_references(text), token_position(token))

    def row(self, children: list[Token]) -> RowDraft:
        (token,) = children
        raw = str(token)
        body = raw.rstrip()
        if body.endswith("|") and not body.endswith("\\|") and len(body) > 1:
            body = body[:-1]
        cells: list[str] = []
        starts: list[tuple[int, int]] = []
        offset = 1
        for piece in _CELL_SPLIT.split(body[1:]):
            lead = len(piece) - len(piece.lstrip())
            cells.append(read_cell(piece))
            starts.append((token.line or 0, (token.column or 1) + offset + lead))
            offset += len(piece) + 1
        return RowDraft(tuple(cells), token, tuple(starts))

    def table(self, children: list[object]) -> TableDraft:
        token = children[0]
        assert isinstance(token, Token)
        rows = tuple(child for child in children[1:] if isinstance(child, RowDraft))
        return TableDraft(str(token).partition(":")[2].strip(), rows, token)

    def comment(self, children: list[Token]) -> Comment:
        (token,) = children
        match = _SUPPRESSION.match(str(token).rstrip())
        if match is None:
            return Comment((), "", False, token)
        codes = tuple(code for code in re.split(r"[\s,]+", match["codes"]) if code)
        return Comment(codes, (match["reason"] or "").strip(), True, token)

    def stray(self, children: list[Token]) -> Stray:
        return Stray(children[0])

    def start(self, children: list[object]) -> list[object]:
        return children


# Cells split at "|" unless escaped as "\\|"; a cell's paragraphs are joined by "<br>" in the source.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
CELL_BREAK = "<br>"


def read_row(line: str) -> tuple[str, ...]:
    """The cells of a source row, `| G07 | words | no |`."""
    body = line.rstrip()
    if body.endswith("|") and not body.endswith("\\|") and len(body) > 1:
        body = body[:-1]
    return tuple(read_cell(piece) for piece in _CELL_SPLIT.split(body[1:]))


def read_cell(raw: str) -> str:
    """A source cell as model text: "\\|" is a bar, "<br>" a paragraph break."""
    parts = [part.strip().replace("\\|", "|") for part in raw.split(CELL_BREAK)]
    return "\n".join(parts)


def write_cell(text: str) -> str:
    """The inverse of read_cell."""
    return CELL_BREAK.join(part.replace("|", "\\|") for part in text.split("\n"))


def is_separator_row(cells: tuple[str, ...]) -> bool:
    """`| --- | :---: |`, the line under a table's header."""
    return all(cell and set(cell) <= set("-: ") for cell in cells)


def build_table(draft: TableDraft) -> Table:
    """Every row before the first separator row is a header row; without a separator, the first one."""
    rows = [row.cells for row in draft.rows]
    separator = next((index for index, row in enumerate(rows) if is_separator_row(row)), None)
    kept = [row for row in draft.rows if not is_separator_row(row.cells)]
    cells = [row.cells for row in kept]
    heads = max(separator or 1, 1) if cells else 0
    header = cells[0] if cells else ()
    return Table(
        draft.title,
        header,
        tuple(cells[heads:]),
        token_position(draft.token),
        tuple(cells[1:heads]),
        tuple(row.starts for row in kept),
    )
