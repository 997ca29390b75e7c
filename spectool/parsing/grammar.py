"""Load the Lark grammars once per process (LALR, contextual lexer)."""

from __future__ import annotations

from functools import cache

from lark import Lark

from spectool.resources import grammar_path


@cache
def lark_parser(name: str) -> Lark:
    """The LALR parser for grammars/<name>.lark, built once and reused."""
    path = grammar_path(name)
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        start="start",
    )
