"""Punctuation a text edit leaves clashing: "an Event,, each" or "an Alert,." after omitting words
without the comma before them. The edit did what it said, but the legal text now reads wrongly, so
`apply` warns at the instruction."""

from __future__ import annotations

import re
from collections import Counter

from spectool.amend.textedit import Paragraph, segments

# A comma, semicolon or colon followed by another stop, or a stop standing after a space.
_CLASH = re.compile(r"[,;:] ?[,.;:]|(?<=\w) [,.;:](?!\w)")
_AROUND = 12  # characters shown either side of the clash


def clashing_punctuation(before: Paragraph, after: Paragraph) -> str | None:
    """The first clash of punctuation `after` has that `before` did not, with a little text around
    it ("an Event,, each time"); None when the edit left none."""
    old = Counter(match[0] for _, text in segments(before) for match in _CLASH.finditer(text.value))
    for _, text in segments(after):
        for match in _CLASH.finditer(text.value):
            if old[match[0]] > 0:
                old[match[0]] -= 1
                continue
            value = text.value
            start = max(value.rfind(" ", 0, max(match.start() - _AROUND, 0)) + 1, 0)
            end = value.find(" ", match.end() + _AROUND)
            return " ".join(value[start : end if end >= 0 else len(value)].split())
    return None
