"""Read spec sources: decode, parse with grammars/spec.lark, build the model, report every problem."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lark import Token
from lark.exceptions import UnexpectedInput, UnexpectedToken

from spectool.collector import collector_paused
from spectool.errors import InputError, Problem, UsageError
from spectool.inputs import read_input_bytes
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.parsing.builder import SpecBuilder
from spectool.parsing.diagnostics import describe
from spectool.parsing.grammar import lark_parser
from spectool.parsing.transformer import SpecTransformer
from spectool.sources import MAX_PROBLEMS, SPEC_SUFFIX, decode_source, expand_spec_paths


def read_spec(path: str | Path) -> Spec:
    """Parse one spec source file; InputError lists every problem found in it."""
    path = Path(path)
    data = read_input_bytes(path)
    return parse_spec(decode_source(data, str(path)), str(path))


def load_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Every spec source at `paths` (files, or folders of *.spec) parsed into one corpus."""
    return Corpus(tuple(read_specs(paths)))


def read_specs(paths: Iterable[str | Path]) -> list[Spec]:
    """Parse files and folders (every *.spec below a folder, in name order); all problems at once."""
    specs: list[Spec] = []
    problems: list[Problem] = []
    paths = list(paths)
    for folder in (Path(path) for path in paths):
        if folder.is_dir() and not expand_spec_paths([folder]):
            raise UsageError(f"{folder}: no {SPEC_SUFFIX} files in this folder or below it")
    for path in expand_spec_paths(paths):
        try:
            specs.append(read_spec(path))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return specs


def parse_spec(text: str, path: str = "<text>") -> Spec:
    """Parse spec source text; InputError lists every problem the parser could recover from."""
    lines = text.split("\n")
    if not text.strip():
        raise InputError([Problem(path, 1, 1, "the file is empty: expected a header starting with '---'")])
    if not text.endswith("\n"):
        text += "\n"
    problems: list[Problem] = []

    def recover(error: UnexpectedInput) -> bool:
        problems.append(_problem(error, path, lines))
        if len(problems) >= MAX_PROBLEMS or not isinstance(error, UnexpectedToken):
            return False
        if "FIELD" in error.expected or "FENCE" in error.expected:
            return False  # a broken header leaves nothing sensible to read after it
        if "END_TABLE" in error.expected:
            # Close the table the author left open, then read the line again in its own right.
            parser = error.interactive_parser
            parser.feed_token(Token("END_TABLE", "End Table"))
            parser.feed_token(Token("_NL", "\n"))
            if error.token.type != "$END":
                parser.feed_token(error.token)
        return True

    with collector_paused():
        try:
            blocks = lark_parser("spec", SpecTransformer).parse(text, on_error=recover)
        except UnexpectedInput:
            blocks = None  # already recorded by `recover`, which declined to go on
        if not isinstance(blocks, list):
            raise InputError(problems or [Problem(path, 1, 1, "cannot read this file")])
        builder = SpecBuilder(path, lines)
        spec = builder.build(blocks)
    problems.extend(builder.problems)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: (problem.line, problem.column)))
    return spec


def _problem(error: UnexpectedInput, path: str, lines: list[str]) -> Problem:
    message, width = describe(error)
    line = getattr(error, "line", 0) or 0
    column = getattr(error, "column", 0) or 0
    if isinstance(error, UnexpectedToken) and error.token.type == "$END":
        line, column, width = len(lines), 1, 1
    if line < 1 or column < 1:  # lark reports -1 for positions at the end of input
        line, column = len(lines), 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return Problem(path, line, column, message, source, width)
