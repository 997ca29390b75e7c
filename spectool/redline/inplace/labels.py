"""What of a paragraph's new text Word's own label stands in for, and so is left out of the runs."""

from __future__ import annotations

import re

from spectool.diff.model import Segment
from spectool.wordml.part_labels import label_count, named_heading

_LETTERS = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"[0-9]+")


def label_cut(text: str, shown: str, *, leads: bool) -> int:
    """How many leading characters of `text` the label Word shows (`shown`: "1.1.2 ", "Part II ", "B.1 ",
    or "" where it is not known) stands in for: a typed number in the place of Word's number ("1.1.3 "),
    or a counted label of the same word ("Part III " beside "Part II "). `leads`: the text opens with a
    number by construction (a clause's, a section's), so any first word with digits is one. Words that
    only begin so ("2026 rules", "Part III applies" beside "B.1") are the drafter's and stay."""
    first, space, _ = text.partition(" ")
    if space and any(character.isdigit() for character in first):
        if leads or (shown.strip() and _shape(first) == _shape(shown.split()[0])):
            return len(first) + 1
        return 0
    named = named_heading(text)
    if named is None or label_count(named[0]) is None:
        return 0
    beside = named_heading(shown.strip()) if shown.strip() else None
    if beside is None or _word(beside[0]) != _word(named[0]):
        return 0
    return len(text) - len(named[1])


def without_label(segments: list[Segment], shown: str, *, leads: bool) -> list[Segment]:
    """The segments less what `label_cut` finds Word's label stands in for."""
    cut = label_cut("".join(segment.text for segment in segments), shown, leads=leads)
    out: list[Segment] = []
    for segment in segments:
        if cut >= len(segment.text):
            cut -= len(segment.text)
            continue
        out.append(Segment(segment.op, segment.text[cut:]))
        cut = 0
    return out


def _shape(word: str) -> str:
    """ "9.9.9" for "1.1.2" and "1.1.10", "a.9" for "B.1": numbers of one list level read alike."""
    return _DIGITS.sub("9", _LETTERS.sub("a", word.rstrip(".")))


def _word(label: str) -> str:
    return label.rpartition(" ")[0].casefold()
