"""Find quoted words in running text as whole words, and never inside a longer defined term.

"the" is not found in "other", nor "power" in "powered": a match starts and ends on a word
boundary wherever the quoted words start or end with a letter or digit. "Communications Hub" is
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

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Matches:
    """Where quoted words occur in a text, and where they were seen but do not count."""

    spans: tuple[Span, ...]
    inside_words: tuple[str, ...] = ()  # the words they were seen inside ("other" for "the")
    inside_terms: tuple[str, ...] = ()  # the longer defined terms they were seen inside


@lru_cache(maxsize=4096)
def words_pattern(words: str) -> re.Pattern[str]:
    """The quoted words as a pattern: any run of white space for a space, word boundaries at the ends."""
    body = r"\s+".join(re.escape(part) for part in _SPACE.split(words.strip()))
    start = r"(?<!\w)" if words.strip()[:1] and _WORD_CHAR.match(words.strip()[0]) else ""
    end = r"(?!\w)" if words.strip()[-1:] and _WORD_CHAR.match(words.strip()[-1]) else ""
    return re.compile(start + body + end)


@lru_cache(maxsize=4096)
def _loose_pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(part) for part in _SPACE.split(words.strip())))


def normal(words: str) -> str:
    """Words with each run of white space read as one space."""
    return " ".join(words.split())


def find_words(text: str, words: str, terms: Iterable[str] = (), within: Collection[str] = ()) -> Matches:
    """Every whole-word occurrence of `words` in `text` that is not part of an occurrence of a longer
    defined term (one of `terms`, unless it is in `within`), in order."""
    found = [match.span() for match in words_pattern(words).finditer(text)]
    allowed = {normal(term) for term in within}
    term_spans: list[tuple[str, Span]] = []
    if found:
        wanted = normal(words)
        for term in terms:
            key = normal(term)
            if key == wanted or key in allowed or wanted not in key:
                continue
            term_spans.extend((term, span) for span in _term_spans(text, term))
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


def _term_spans(text: str, term: str) -> list[Span]:
    return [match.span() for match in words_pattern(term).finditer(text)]


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
