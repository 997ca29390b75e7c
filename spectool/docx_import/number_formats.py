"""One list level's count written in a Word number format (ECMA-376 17.18.59 ST_NumberFormat)."""

from __future__ import annotations

from collections.abc import Callable

from spectool.words import ordinal

# Past these a letter label would repeat its letter hundreds of times and a roman one its "m":
# such counts are shown as decimals, so no label grows with the number of paragraphs.
MAX_LETTERS = 26 * 30
MAX_ROMAN = 3999
MAX_WORDS = 999_999  # cardinalText and ordinalText: beyond this, decimals
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
# Word's "chicago" footnote marks: the four symbols, then each doubled, then tripled.
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")
# Unicode holds 1 to 20 circled, in parentheses and with a full stop; later counts are spelt out.
_CIRCLED_FIRST = 0x2460
_PARENTHESISED_FIRST = 0x2474
_FULL_STOP_FIRST = 0x2488


def roman(value: int) -> str:
    """14 -> "xiv"; nothing for 0 (a level shown before it starts at 1)."""
    out = []
    for amount, numeral in _ROMAN if value > 0 else ():
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def letters(value: int) -> str:
    """Word goes a..z, then aa, bb, cc: the letter repeated, not a base-26 count."""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""


def cardinal_words(value: int) -> str:
    """12 -> "twelve", 345 -> "three hundred forty-five" (Word writes no "and")."""
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, units = divmod(value, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" {cardinal_words(rest)}" if rest else "")
    thousands, rest = divmod(value, 1000)
    return f"{cardinal_words(thousands)} thousand" + (f" {cardinal_words(rest)}" if rest else "")


def ordinal_words(value: int) -> str:
    """12 -> "twelfth", 21 -> "twenty-first", 40 -> "fortieth"."""
    words = cardinal_words(value)
    head, separator, last = max(words.rpartition(" "), words.rpartition("-"), key=lambda part: len(part[0]))
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + separator + last


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _chicago(value: int) -> str:
    return _CHICAGO[(value - 1) % 4] * ((value - 1) // 4 + 1) if 0 < value <= MAX_LETTERS else str(value)


def _enclosed(first: int, fallback: str) -> Callable[[int], str]:
    return lambda value: chr(first + value - 1) if 1 <= value <= 20 else fallback.format(value)


def _full_width(value: int) -> str:
    return "".join(chr(ord(digit) - ord("0") + 0xFF10) if digit.isdigit() else digit for digit in str(value))


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "none": lambda value: "",
    "bullet": lambda value: "",
    "lowerLetter": lambda value: letters(value) if value <= MAX_LETTERS else str(value),
    "upperLetter": lambda value: letters(value).upper() if value <= MAX_LETTERS else str(value),
    "lowerRoman": lambda value: roman(value) if value <= MAX_ROMAN else str(value),
    "upperRoman": lambda value: roman(value).upper() if value <= MAX_ROMAN else str(value),
    "decimalZero": lambda value: f"{value:02d}",
    "ordinal": ordinal,
    "cardinalText": lambda value: _capitalised(cardinal_words(value)) if value <= MAX_WORDS else str(value),
    "ordinalText": lambda value: _capitalised(ordinal_words(value)) if value <= MAX_WORDS else str(value),
    "hex": lambda value: f"{value:X}",
    "chicago": _chicago,
    "numberInDash": lambda value: f"- {value} -",
    "decimalEnclosedParen": _enclosed(_PARENTHESISED_FIRST, "({})"),
    "decimalEnclosedFullstop": _enclosed(_FULL_STOP_FIRST, "{}."),
    "decimalEnclosedCircle": _enclosed(_CIRCLED_FIRST, "{}"),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalHalfWidth": str,
}
KNOWN_FORMATS = frozenset(_FORMATS)


def custom_format(pattern: str) -> Callable[[int], str] | None:
    """Word 2010's `w:numFmt w:val="custom" w:format="001, 002, 003, ..."`: zero-padded decimals."""
    first = pattern.split(",", 1)[0].strip()
    if first.isdigit() and first.isascii():
        width = len(first)
        return lambda value: f"{value:0{width}d}"
    return None


def format_number(value: int, number_format: str, pattern: str | None = None) -> str:
    """One level's count in Word's format; formats spectool does not know are shown as decimals."""
    if number_format == "custom" and pattern:
        custom = custom_format(pattern)
        if custom is not None:
            return custom(value)
    return _FORMATS.get(number_format, str)(value)
