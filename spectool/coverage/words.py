"""Words as coverage compares them: word forms by stem, hyphens as spaces, synonyms, durations by value.

A configured term becomes one pattern: each word its stem and any ending ("reboot" finds "reboots" and
"rebooting", "activation" finds "activate"), a space or a hyphen between words ("three-phase" is
"three phase"), each word of a synonym group standing for the others. A term that is a duration
("3 minutes") matches any duration of that value: "three (3) minutes", "180 seconds".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import accumulate

from spectool.coverage.patterns import WordAlternation
from spectool.rules.parameters.quantities import DURATION, NUMBER_WORDS, SECONDS, quantity_value

_DURATION = re.compile(rf"(?<![\w-]){DURATION}", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ion", ""), ("ed", ""), ("es", ""), ("s", ""))
_DIGIT = re.compile("[0-9]")
_WORD_NUMBERS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# Written as quantities.DURATION is; the property test in tests/coverage/test_screens.py compares them.
_UNIT = "|".join(sorted(SECONDS, key=len, reverse=True))
# A unit right after the last digit of a number, or after "(3)", on lower-case ASCII text: the
# engine skips to the digits, where the duration pattern tries every number word at every position.
_UNIT_AFTER_DIGIT = re.compile(rf"[0-9)]\s*(?:{_UNIT})s?(?![\w-])")
# The duration pattern on lower-case ASCII text, each number's first digit or letter matched before
# its word start is checked: the engine skips to the characters a number can start with.
_FIRST_WORDS: dict[str, list[str]] = {}
for _word in sorted(NUMBER_WORDS, key=len, reverse=True):
    _FIRST_WORDS.setdefault(_word[0], []).append(_word[1:])
_NUMBER_FIRST = "|".join(rf"{first}(?<![\w-].)(?:{'|'.join(rests)})" for first, rests in _FIRST_WORDS.items())
_DURATION_LOWER = re.compile(
    rf"(?:[0-9](?<![\w-].)[0-9]*(?:\.[0-9]+)?"
    rf"|(?:{_NUMBER_FIRST})(?:(?:[ \t\n-]+|\s+and\s+)(?:{_WORD_NUMBERS}))*"
    r"(?:\s*\(\s*[0-9]+(?:\.[0-9]+)?\s*\))?)"
    rf"\s*(?:{_UNIT})s?(?![\w-])"
)
# A number word at a word's start, whatever follows it ("three", "threeminutes").
_NUMBER_WORD = WordAlternation([("number", word) for word in NUMBER_WORDS], tail="")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's stem: lower case, less a plural, verb or -ion ending or final "e" ("upgrading")."""
    word = word.lower()
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + replacement
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "stopped" -> "stopp" -> "stop"
            return word
    return word[:-1] if word.endswith("e") and len(word) > 4 and word[-2] != "e" else word


def stems(text: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(text)]


def term_problem(term: str) -> str | None:
    """Why `term` cannot be used as a term, or None."""
    stripped = term.strip()
    if not re.search(r"\w", stripped):
        return "has no letters or digits"
    if "*" in stripped.rstrip("*") or stripped.endswith("**"):
        return "may only end with one '*' (a word that goes on); it is not a pattern"
    if stripped.endswith("*") and not re.search(r"\w\*$", stripped):
        return "must have a letter before its '*'"
    return None


def durations(text: str) -> tuple[Fraction, ...]:
    """The value in seconds of every duration `text` states."""
    return tuple(value for _, _, value in duration_spans(text) if value is not None)


@lru_cache(maxsize=4096)
def duration_spans(text: str) -> tuple[tuple[int, int, Fraction | None], ...]:
    """(start, end, value in seconds) of every duration `text` states: an obligation's words are
    asked for their durations and for the terms they name, which include durations."""
    if text.isascii():
        lowered = text.lower()
        # Every duration holds a digit or ")" before its unit, or starts with a number word.
        if _UNIT_AFTER_DIGIT.search(lowered) is None and not _NUMBER_WORD.search(text):
            return ()
        matches = _DURATION_LOWER.finditer(lowered)
    elif not _has_number(text):
        return ()
    else:
        matches = _DURATION.finditer(text)
    return tuple((match.start(), match.end(), quantity_value(match.group(), "duration")) for match in matches)


def _has_number(text: str) -> bool:
    """True when a number starts somewhere in `text`, in digits or in words: what every duration
    begins with, told by a pattern far quicker than the duration's own."""
    return _DIGIT.search(text) is not None or _NUMBER_WORD.search(text)


def synonym_map(groups: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each word's stem to the stems of its group, itself included."""
    mapping: dict[str, tuple[str, ...]] = {}
    for group in groups:
        members = tuple(dict.fromkeys(stem(word) for word in group))
        for member in members:
            mapping[member] = members
    return mapping


def term_regex(term: str, synonyms: dict[str, tuple[str, ...]]) -> str:
    """The pattern of a term in lower-case text: each word by its stem (or a synonym's) and any ending,
    hyphens as spaces. The word boundary before it is checked by the caller: a pattern that starts
    with a literal is searched for far faster."""
    return r"[\s\-]+".join(_word_regex(word, synonyms) for word in _WORD.findall(term.strip().rstrip("*")))


def _word_regex(word: str, synonyms: dict[str, tuple[str, ...]]) -> str:
    key = stem(word)
    alternatives = "|".join(re.escape(each) for each in synonyms.get(key, (key,)))
    return rf"(?:{alternatives}){_ending(word)}"


def _ending(word: str) -> str:
    """What may follow a word's stem: any ending, or for a short word kept whole only a plural."""
    key = stem(word)
    if len(key) <= 3 and key == word.lower():
        return r"(?:'?s)?(?![^\W_])"  # "OTA", "OTAs"; not "other"
    return r"[^\W_]*"


def any_term_regex(terms: Iterable[str], synonyms: dict[str, tuple[str, ...]]) -> str | None:
    """One pattern for "some term starts a word here", its alternatives grouped by their first letter.

    Grouped, the regex engine skips straight to the positions where a term can start; the word start
    is checked after the first letter, where it does not hide that letter from the engine."""
    by_first: dict[str, list[str]] = {}
    for term in terms:
        words = _WORD.findall(term.strip().rstrip("*"))
        if not words:
            continue
        rest = "".join(r"[\s\-]+" + _word_regex(word, synonyms) for word in words[1:])
        for alternative in synonyms.get(stem(words[0]), (stem(words[0]),)):
            tail = f"{re.escape(alternative[1:])}{_ending(words[0])}{rest}"
            by_first.setdefault(alternative[0], []).append(tail)
    if not by_first:
        return None
    return "|".join(
        rf"{re.escape(first)}(?<![^\W_].)(?:{'|'.join(dict.fromkeys(tails))})"
        for first, tails in sorted(by_first.items())
    )


@dataclass(frozen=True, slots=True)
class _Term:
    owner: str
    term: str
    needs: tuple[tuple[str, ...], ...]  # for each word, the stems one of which the lower-case text holds
    pattern: re.Pattern[str]


@lru_cache(maxsize=512)
def _lowered(text: str) -> str | None:
    """`text` in lower case, or None where lower case changes its length (outside ASCII)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Terms by owner (a row, a column, the subject, an actor), found in running text.

    Each term's pattern runs only on a text whose words have the stems of all the term's words: one
    search for any term's first word, then set lookups, rule out most texts before any pattern runs.
    """

    terms: tuple[tuple[str, str], ...]  # (owner, term)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    _words: tuple[_Term, ...] = field(init=False, compare=False, repr=False)
    _durations: tuple[tuple[str, str, Fraction], ...] = field(init=False, compare=False, repr=False)
    _screen: re.Pattern[str] | None = field(init=False, compare=False, repr=False)
    # A first word's stem -> the terms it starts, each by the index of the first term equal to it.
    _by_first: dict[str, tuple[int, ...]] = field(init=False, compare=False, repr=False)
    # A first word's stem -> every first word's stem that starts it, itself included: the screen finds
    # "firmwar" where "Firm" (any ending) matches too, and reports only the longer.
    _prefixes: dict[str, tuple[str, ...]] = field(init=False, compare=False, repr=False)
    _any: re.Pattern[str] | None = field(init=False, compare=False, repr=False)
    # What `find` found in each text: specs and versions repeat texts, and a text is asked about
    # several times (its clause, then each obligation's words).
    _found: dict[str, list[tuple[str, str, int, int]]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        words, timed = [], []
        for owner, term in self.terms:
            seconds = quantity_value(term, "duration")
            if seconds is not None:
                timed.append((owner, term, seconds))
                continue
            needs = tuple(
                self.synonyms.get(stem(word), (stem(word),)) for word in _WORD.findall(term.rstrip("*"))
            )
            words.append(_Term(owner, term, needs, re.compile(term_regex(term, self.synonyms))))
        firsts = sorted(
            {alternative for each in words for alternative in each.needs[0]}, key=lambda w: (-len(w), w)
        )
        screen = re.compile("|".join(re.escape(word) for word in firsts)) if firsts else None
        object.__setattr__(self, "_words", tuple(words))
        object.__setattr__(self, "_durations", tuple(timed))
        object.__setattr__(self, "_screen", screen)
        found_any = any_term_regex((each.term for each in words), self.synonyms)
        object.__setattr__(self, "_any", re.compile(found_any) if found_any else None)
        by_first: dict[str, list[int]] = {}
        for each in words:
            for alternative in each.needs[0]:
                by_first.setdefault(alternative, []).append(words.index(each))
        object.__setattr__(self, "_by_first", {key: tuple(value) for key, value in by_first.items()})
        prefixes = {word: tuple(other for other in by_first if word.startswith(other)) for word in by_first}
        object.__setattr__(self, "_prefixes", prefixes)
        object.__setattr__(self, "_found", {})

    @classmethod
    def of(
        cls, owners: Iterable[tuple[str, Sequence[str]]], synonyms: dict[str, tuple[str, ...]] | None = None
    ) -> Vocabulary:
        return cls(tuple((owner, term) for owner, terms in owners for term in terms), synonyms or {})

    def names(self, text: str) -> bool:
        """True when `text` holds a term."""
        found = self._found.get(text)
        if found is not None:
            return bool(found)
        lowered = _lowered(text)
        if lowered is None:
            return bool(self._search(text, first=True))
        if self._any is not None and self._any.search(lowered) is not None:
            return True
        return bool(self._durations) and bool(self._timed(text))

    def naming(self, texts: Sequence[str]) -> list[bool]:
        """`names` of each text, told in one pass of the terms' pattern over all of them."""
        # NUL is no letter, space or hyphen: no term's pattern runs across it into the next text.
        joined = "\0".join(texts)
        lowered = joined.lower()
        if len(lowered) != len(joined) or self._any is None:
            return [self.names(text) for text in texts]
        starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        flags = [False] * len(texts)
        position = 0
        while (match := self._any.search(lowered, position)) is not None:
            index = bisect_right(starts, match.start()) - 1
            flags[index] = True
            if index + 1 == len(starts):
                break
            position = starts[index + 1]
        if self._durations:
            for index, text in enumerate(texts):
                if not flags[index] and self._timed(text):
                    flags[index] = True
        return flags

    def owners(self, text: str) -> frozenset[str]:
        return frozenset(owner for owner, *_ in self.find(text))

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """(owner, term, start, end) of every match in the text's order; the longer wins where two overlap."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) > 200_000:
                self._found.clear()
            found = self._found[text] = self._search(text)
        return found

    def _search(self, text: str, *, first: bool = False) -> list[tuple[str, str, int, int]]:
        matches: list[tuple[int, int, str, str]] = []
        lowered = _lowered(text)
        if lowered is None:  # outside ASCII: every term, each case folded by the pattern
            for each in self._words:
                pattern = re.compile(each.pattern.pattern, re.IGNORECASE)
                matches.extend(
                    (m.start(), m.end(), each.owner, each.term)
                    for m in pattern.finditer(text)
                    if _starts_word(text, m.start())
                )
        elif self._screen is not None and (firsts := set(self._screen.findall(lowered))):
            by_first, terms, prefixes = self._by_first, self._words, self._prefixes
            starts = dict.fromkeys(start for word in firsts for start in prefixes[word])
            for index in dict.fromkeys(index for word in starts for index in by_first[word]):
                each = terms[index]
                if len(each.needs) == 1 or _holds_each(lowered, each.needs):
                    for m in each.pattern.finditer(lowered):
                        if _starts_word(lowered, m.start()):
                            matches.append((m.start(), m.end(), each.owner, each.term))
                            if first:
                                return [(each.owner, each.term, m.start(), m.end())]
        if self._durations:
            matches.extend(self._timed(text))
        return _longest(matches) if matches else []

    def _timed(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, owner, term) of each duration in `text` that has a term's value."""
        matches = []
        for start, end, value in duration_spans(text):
            for owner, term, seconds in self._durations:
                if value == seconds:
                    matches.append((start, end, owner, term))
        return matches


def _holds_each(lowered: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """True when `lowered` holds one of the stems of each word after the first."""
    for word in needs[1:]:
        for alternative in word:
            if alternative in lowered:
                break
        else:
            return False
    return True


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum())


def _longest(matches: list[tuple[int, int, str, str]]) -> list[tuple[str, str, int, int]]:
    """Matches that no longer one overlaps; two owners may share the very same words."""
    matches.sort(key=lambda item: (item[0] - item[1], item[0]))
    kept: list[tuple[int, int, str, str]] = []
    for start, end, owner, term in matches:
        if all(
            end <= other[0] or other[1] <= start or ((start, end) == other[:2] and owner != other[2])
            for other in kept
        ):
            kept.append((start, end, owner, term))
    kept.sort()
    return [(owner, term, start, end) for start, end, owner, term in kept]
