"""Read an amendment: split it into pieces, parse each with grammars/amendment.lark, check the whole.

Every piece (the preamble, each heading, each numbered instruction) is parsed on its own, so a run
reports the first mistake in every instruction rather than the first in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lark import Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken

from spectool.amend.diagnostics import describe, start_rule
from spectool.amend.grammar import amendment_parser
from spectool.amend.model import Amendment, Instruction, Target
from spectool.amend.transform_base import spot
from spectool.amend.transformer import AmendmentTransformer, Field, Heading, Title
from spectool.errors import InputError, Problem
from spectool.inputs import read_input_bytes
from spectool.sources import decode_source

# Change-request fields: the key as written (any case) -> Amendment attribute.
COVER_FIELDS = {
    "author": "author",
    "date": "date",
    "reason for change": "reason",
    "summary of change": "summary",
    "consequences if not approved": "consequences",
    "specs affected": "specs_affected",
    "clauses affected": "clauses_affected",
    "implementation date": "implementation_date",
    "transitional provisions": "transitional_provisions",
}
FIELD_NAMES = (
    "Author",
    "Date",
    "Reason for change",
    "Summary of change",
    "Consequences if not approved",
    "Specs affected",
    "Clauses affected",
)
# Fields a change request may give, after the required ones.
OPTIONAL_FIELD_NAMES = ("Implementation date", "Transitional provisions")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_PIECE_START = re.compile(r"[0-9]+\.[ \t]|Amendments\b")
_INSTRUCTION_NUMBER = re.compile(r"([0-9]+)\.[ \t]")
_SKIPPED = re.compile(r"[ \t]*(//.*)?")


@dataclass(frozen=True, slots=True)
class _Unread:
    """An instruction that did not parse: its number still counts in the sequence."""

    number: int


@dataclass(frozen=True, slots=True)
class _Piece:
    first: int  # 1-based line numbers, inclusive
    last: int


def read_amendment(path: str | Path) -> Amendment:
    """Read one .amend file; InputError lists every problem found in it."""
    path = Path(path)
    data = read_input_bytes(path)
    return parse_amendment(decode_source(data, str(path)), str(path))


def parse_amendment(text: str, path: str = "<text>") -> Amendment:
    """Parse amendment source text; InputError lists every problem found."""
    lines = tuple(text.split("\n"))
    transformer = AmendmentTransformer(path, lines)
    problems = transformer.problems
    results: list[object] = []
    for piece in _pieces(lines):
        source = "\n" * (piece.first - 1) + "\n".join(lines[piece.first - 1 : piece.last]) + "\n"
        try:
            tree = amendment_parser().parse(source, start=start_rule(source))
        except UnexpectedInput as error:
            problems.append(_problem(error, path, lines, piece))
            number = _INSTRUCTION_NUMBER.match(lines[piece.first - 1])
            if number:
                results.append(_Unread(int(number[1])))
            continue
        assert isinstance(tree, Tree)
        results.append(transformer.transform(tree))
    if not results and not problems:
        problems.append(Problem(path, 1, 1, "the file is empty: expected 'Modification MP102A: title'"))
    amendment = _Builder(path, lines, problems).build(results)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: (problem.line, problem.column)))
    assert amendment is not None
    return amendment


def _pieces(lines: tuple[str, ...]) -> list[_Piece]:
    """The first piece starts at the first line that is not blank or a comment; the others at a
    heading or at a numbered instruction standing at the start of its line."""
    starts: list[int] = []
    for number, line in enumerate(lines, start=1):
        if (not starts and not _SKIPPED.fullmatch(line)) or (starts and _PIECE_START.match(line)):
            starts.append(number)
    ends = [start - 1 for start in starts[1:]] + [len(lines)] if starts else []
    return [_Piece(first, last) for first, last in zip(starts, ends, strict=True)]


def _problem(error: UnexpectedInput, path: str, lines: tuple[str, ...], piece: _Piece) -> Problem:
    message, width = describe(error)
    line = getattr(error, "line", 0) or 0
    column = getattr(error, "column", 0) or 0
    if (isinstance(error, UnexpectedToken) and error.token.type == "$END") or line < 1 or column < 1:
        line = max(
            (n for n in range(piece.first, piece.last + 1) if not _SKIPPED.fullmatch(lines[n - 1])),
            default=piece.first,
        )
        column, width = len(lines[line - 1]) + 1, 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return Problem(path, line, column, message, source, width)


class _Builder:
    """Checks what spans pieces: the change request's fields, targets and instruction numbering."""

    def __init__(self, path: str, lines: tuple[str, ...], problems: list[Problem]) -> None:
        self.path = path
        self.lines = lines
        self.problems = problems

    def problem(self, line: int, column: int, message: str, width: int = 1, hint: str = "") -> None:
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.append(Problem(self.path, line, column, message, source, width, hint))

    def build(self, results: list[object]) -> Amendment | None:
        title: Title | None = None
        cover: dict[str, str] = {}
        targets: list[tuple[Heading, list[Instruction | _Unread]]] = []
        for result in results:
            if isinstance(result, tuple):
                title, fields = result
                cover = self._cover(title, fields)
            elif isinstance(result, Heading):
                targets.append((result, []))
            elif isinstance(result, list) and targets:
                targets[-1][1].extend(part for part in result if isinstance(part, Instruction))
            elif isinstance(result, Instruction | _Unread):
                if targets:
                    targets[-1][1].append(result)
                elif isinstance(result, Instruction):
                    self.problem(
                        result.line,
                        1,
                        "an instruction before any target: expected 'Amendments to SMETS2 4.2' above it",
                    )
        if title is None:
            if not self.problems:
                self.problem(
                    1, 1, "an amendment starts with its title: expected 'Modification MP102A: title'"
                )
            return None
        built = tuple(self._target(heading, instructions) for heading, instructions in targets)
        if not built and not self.problems:
            self.problem(
                len(self.lines),
                1,
                "no instructions: expected 'Amendments to SMETS2 4.2' and below it '1. ...'",
            )
        self._check_specs_affected(cover.get("specs_affected", ""), built)
        return Amendment(
            id=title.id,
            title=title.text,
            targets=built,
            path=self.path,
            lines=self.lines,
            **{attribute: cover.get(attribute, "") for attribute in COVER_FIELDS.values()},
        )

    def _cover(self, title: Title, fields: list[Field]) -> dict[str, str]:
        cover: dict[str, str] = {}
        for field in fields:
            attribute = COVER_FIELDS.get(field.key.lower())
            at = spot(field.token)
            if attribute is None:
                self.problem(
                    at.line,
                    at.column,
                    f"unknown change request field '{field.key}': expected one of "
                    f"{', '.join((*FIELD_NAMES, *OPTIONAL_FIELD_NAMES))}",
                    len(field.key),
                )
            elif attribute in cover:
                self.problem(at.line, at.column, f"the field '{field.key}' is given twice", len(field.key))
            elif not field.value:
                self.problem(at.line, at.column, f"the field '{field.key}' is empty", len(field.key))
            elif attribute == "implementation_date" and not _ISO_DATE.fullmatch(field.value):
                self.problem(
                    at.line,
                    at.column,
                    "the implementation date is not a date: expected e.g. '2027-06-01'",
                    len(field.key),
                )
            else:
                cover[attribute] = field.value
        if cover.get("implementation_date", "9") < cover.get("date", "") and _ISO_DATE.fullmatch(
            cover["date"]
        ):
            self.problem(
                title.token.line or 1,
                1,
                f"the implementation date {cover['implementation_date']} comes before the change request's "
                f"date {cover['date']}",
            )
        missing = [name for name in FIELD_NAMES if COVER_FIELDS[name.lower()] not in cover]
        if missing:
            self.problem(
                title.token.line or 1,
                1,
                f"the change request lacks {', '.join(missing)}",
                hint="a change request gives every field: " + ", ".join(FIELD_NAMES),
            )
        return cover

    def _target(self, heading: Heading, pieces: list[Instruction | _Unread]) -> Target:
        versions = tuple(str(token) for token in heading.versions)
        for index, token in enumerate(heading.versions):
            if str(token) in versions[:index]:
                self.problem(
                    token.line or 0, token.column or 0, f"version {token} is named twice", len(token)
                )
        if not pieces:
            label = f"{heading.spec} {', '.join(versions)}"
            message = f"no instructions under 'Amendments to {label}': expected '1. ...'"
            self.problem(spot(heading.spec).line, 1, message)
        expected = 0
        for index, instruction in enumerate(pieces):
            previous = pieces[index - 1] if index else None
            # The parts of a compound instruction share its number.
            if not (
                isinstance(previous, Instruction)
                and isinstance(instruction, Instruction)
                and instruction.part
                and instruction.number == previous.number
            ):
                expected += 1
            if isinstance(instruction, Instruction) and instruction.number != expected:
                self.problem(
                    instruction.line,
                    instruction.at.column,
                    f"instruction {instruction.number} is out of sequence: expected {expected}.",
                    instruction.at.width,
                    "instructions under each 'Amendments to' heading are numbered 1, 2, 3 ...",
                )
        return Target(
            spec=str(heading.spec),
            versions=versions,
            instructions=tuple(item for item in pieces if isinstance(item, Instruction)),
            at=spot(heading.spec),
            version_spots=tuple(spot(token) for token in heading.versions),
        )

    def _check_specs_affected(self, written: str, targets: tuple[Target, ...]) -> None:
        """The cover sheet must name the very spec versions the instructions amend."""
        if not written:
            return
        named = set(parse_specs_affected(written))
        amended = {key for target in targets for key in target.keys}
        if named == amended:
            return
        line = next(
            (n for n, text in enumerate(self.lines, start=1) if text.lower().startswith("specs affected")), 1
        )
        parts = []
        if amended - named:
            parts.append(f"it leaves out {', '.join(sorted(amended - named))}")
        if named - amended:
            parts.append(f"no instruction amends {', '.join(sorted(named - amended))}")
        self.problem(line, 1, f"'Specs affected' does not match the targets: {'; '.join(parts)}", 14)


def parse_specs_affected(text: str) -> list[str]:
    """`SMETS2 4.2, 5.0; CHTS 1.5` -> ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]."""
    keys: list[str] = []
    for group in text.split(";"):
        words = group.replace(",", " ").replace(" and ", " ").split()
        if words:
            keys.extend(f"{words[0]}@{version.removeprefix('v')}" for version in words[1:])
    return keys
