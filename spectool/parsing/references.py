"""Find references to clauses and sections in running text (the inline pass)."""

from __future__ import annotations

import re

from spectool.model.document import Position, Reference, Text
from spectool.model.numbers import ClauseNumber

# Parts of at most nine digits: a longer run of digits is a quantity, not a clause number. A part may
# carry the capital letters of an inserted clause ("clause 2.1.2A"), but only as a whole word.
_PART = r"[0-9]{1,9}(?:[A-Z]{1,3}(?![A-Za-z]))?"
_DIGITS = rf"{_PART}(?:\.{_PART})*(?![0-9]|\.[0-9])"
_NUMBER = rf"{_DIGITS}(?:\([a-z]{{1,4}}\))*"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+)"
# Each label by its first letter, the word start checked after it ("\b" before the letter would hide
# the letter from the regex engine, which then tries the pattern at every position of the text).
_LABEL = "|".join(
    f"{first}(?<!\\w.){rest}s?"
    for word in ("Section", "Clause", "Paragraph")
    for first, rest in ((word[0], word[1:].lower()), (word[0].lower(), word[1:].lower()))
)
_REFERENCE = re.compile(
    rf"(?P<label>{_LABEL})\s+"
    rf"(?P<numbers>{_NUMBER}(?:{_SEPARATOR}{_NUMBER})*)"
    r"(?:\s+of\s+(?:the\s+)?(?P<spec>[A-Z][A-Z0-9]{2,}))?"
)
_EACH_NUMBER = re.compile(_DIGITS)


def find_references(text: Text) -> tuple[Reference, ...]:
    """Every `Section 5.7.4`, `clause 5.7.4.12`, `clauses 5.1 and 5.2` or `Section 4.3 of the CHTS`.

    Each number of a list is a reference of its own; every reference of a list spans to the list's
    end (and the spec named after it), so that what follows the list is read for all of them.
    """
    value = text.value
    if "ection" not in value and "lause" not in value and "aragraph" not in value:
        return ()
    found: list[Reference] = []
    for match in _REFERENCE.finditer(value):
        label = match["label"]
        numbers = list(_EACH_NUMBER.finditer(value, match.start("numbers"), match.end("numbers")))
        first = ClauseNumber.parse(numbers[0][0])
        end, spec = match.end(), match["spec"]
        for index, number in enumerate(numbers):
            if index and not _continues(first, ClauseNumber.parse(number[0]), label):
                # "Section 5 and 3 minutes": the list stops before 3, and any spec named was 3's.
                end, spec = numbers[index - 1].end(), None
                break
        for index, number in enumerate(numbers):
            if number.start() >= end:
                break
            start = match.start() if index == 0 else number.start()
            found.append(_reference(text, ClauseNumber.parse(number[0]), spec, label, start, end))
    return tuple(found)


def _continues(first: ClauseNumber, other: ClauseNumber, label: str) -> bool:
    """A number after "and" belongs to the list when it looks like the first one: same depth, and a
    bare number only after a plural label ("Sections 4 and 5", not "Section 4 and 5 minutes")."""
    return other.depth == first.depth and (first.depth > 1 or label.endswith("s"))


def _reference(
    text: Text, target: ClauseNumber, spec: str | None, label: str, start: int, end: int
) -> Reference:
    line, column = text.locate(start)
    end_line, end_column = text.locate(end)
    return Reference(
        target=target,
        spec=spec,
        label=label,
        offset=start,
        length=end - start,
        position=Position(line, column, end_line, end_column),
    )
