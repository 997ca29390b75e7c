"""Read the quoted new text of an instruction (clauses or a definition) with the spec grammar.

The body is wrapped in a spec header and the headings of its section, and padded with blank lines so
that its clauses parse at the very lines they stand on in the .amend file: findings and problems in
new text then point into the amendment. Columns are four less than in the file (the body's indent).
"""

from __future__ import annotations

from dataclasses import replace

from spectool.errors import InputError, Problem
from spectool.model.document import Block, Clause, Definition, SubItem
from spectool.model.numbers import ClauseNumber
from spectool.parsing.reader import parse_spec

BODY_INDENT = 4
_HEADER = ("---", "spec: AMENDMENT", "version: 0", "title: quoted text", "---")
GLOSSARY_SECTION = ClauseNumber((2,))
_STAND_IN = "(the clause the new sub-items stand in)"


def parse_body(
    body: list[tuple[int, str]],
    section: ClauseNumber,
    path: str,
    source: tuple[str, ...],
) -> tuple[Block, ...]:
    """The blocks of `body` ((line, text) pairs, text still indented) as they stand under `section`."""
    if not body:
        return ()
    prefix = [*_HEADER]
    for depth in range(1, section.depth + 1):
        number = ClauseNumber(section.parts[:depth])
        prefix.append(f"{'#' * depth} {number} Section {number}")
    first, last = body[0][0], body[-1][0]
    padding = max(first - 1 - len(prefix), 0)
    shift = first - (padding + len(prefix) + 1)  # 0 unless the body stands too near the top
    lines = [""] * padding + prefix + [""] * (last - first + 1)
    for line, text in body:
        lines[line - first + padding + len(prefix)] = text[BODY_INDENT:]
    try:
        spec = parse_spec("\n".join(lines) + "\n", path)
    except InputError as error:
        raise InputError([_in_file(problem, shift, path, source) for problem in error.problems]) from None
    blocks: list[Block] = []
    for found in spec.sections:
        if found.number != section and section.is_within(found.number) and not found.blocks:
            continue  # one of the headings written above the body
        if found.number != section:
            raise InputError(
                [
                    Problem(
                        path,
                        found.position.line + shift,
                        found.position.column + BODY_INDENT,
                        "quoted new text may hold clauses (with sub-items, notes and tables) or a "
                        "definition, not headings",
                        _line(source, found.position.line + shift),
                    )
                ]
            )
        blocks.extend(found.blocks)
    return tuple(blocks)


def parse_items(
    body: list[tuple[int, str]], clause: ClauseNumber, path: str, source: tuple[str, ...]
) -> tuple[SubItem, ...]:
    """The sub-items of `body`, written as the spec source writes them under clause `clause`
    ("  (aa) words", indented by four more): read under a stand-in line for the clause."""
    stand_in = (body[0][0] - 1, " " * BODY_INDENT + f"{clause} {_STAND_IN}")
    blocks = parse_body([stand_in, *body], clause.parent or clause, path, source)
    found = blocks[0] if len(blocks) == 1 and isinstance(blocks[0], Clause) else None
    if found is None or found.text.value != _STAND_IN or not found.items or found.attachments:
        raise InputError(
            [
                Problem(
                    path,
                    body[0][0],
                    1,
                    'the new text must be sub-items only, each written as in the spec: "      (aa) words"',
                    _line(source, body[0][0]),
                )
            ]
        )
    return found.items


def body_problem(
    block: Block | None,
    fallback_line: int,
    message: str,
    path: str,
    source: tuple[str, ...],
    *,
    width: int = 0,
) -> Problem:
    """A problem at a block of quoted new text (at its number or term), or at `fallback_line`."""
    if block is None or (isinstance(block, Clause | Definition) and block.position.line == 0):
        return Problem(path, fallback_line, 1, message, _line(source, fallback_line))
    position = block.position
    line = position.line
    column = position.column + BODY_INDENT
    if width == 0:
        width = len(str(block.number)) if isinstance(block, Clause) else 1
    return Problem(path, line, column, message, _line(source, line), width)


def _in_file(problem: Problem, shift: int, path: str, source: tuple[str, ...]) -> Problem:
    line = problem.line + shift
    column = problem.column + BODY_INDENT if problem.column else 0
    return replace(problem, path=path, line=line, column=column, source_line=_line(source, line))


def _line(source: tuple[str, ...], line: int) -> str:
    return source[line - 1] if 0 < line <= len(source) else ""
