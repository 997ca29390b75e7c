"""Nest the transformer's blocks into sections and check what the grammar cannot: numbering, header keys."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lark import Token

from spectool.errors import Problem
from spectool.model.document import (
    Block,
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Section,
    Spec,
    Suppression,
)
from spectool.model.numbers import ClauseNumber
from spectool.parsing.provenance import SOURCE_KEYS, read_origins, read_source
from spectool.parsing.references import find_references
from spectool.parsing.transformer import (
    ClauseDraft,
    Comment,
    Field,
    HeadingDraft,
    ProvenanceDraft,
    Stray,
    TableDraft,
    build_table,
    is_separator_row,
    token_position,
)

REQUIRED_KEYS = ("spec", "version", "title")
OPTIONAL_KEYS = ("status", "date", *SOURCE_KEYS)


@dataclass
class _OpenSection:
    heading: HeadingDraft
    blocks: list[Block] = field(default_factory=list)


class SpecBuilder:
    """Collects problems instead of stopping at the first, so one run reports them all."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []
        self.provenance: ProvenanceDraft | None = None

    def report(self, token: Token, message: str, column: int, width: int) -> None:
        self.problem(token, message, column=column, width=width)

    def problem(self, token: Token, message: str, *, column: int = 0, width: int = 0, hint: str = "") -> None:
        line = token.line or 0
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        col = column or (token.column or 1)
        self.problems.append(
            Problem(
                self.path,
                line,
                col,
                message,
                source,
                width or max(len(str(token).strip()), 1),
                hint,
            )
        )

    def build(self, children: list[object]) -> Spec:
        fields = children[0] if children and isinstance(children[0], list) else []
        header = self._header(fields)
        front: list[Block] = []
        sections = self._sections(children[1:], front)
        source_field = next((item.token for item in fields if item.key.lower() in SOURCE_KEYS), None)
        return Spec(
            name=header.get("spec", ""),
            version=header.get("version", ""),
            title=header.get("title", ""),
            status=header.get("status", ""),
            date=header.get("date", ""),
            sections=sections,
            front=tuple(front),
            path=self.path,
            source=read_source(header, source_field, self.report),
            origins=read_origins(self.provenance, self.report) if self.provenance is not None else (),
        )

    def _header(self, fields: list[Field]) -> dict[str, str]:
        values: dict[str, str] = {}
        for item in fields:
            key = item.key.lower()
            if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
                known = ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)
                self.problem(
                    item.token,
                    f"unknown header key '{item.key}': expected one of {known}",
                    width=len(item.key),
                )
            elif key in values:
                self.problem(item.token, f"header key '{key}' is given twice", width=len(item.key))
            elif not item.value:
                self.problem(item.token, f"header key '{key}' has no value", width=len(item.key))
            else:
                values[key] = item.value
        missing = [key for key in REQUIRED_KEYS if key not in values]
        if missing and fields:
            self.problem(
                fields[-1].token,
                f"the header lacks {', '.join(missing)}",
                hint="a header names the spec, its version and its title",
            )
        return values

    def _sections(self, blocks: list[object], front: list[Block]) -> tuple[Section, ...]:
        """Sections in order; free blocks before the first numbered heading go to `front`."""
        sections: list[_OpenSection] = []
        stack: list[ClauseNumber] = []
        seen: dict[ClauseNumber, int] = {}
        pending: list[Suppression] = []
        for block in blocks:
            if isinstance(block, Stray):
                self._stray(block)
                continue
            if isinstance(block, ProvenanceDraft):
                if self.provenance is not None:
                    self.problem(block.token, "a second 'Provenance:' table: a spec has one")
                self.provenance = self.provenance or block
                continue
            if isinstance(block, Comment):
                if block.is_suppression:
                    pending.append(self._suppression(block))
                continue
            if isinstance(block, HeadingDraft):
                if pending:
                    self.problem(
                        block.token,
                        "a suppression comment must stand just before a clause or definition",
                    )
                    pending.clear()
                if self._check_heading(block, stack, seen):
                    assert block.number is not None
                    del stack[block.number.depth - 1 :]
                    stack.append(block.number)
                sections.append(_OpenSection(block))
                continue
            if isinstance(block, Paragraph | Heading | Contents | Placeholder):
                if pending:
                    self.problem(
                        self._token_of(block),
                        "a suppression comment must stand just before a clause or definition",
                    )
                    pending.clear()
                (sections[-1].blocks if sections else front).append(block)
                continue
            if not sections:
                if isinstance(block, Note | TableDraft | Footnote):
                    if isinstance(block, TableDraft):
                        self._check_table(block)
                    front.append(build_table(block) if isinstance(block, TableDraft) else block)
                    continue
                token = self._token_of(block)
                self.problem(
                    token,
                    "a clause or definition before the first numbered heading: expected a heading such as "
                    "'# 1 Introduction' (free text before it is written '> text')",
                )
                continue
            current = sections[-1]
            if isinstance(block, ClauseDraft):
                clause = self._clause(block, stack, seen, tuple(pending))
                pending.clear()
                current.blocks.append(clause)
            elif isinstance(block, Definition):
                definition = replace(block, suppressions=tuple(pending))
                pending.clear()
                current.blocks.append(definition)
            elif isinstance(block, Note | TableDraft | Footnote):
                attachment = build_table(block) if isinstance(block, TableDraft) else block
                if isinstance(block, TableDraft):
                    self._check_table(block)
                owner = current.blocks[-1] if current.blocks else None
                if isinstance(owner, Clause | Definition):
                    # A note or table belongs to the clause or definition it follows.
                    current.blocks[-1] = replace(owner, attachments=(*owner.attachments, attachment))
                else:
                    current.blocks.append(attachment)
        if pending:
            self.problem(
                self._token_of(blocks[-1]) if blocks else Token("X", ""),
                "a suppression comment at the end of the file applies to nothing",
            )
        return tuple(
            Section(
                number=open_section.heading.number or ClauseNumber((0,)),
                title=open_section.heading.title,
                blocks=tuple(open_section.blocks),
                position=token_position(open_section.heading.token),
                title_start=(open_section.heading.token.line or 0, open_section.heading.title_column),
            )
            for open_section in sections
            if open_section.heading.number is not None
        )

    def _check_heading(
        self, heading: HeadingDraft, stack: list[ClauseNumber], seen: dict[ClauseNumber, int]
    ) -> bool:
        token = heading.token
        if heading.number is None:
            self.problem(
                token,
                "a heading needs a section number: expected '## 5.7 Title'",
                column=(token.column or 1) + heading.level + 1,
            )
            return False
        number = heading.number
        if heading.level != number.depth:
            self.problem(
                token,
                f"heading {number} has {heading.level} '#' but its number has {number.depth} level(s): "
                f"expected {'#' * number.depth} {number}",
                width=heading.level,
            )
            return False
        parent = number.parent
        if parent is not None and (len(stack) < parent.depth or stack[parent.depth - 1] != parent):
            under = stack[parent.depth - 1] if len(stack) >= parent.depth else None
            where = f"section {under}" if under else "no enclosing section"
            self.problem(
                token,
                f"section {number} stands under {where}: expected a heading {parent} before it",
                column=(token.column or 1) + heading.level + 1,
                width=len(str(number)),
            )
        return self._check_unique(token, number, seen, "section", heading.level + 2)

    def _check_unique(
        self,
        token: Token,
        number: ClauseNumber,
        seen: dict[ClauseNumber, int],
        kind: str,
        offset: int,
    ) -> bool:
        first = seen.get(number)
        if first is not None:
            self.problem(
                token,
                f"{kind} {number} is numbered twice (first at line {first})",
                column=(token.column or 1) + offset - 1,
                width=len(str(number)),
            )
            return False
        seen[number] = token.line or 0
        return True

    def _clause(
        self,
        draft: ClauseDraft,
        stack: list[ClauseNumber],
        seen: dict[ClauseNumber, int],
        suppressions: tuple[Suppression, ...],
    ) -> Clause:
        number = draft.number
        section = stack[-1] if stack else None
        # A clause may stand deeper than its heading (3.2.1 directly under section 3), never outside it.
        if section is not None and not (number.depth > section.depth and number.is_within(section)):
            self.problem(
                draft.token,
                f"clause {number} does not belong to section {section}: expected a number {section}.N",
                width=len(str(number)),
            )
        self._check_unique(draft.token, number, seen, "clause", 1)
        return Clause(
            number=number,
            text=draft.text,
            items=draft.items,
            references=find_references(draft.text),
            suppressions=suppressions,
            position=token_position(draft.token),
        )

    def _suppression(self, comment: Comment) -> Suppression:
        if not comment.codes:
            self.problem(
                comment.token,
                "a suppression names no rule: expected '// spectool-disable: CODE -- reason'",
            )
        if not comment.reason:
            self.problem(
                comment.token,
                "a suppression must give its reason after '--'",
                hint="// spectool-disable: TERM002 -- quoting the withdrawn wording on purpose",
            )
        return Suppression(comment.codes, comment.reason, token_position(comment.token))

    def _stray(self, stray: Stray) -> None:
        text = str(stray.token)
        stripped = text.lstrip()
        if stripped != text:
            self.problem(
                stray.token,
                "an indented line with nothing above it to continue or hold it: "
                "expected it after a clause, definition, sub-item or note",
                column=(stray.token.column or 1) + len(text) - len(stripped),
                width=len(stripped),
            )
        elif stripped.startswith("End Table"):
            self.problem(stray.token, "'End Table' with no table open")
        elif stripped.startswith("|"):
            self.problem(stray.token, "a table row outside a table: expected 'Table: title' before it")
        else:
            self.problem(
                stray.token,
                "this line is not a heading, clause, definition, note, table or "
                "comment: expected e.g. '## 5.7 Title', '5.7.1 ESME shall ...' or 'Note: ...'",
                hint="a line that continues a paragraph is indented",
            )

    def _check_table(self, draft: TableDraft) -> None:
        rows = [(row.cells, row.token) for row in draft.rows if not is_separator_row(row.cells)]
        if not rows:
            self.problem(draft.token, "a table needs a header row: expected '| Code | Name |' after 'Table:'")
            return
        width = len(rows[0][0])
        for cells, token in rows[1:]:
            if len(cells) != width:
                self.problem(token, f"this row has {len(cells)} cell(s) but the table's header has {width}")

    @staticmethod
    def _token_of(block: object) -> Token:
        token = getattr(block, "token", None)
        if isinstance(token, Token):
            return token
        position = getattr(block, "position", None)
        line = getattr(position, "line", 0)
        column = getattr(position, "column", 0)
        return Token("BLOCK", "", line=line, column=column)
