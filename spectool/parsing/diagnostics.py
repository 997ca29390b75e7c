"""Explain a Lark parse error in the words of the spec format: what was found, what was expected."""

from __future__ import annotations

from functools import cache

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

# What each terminal of grammars/spec.lark looks like to a drafter.
EXPECTED_WORDS = {
    "FENCE": "'---'",
    "FIELD": "a header field such as 'version: 4.2'",
    "HEADING": "a heading such as '## 5.7 Power Supply'",
    "CLAUSE": "a numbered clause such as '5.7.1 ESME shall ...'",
    "DEFINITION": "a definition such as '\"Supply Outage\" means ...'",
    "NOTE": "'Note: ...'",
    "TABLE": "'Table: title'",
    "END_TABLE": "'End Table'",
    "ROW": "a table row '| ... |'",
    "COMMENT": "a comment '// ...'",
    "LETTER_ITEM": "a sub-item '(a) ...' indented two spaces",
    "ROMAN_ITEM": "a sub-item '(i) ...' indented four spaces",
    "CONTINUATION": "an indented continuation line",
    "$END": "the end of the file",
}

FOUND_WORDS = {
    "STRAY_LINE": "a line that is no heading, clause, definition, note, table or comment",
    "CONTINUATION": "an indented line with no paragraph to continue",
    "LETTER_ITEM": "a sub-item with no clause or definition above it",
    "ROMAN_ITEM": "a roman sub-item with no lettered sub-item above it",
    "ROW": "a table row outside a table",
    "END_TABLE": "'End Table' with no table open",
    "FENCE": "a second header",
    "$END": "the end of the file",
}

# Malformed samples for the situations worth a message of their own. lark's `match_examples`
# matches an error against these by parser state; tests/parsing/test_errors.py parses each sample.
_HEADER = "---\nspec: SMETS2\nversion: 4.2\ntitle: T\n---\n# 5 ESME\n## 5.7 Power Supply\n"
ERROR_EXAMPLES: dict[str, list[str]] = {
    "unclosed table: expected a table row or 'End Table'": [
        _HEADER + "5.7.1 ESME shall work.\nTable: Alerts\n| Code | Name |\n5.7.2 ESME shall x.\n",
        _HEADER + "5.7.1 ESME shall work.\nTable: Alerts\n| Code | Name |\n",
        _HEADER + "Table: Alerts\n| Code | Name |\n## 5.8 Other\n",
    ],
    "the header is not closed: expected a field such as 'version: 4.2' or '---'": [
        "---\nspec: SMETS2\nversion: 4.2\n# 5 ESME\n",
        "---\nspec: SMETS2\nthis is not a field\n---\n",
        "---\nspec: SMETS2\n",
    ],
    "a spec source starts with a header: expected '---' on the first line": [
        "# 5 ESME\n",
        "5.7.1 ESME shall work.\n",
        "spec: SMETS2\n",
    ],
}


def describe(error: UnexpectedInput, examples: dict[str, list[str]] | None = None) -> tuple[str, int]:
    """A message for `error` and how many characters to underline."""
    if isinstance(error, UnexpectedToken):
        found = error.token
        width = max(len(str(found).rstrip()), 1)
        special = _match_example(error, examples)
        if special:
            return special, width
        expected = _expected(error.expected)
        what = FOUND_WORDS.get(found.type, f"'{str(found).strip()}'")
        return f"unexpected {what}: expected {expected}", width
    if isinstance(error, UnexpectedCharacters):
        return (
            f"unexpected character {error.char!r}: expected {_expected(error.allowed or set())}",
            1,
        )
    if isinstance(error, UnexpectedEOF):
        return f"unexpected end of file: expected {_expected(set(error.expected))}", 1
    return str(error), 1


def _expected(names: set[str]) -> str:
    words = sorted({EXPECTED_WORDS.get(name, name) for name in names if not name.startswith("_")})
    if not words:
        return "something else"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _match_example(error: UnexpectedToken, examples: dict[str, list[str]] | None) -> str | None:
    table = _example_states(None) if examples is None else _states_of(examples)
    state = getattr(error.state, "position", None)
    return table.get(state) if isinstance(state, int) else None


@cache
def _example_states(_: None) -> dict[int, str]:
    return _states_of(ERROR_EXAMPLES)


def _states_of(examples: dict[str, list[str]]) -> dict[int, str]:
    """The LALR state each malformed sample fails in, mapped to its message.

    lark's own `match_examples` also compares the depth of the parser's stack, which differs
    with what came before the error; the state alone is what says where in the format we are.
    """
    from spectool.parsing.grammar import lark_parser
    from spectool.parsing.transformer import SpecTransformer

    # The very parser that reads specs: state numbers differ between two builds of one grammar.
    parser = lark_parser("spec", SpecTransformer)
    states: dict[int, str] = {}
    for message, samples in examples.items():
        for sample in samples:
            try:
                parser.parse(sample)
            except UnexpectedToken as error:
                position = getattr(error.state, "position", None)
                if isinstance(position, int):
                    states.setdefault(position, message)
            except UnexpectedInput:
                continue
    return states
