"""Quantities written in digits or words ("3 minutes", "three minutes", "180 seconds") and their values."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

_SMALL = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_SMALL)},
    **{word: 10 * (index + 2) for index, word in enumerate(_TENS)},
    "hundred": 100,
    "thousand": 1000,
}
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDS = rf"(?:{_WORD})(?:(?:[ \t\n-]+|\s+and\s+)(?:{_WORD}))*"
_DIGITS = r"[0-9]+(?:\.[0-9]+)?"
# Legal drafting often writes both: "three (3) minutes".
NUMBER = rf"(?:{_DIGITS}|{_WORDS}(?:\s*\(\s*{_DIGITS}\s*\))?)"

SECONDS: dict[str, Fraction] = {
    "millisecond": Fraction(1, 1000),
    "ms": Fraction(1, 1000),
    "second": Fraction(1),
    "sec": Fraction(1),
    "s": Fraction(1),
    "minute": Fraction(60),
    "min": Fraction(60),
    "hour": Fraction(3600),
    "hr": Fraction(3600),
    "day": Fraction(86400),
}
_UNIT = "|".join(sorted(SECONDS, key=len, reverse=True))
DURATION = rf"{NUMBER}\s*(?:{_UNIT})s?(?![\w-])"
KINDS = {"duration": DURATION, "count": rf"{NUMBER}(?![\w-])"}

# ASCII letters only: Unicode case-insensitive matching, as the finders use, also takes "ſ" for "s", "K"
# (the Kelvin sign) for "k" and "ı" for "i"; no unit or number word is spelt so, and none is valued.
_PARTS = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>(?:{_UNIT})s?)?", re.IGNORECASE | re.ASCII)


def words_value(text: str) -> int:
    """ "one hundred and eighty" -> 180."""
    total = current = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        value = NUMBER_WORDS[word]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        else:
            current += value
    return total + current


@lru_cache(maxsize=1024)
def quantity_value(text: str, kind: str) -> Fraction | None:
    """The value of a quantity: seconds for a duration, the number itself for a count."""
    match = _PARTS.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    number = match["number"]
    digits = re.search(rf"\(\s*({_DIGITS})\s*\)", number)
    if digits:
        value = Fraction(digits[1])
    elif number[0].isdigit():
        value = Fraction(number)
    else:
        value = Fraction(words_value(number))
    if kind == "count":
        return value if match["unit"] is None else None
    if match["unit"] is None:
        return None
    unit = match["unit"].lower()
    unit = unit if unit in SECONDS else unit[:-1]
    return value * SECONDS[unit]


def shown_value(value: Fraction, kind: str) -> str:
    """180 -> "180 seconds" (or the count itself)."""
    number = str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
    return number if kind == "count" else f"{number} second{'' if value == 1 else 's'}"
