"""Find references to clauses and sections in running text (the inline pass)."""

from __future__ import annotations

import re

from spectool.model.document import Position, Reference, Text
from spectool.model.numbers import ClauseNumber

_REFERENCE = re.compile(
    r"\b(?P<label>[Ss]ections?|[Cc]lauses?|[Pp]aragraphs?)\s+"
    r"(?P<number>[0-9]+(?:\.[0-9]+)*)(?:\([a-z]{1,4}\))*"
    r"(?:\s+of\s+(?:the\s+)?(?P<spec>[A-Z][A-Z0-9]{2,}))?"
)


def find_references(text: Text) -> tuple[Reference, ...]:
    """Every `Section 5.7.4`, `clause 5.7.4.12` or `Section 4.3 of the CHTS` in `text`."""
    if "ection" not in text.value and "lause" not in text.value and "aragraph" not in text.value:
        return ()
    found = []
    for match in _REFERENCE.finditer(text.value):
        start, end = match.span()
        line, column = text.locate(start)
        end_line, end_column = text.locate(end)
        found.append(
            Reference(
                target=ClauseNumber.parse(match["number"]),
                spec=match["spec"],
                label=match["label"],
                offset=start,
                length=end - start,
                position=Position(line, column, end_line, end_column),
            )
        )
    return tuple(found)
