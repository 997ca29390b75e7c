"""Count Word's automatic numbering paragraph by paragraph and give the label Word displays."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spectool.docx_import.numbering import MAX_LEVEL, NumberingDefinitions
from spectool.words import ordinal

# Past these a letter label would repeat its letter hundreds of times and a roman one its "m":
# such counts are shown as decimals, so no label grows with the number of paragraphs.
MAX_LETTERS = 26 * 30
MAX_ROMAN = 3999
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


@dataclass(frozen=True, slots=True)
class ListLabel:
    """The number Word shows before a paragraph: "5.7.4.12", "(a)", "•"."""

    text: str
    number_format: str  # of the paragraph's own level: "decimal", "lowerLetter", "bullet" ...
    level: int

    @property
    def is_bullet(self) -> bool:
        return self.number_format == "bullet"


def roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def format_number(value: int, number_format: str) -> str:
    """One level's count in Word's format; formats spectool does not know are shown as decimals."""
    if number_format == "none":
        return ""
    if number_format in ("lowerLetter", "upperLetter") and value <= MAX_LETTERS:
        # Word goes a..z, then aa, bb, cc: the letter repeated, not a base-26 count.
        text = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return text.upper() if number_format == "upperLetter" else text
    if number_format in ("lowerRoman", "upperRoman") and value <= MAX_ROMAN:
        text = roman(value) if value > 0 else ""
        return text.upper() if number_format == "upperRoman" else text
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "ordinal":
        return ordinal(value)
    if number_format == "decimalEnclosedParen":
        return f"({value})"
    return str(value)


@dataclass
class ListCounter:
    """Running counts per abstract list, fed every numbered paragraph in document order.

    Every numId on one abstract list shares its count; a numId's `w:startOverride` restarts the
    shared count the first time that numId is used at that level; a level restarts when a
    shallower level is used unless its `w:lvlRestart` says otherwise. A level used before any
    shallower one shows the shallower one's start minus one, as Word does ("0.1").
    """

    definitions: NumberingDefinitions
    _counts: dict[int, dict[int, int]] = field(default_factory=dict)
    _started: set[tuple[int, int]] = field(default_factory=set)

    def label(self, num_id: int, level: int) -> ListLabel | None:
        """Count one paragraph of list `num_id` at `level` and give its label (None: no such list)."""
        key = self.definitions.counter_key(num_id)
        if key is None:
            return None
        level = min(max(level, 0), MAX_LEVEL)
        counts = self._counts.setdefault(key, {})
        override = self.definitions.start_override(num_id, level)
        if override is not None and (num_id, level) not in self._started:
            counts[level] = override - 1
        self._started.add((num_id, level))
        definition = self.definitions.level(num_id, level)
        counts[level] = counts.get(level, definition.start - 1) + 1
        self._restart_deeper(num_id, level, counts)
        if definition.number_format == "bullet":
            return ListLabel(definition.text, "bullet", level)

        def shown(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            referenced = self.definitions.level(num_id, index)
            value = counts.get(index, referenced.start - 1)
            return format_number(value, "decimal" if definition.legal else referenced.number_format)

        return ListLabel(_PLACEHOLDER.sub(shown, definition.text), definition.number_format, level)

    def _restart_deeper(self, num_id: int, level: int, counts: dict[int, int]) -> None:
        for deeper in range(level + 1, MAX_LEVEL + 1):
            restart = self.definitions.level(num_id, deeper).restart
            # w:lvlRestart is 1-based: "2" restarts this level whenever level index 0 or 1 is used.
            if restart is None or (restart != 0 and level < restart):
                counts.pop(deeper, None)
