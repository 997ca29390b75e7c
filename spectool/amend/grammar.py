"""Load grammars/amendment.lark once per process (LALR, contextual lexer, one start rule per piece)."""

from __future__ import annotations

from functools import cache

from lark import Lark

from spectool.resources import grammar_path

# The pieces an amendment is read in: see grammars/amendment.lark.
START_RULES = ("preamble", "heading", "instruction")


@cache
def amendment_parser() -> Lark:
    """The LALR parser for grammars/amendment.lark, built once and reused."""
    return Lark(
        grammar_path("amendment").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        start=list(START_RULES),
    )
