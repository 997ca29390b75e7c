"""Load the Lark grammars once per process (LALR, contextual lexer)."""

from __future__ import annotations

from functools import cache

from lark import Lark, Transformer

from spectool.resources import grammar_path


@cache
def lark_parser(name: str, transformer: type[Transformer] | None = None) -> Lark:  # type: ignore[type-arg]
    """The LALR parser for grammars/<name>.lark, built once and reused.

    With a (stateless) transformer class, the parser calls it as it reduces each rule and
    builds no tree at all: about a third less time on a large spec.
    """
    path = grammar_path(name)
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        start="start",
        transformer=transformer() if transformer is not None else None,
    )
