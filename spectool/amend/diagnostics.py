"""Explain a Lark parse error in an amendment in a drafter's words: what was found, what was expected."""

from __future__ import annotations

import re
from functools import cache

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from spectool.amend.grammar import amendment_parser

# What each named terminal of grammars/amendment.lark looks like to a drafter.
EXPECTED_WORDS = {
    "MODIFICATION_ID": "the modification's id, such as 'MP102A'",
    "LINE_TEXT": "the modification's title",
    "FIELD": "a field such as 'Author: ...'",
    "FIELD_MORE": "an indented line that continues the field",
    "SPEC_NAME": "a spec name such as 'SMETS2'",
    "VERSION": "a version such as '4.2'",
    "INSTRUCTION_NUMBER": "a numbered instruction such as '1. In clause 5.5.3, ...'",
    "CLAUSE_REF": "a clause number such as '5.5.3' or '5.5.3(a)'",
    "ORDINAL": "an ordinal such as '2nd' or 'last'",
    "STRING": 'quoted words such as "Supply Outage"',
    "BODY_LINE": "the new text, indented by four spaces",
    "REASON": "a reason such as '   Reason: why the change is made'",
    "SECTION_NUMBER": "a section number such as '5.5'",
    "ROW_KEY": "the words of a row's first cell, such as 'G06'",
    "DASH": "a dash after the clause, as in 'In clause 5.5.3\u2014 (a) ...'",
    "PART_LABEL": "a part's letter such as '(a)'",
    "HEADER_FIELD": "a part of the header: 'title', 'version', 'date', 'status'",
    "_NL": "the end of the line",
    "$END": "the end of the file",
}

# Lettered parts written after a comma or a colon instead of a dash.
_LETTERED_PARTS = (
    "lettered parts follow a dash after the place they are in, with no comma or colon: expected e.g. "
    "'In clause 5.5.3\u2014 (a) for ...; (b) ...' or 'In the table in clause 4.3.5.1, in the row for "
    "G06\u2014 (a) ...'"
)

_PART_LETTER = re.compile(r"\([a-z]{1,3}\)(\s|$)")

FOUND_WORDS = {
    "STRING": "quoted words",
    "_NL": "the end of the line",
    "$END": "the end of the file",
    "BODY_LINE": "an indented line",
    "FIELD_MORE": "an indented line",
}

# Malformed samples for the situations worth a message of their own, matched by the LALR state the
# parser fails in; tests/amend/test_reader_errors.py reads every sample and checks its message.
ERROR_EXAMPLES: dict[str, list[str]] = {
    "a sentence ends with a full stop: expected '.'": [
        '1. In clause 5.5.3, omit "x"\n',
        '1. In clause 5.5.3, for "x" substitute "y"\n',
        '1. In clause 5.5.3, after "x" insert "y"\n',
        '1. In clause 5.5.3, before "x" insert "y"\n',
        "1. Omit clause 5.5.3\n",
        '1. Omit clause 5.5.3 and leave "Not used."\n',
        "1. Omit clause 5.5.3 and renumber the following clauses\n",
        '1. Omit the definition of "Term"\n',
    ],
    "a clause number is followed by a comma: expected ',' as in 'In clause 5.5.3, for ...'": [
        '1. In clause 5.5.3 for "x" substitute "y".\n',
        '1. In the definition of "Term" omit "x".\n',
    ],
    "the new text goes on the lines below, each indented by four spaces": [
        "1. After clause 5.5.3 insert:\n5.5.4 ESME shall work.\n",
        "1. Substitute clause 5.5.3 with:\n5.5.3 ESME shall work.\n",
        '1. In the Glossary, insert the definition:\n"Term" means a thing.\n',
        '1. Substitute the definition of "Term" with:\n"Term" means a thing.\n',
    ],
    'quoted words go in quotation marks: expected "..."': [
        "1. In clause 5.5.3, omit spurious.\n",
        '1. In clause 5.5.3, for mains substitute "x".\n',
        '1. In clause 5.5.3, for "x" substitute Supply.\n',
        '1. In clause 5.5.3, after "x" insert firmware.\n',
        '1. In clause 5.5.3, before "x" insert firmware.\n',
        '1. In clause 5.5.3, for the 2nd occurrence of x substitute "y".\n',
        "1. Omit the definition of Term.\n",
    ],
    'an edit within a clause is one of: for "old" substitute "new"; after "words" insert "new"; '
    'before "words" insert "new"; omit "words"': [
        '1. In clause 5.5.3, replace "x" with "y".\n',
    ],
    "a row is named by the words of its first cell: expected e.g. 'the row for G06'": [
        "1. In the table in clause 4.3.5.1, omit the row G06.\n",
        '1. In the table in clause 4.3.5.1, in the row G06, omit "x".\n',
    ],
    'the parts of a compound instruction are lettered: expected e.g. \'In clause 5.5.3\u2014 (a) for "x" '
    'substitute "y"; (b) ...\'': [
        '1. In clause 5.5.3\u2014 for "x" substitute "y".\n',
    ],
    "the last part ends with a full stop: expected '.' after it (';' stands only between parts)": [
        '1. In clause 5.5.3\u2014 (a) omit "x"; (b) omit "y";\n',
        '1. In clause 5.5.3\u2014 (a) omit "x";\n',
    ],
    "a text edit quotes the words it omits, or says which occurrence ('omit the 2nd occurrence of "
    "\"x\"'); a Note, row or sub-item is omitted by an instruction of its own, such as 'Omit the Note "
    "to clause 5.5.3.'": [
        "1. In clause 5.5.3, omit the Note.\n",
        '1. In clause 5.5.3\u2014 (a) omit "x"; (b) omit the Note.\n',
        "1. In clause 5.5.3\u2014 (a) omit the Note.\n",
    ],
    "an instruction begins with what it does: expected 'In clause', 'In Section', 'In the definition "
    "of', 'In the table in clause', 'In the Note to', 'In the Glossary', 'After clause', 'Before clause', "
    "'At the start of Section', 'For clause', 'For the', 'Omit' or 'Substitute'": [
        "1. Replace clause 5.5.3 with:\n",
        "1. clause 5.5.3 is omitted.\n",
    ],
    "a clause number such as '5.5.3' follows 'clause'": [
        '1. In clause five, omit "x".\n',
        "1. Omit clause X.\n",
        "1. After clause insert:\n",
        "1. Substitute clause with:\n",
    ],
    "an amendment starts with its title: expected 'Modification MP102A: title'": [
        "MP102A: Power Outage Alerts\n",
    ],
    "the change request follows the title: expected 'Change request' on the next line": [
        "Modification MP102A: Power Outage Alerts\nAuthor: A. Drafter\n",
    ],
    "a target names a spec and its versions: expected e.g. 'Amendments to SMETS2 4.2, 5.0'": [
        "Amendments to SMETS2\n",
        "Amendments to smets2 4.2\n",
        "Amendments to SMETS2 v4.2\n",
    ],
}


def start_rule(chunk: str) -> str:
    """Which start rule reads this piece of an amendment."""
    text = chunk.lstrip()
    if text.startswith("Amendments"):
        return "heading"
    if text.startswith("Modification") or not text[:1].isdigit():
        return "preamble"
    return "instruction"


def describe(error: UnexpectedInput) -> tuple[str, int]:
    """A message for `error` and how many characters to underline."""
    if isinstance(error, UnexpectedToken):
        found = error.token
        words = str(found).split()
        word = words[0] if words else str(found)
        width = len(word) if words else 1
        # Where a dash or a text edit was due, a part's letter (read as loose text) or a colon means
        # lettered parts were meant.
        due = "DASH" in error.expected or "OMIT" in error.expected
        if due and (_PART_LETTER.match(str(found)) or (found.type == "COLON" and "DASH" in error.expected)):
            return _LETTERED_PARTS, width
        special = _example_states().get(getattr(error.state, "position", None))  # type: ignore[arg-type]
        if special:
            return special, width
        what = FOUND_WORDS.get(found.type, f"'{word}'")
        return f"unexpected {what}: expected {_expected(error.expected)}", width
    if isinstance(error, UnexpectedCharacters):
        return f"unexpected character {error.char!r}: expected {_expected(error.allowed or set())}", 1
    if isinstance(error, UnexpectedEOF):
        return f"unexpected end of the instruction: expected {_expected(set(error.expected))}", 1
    return str(error), 1


def _expected(names: set[str]) -> str:
    terminals = {terminal.name: terminal for terminal in amendment_parser().terminals}
    words: set[str] = set()
    for name in names:
        terminal = terminals.get(name)
        if terminal is not None and isinstance(terminal.pattern, PatternStr):
            words.add(f"'{terminal.pattern.value}'")
        elif name in EXPECTED_WORDS:
            words.add(EXPECTED_WORDS[name])
    ordered = sorted(words)
    if not ordered:
        return "something else"
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " or " + ordered[-1]


@cache
def _example_states() -> dict[int, str]:
    """The LALR state each malformed sample fails in, mapped to its message (first sample wins)."""
    parser = amendment_parser()
    states: dict[int, str] = {}
    for message, samples in ERROR_EXAMPLES.items():
        for sample in samples:
            # A piece below the first line is read after the newlines that keep its line numbers,
            # which puts the parser in other states: learn both.
            for text in (sample, "\n" + sample):
                try:
                    parser.parse(text, start=start_rule(text))
                except UnexpectedToken as error:
                    position = getattr(error.state, "position", None)
                    if isinstance(position, int):
                        states.setdefault(position, message)
                except UnexpectedInput:
                    continue
    return states
