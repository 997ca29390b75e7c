"""Find quoted words in running text as whole words, and never inside a longer defined term.

"the" is not found in "other", nor "power" in "powered", nor "4." in "4.2.7", nor "tamper" in
"tamper-evident": a match neither starts nor ends inside a word, where a word is letters and digits
joined by hyphens, and a number is digits joined by points or commas. "Communications Hub" is
not found inside "Communications Hub Interface" when that longer phrase is a defined term of the
spec, unless the instruction names it: `for "Communications Hub" (including within
"Communications Hub Interface") substitute ...`. Occurrence counts, the scope check of
`apply --verify` and XVER001 all use these matches.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"\w")
_JOINERS = "-.,"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Matches:
    """Where quoted words occur in a text, and where they were seen but do not count."""

    spans: tuple[Span, ...]
    inside_words: tuple[str, ...] = ()  # the words they were seen inside ("other" for "the")
    inside_terms: tuple[str, ...] = ()  # the longer defined terms they were seen inside


@lru_cache(maxsize=4096)
def _loose_pattern(words: str) -> re.Pattern[str]:
    """The quoted words, each run of white space in them matching any run of white space."""
    return re.compile(r"\s+".join(re.escape(part) for part in _SPACE.split(words.strip())))


@lru_cache(maxsize=4096)
def _every_start(words: str) -> re.Pattern[str]:
    """The quoted words at every place they start, overlapping ones included."""
    return re.compile(f"(?=({_loose_pattern(words).pattern}))")


def joined(text: str, at: int) -> bool:
    """Is `at` (a place between two characters) inside a word or a number?"""
    if at <= 0 or at >= len(text):
        return False
    left, right = text[at - 1], text[at]
    if _is_word(left) and _is_word(right):
        return True
    if left in _JOINERS and _is_word(right) and at >= 2 and _joins(text[at - 2], left, right):
        return True
    return right in _JOINERS and _is_word(left) and at + 1 < len(text) and _joins(left, right, text[at + 1])


def whole_spans(text: str, words: str) -> list[Span]:
    """Where `words` occur in `text` starting and ending between words, without overlaps, in order."""
    out: list[Span] = []
    for match in _every_start(words).finditer(text):
        start, end = match.span(1)
        if joined(text, start) or joined(text, end) or (out and start < out[-1][1]):
            continue
        out.append((start, end))
    return out


def _is_word(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None


def _joins(left: str, joiner: str, right: str) -> bool:
    """Does `joiner` between these characters make one word ("tamper-evident") or number ("4.2")?"""
    if not (_is_word(left) and _is_word(right)):
        return False
    return joiner == "-" or (left.isdigit() and right.isdigit())


def normal(words: str) -> str:
    """Words with each run of white space read as one space."""
    return " ".join(words.split())


def find_words(text: str, words: str, terms: Iterable[str] = (), within: Collection[str] = ()) -> Matches:
    """Every whole-word occurrence of `words` in `text` that is not part of an occurrence of a longer
    defined term (one of `terms`, unless it is in `within`), in order."""
    found = whole_spans(text, words)
    allowed = {normal(term) for term in within}
    term_spans: list[tuple[str, Span]] = []
    if found:
        wanted = normal(words)
        for term in terms:
            key = normal(term)
            if key == wanted or key in allowed or wanted not in key:
                continue
            term_spans.extend((term, span) for span in whole_spans(text, term))
    spans: list[Span] = []
    cut_terms: list[str] = []
    for start, end in found:
        cut = next(
            (term for term, (term_start, term_end) in term_spans if term_start <= start and end <= term_end),
            None,
        )
        if cut is None:
            spans.append((start, end))
        else:
            cut_terms.append(cut)
    inside = () if found else tuple(_inside_words(text, words))
    return Matches(tuple(spans), inside, tuple(dict.fromkeys(cut_terms)))


def _inside_words(text: str, words: str) -> list[str]:
    """The whole words around each place `words` occur as part of a longer word."""
    out: list[str] = []
    for match in _loose_pattern(words).finditer(text):
        start, end = match.span()
        while start > 0 and _WORD_CHAR.match(text[start - 1]):
            start -= 1
        while end < len(text) and _WORD_CHAR.match(text[end]):
            end += 1
        out.append(normal(text[start:end]))
    return list(dict.fromkeys(out))
