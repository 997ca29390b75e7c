"""The word filters before the patterns change nothing: found exactly what trying every pattern found."""

from __future__ import annotations

import random
import re
import sys

import pytest

from spectool.coverage.passages import definitions_used
from spectool.coverage.terms import Occurrence, TermSearch, Vocabulary, term_pattern
from tests.coverage.helpers import smets


def every_pattern_tried(vocabulary: Vocabulary, text: str) -> list[Occurrence]:
    """Vocabulary.find as it was first written: every term's pattern run on the whole text."""
    candidates = [
        Occurrence(owner, term, match.start(), match.end(), " ".join(match.group().split()))
        for owner, term in vocabulary.terms
        for match in term_pattern(term).finditer(text)
    ]
    candidates.sort(key=lambda item: (-item.length, item.start))
    kept: list[Occurrence] = []
    for candidate in candidates:
        if all(compatible(candidate, other) for other in kept):
            kept.append(candidate)
    kept.sort(key=lambda item: (item.start, item.owner))
    return kept


def compatible(candidate: Occurrence, kept: Occurrence) -> bool:
    """Apart, or the very same words (two owners may share a term)."""
    apart = candidate.end <= kept.start or kept.end <= candidate.start
    same_span = (candidate.start, candidate.end) == (kept.start, kept.end)
    return apart or (same_span and kept.owner != candidate.owner)


# To IGNORECASE the long s is an "s" and the dotted capital I an "i"; lower case leaves the one and
# makes two letters of the other. The Kelvin sign is a "k" to both.
LONG_S, DOTTED_I, KELVIN = "\u017f", "\u0130", "\u212a"


@pytest.mark.parametrize(
    ("owners", "text"),
    [
        # The longer term absorbs the shorter inside it; a shared term counts for each owner.
        (
            [("single", ["ESME"]), ("twin", ["ESME", "Twin Element ESME"]), ("poly", ["Polyphase ESME"])],
            "Polyphase ESME and Twin\n  Element ESME and ESME",
        ),
        # One owner, two terms on the same words: the first listed is kept.
        ([("row", ["ESME", "esme"]), ("other", ["Esme"])], "an esme, an ESME"),
        # A term's own matches do not overlap: "a a" is found once in "a a a".
        ([("row", ["a a"]), ("other", ["a"])], "a a a"),
        ([("reboot", ["reboot*", "reboot"]), ("restart", ["reboots"])], "it reboots, rebooting, reboot"),
        ([("phase", ["three-phase", "three phase", "phase"])], "three-phase or three\tphase; phase."),
        ([("ota", ["(OTA)", "OTA"])], "an (OTA) upgrade, quota, OTA"),
        # Outside ASCII the word filter cannot be trusted: every term is tried.
        ([("status", ["status", "its status"])], f"its {LONG_S}tatus"),
        ([("inside", ["inside"])], f"{DOTTED_I}nside and inside"),
        ([("k", ["kelvin"]), ("s", ["kelvin scale"])], f"{KELVIN}elvin scale and kelvin"),
        ([("k", [f"{KELVIN}elvin"])], "Kelvin and kelvin"),
        ([("power", ["power*"]), ("outage", ["Power Outage Alert"])], "a Power\u00a0Outage Alert, powered"),
    ],
)
def test_find_is_every_pattern_tried(owners: list[tuple[str, list[str]]], text: str) -> None:
    vocabulary = Vocabulary.of(owners)
    assert vocabulary.find(text) == every_pattern_tried(vocabulary, text)


WORDS = [
    "ESME", "esme", "Esme", "Polyphase", "three", "phase", "three-phase", "a", "A", "reboot", "rebooting",
    "power", "Power", "Outage", "Alert", f"{KELVIN}elvin", "kelvin", "(OTA)", "OTA", "quota", "Hub's", "hub",
    "status", f"{LONG_S}tatus", "inside", f"{DOTTED_I}nside",
]  # fmt: skip
GAPS = [" ", " ", " ", "  ", "\n", "\n  ", "-", ", ", "\t", "\u00a0", ""]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(1, 12)))


def random_vocabulary(rng: random.Random) -> Vocabulary:
    def term() -> str:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        return words + ("*" if rng.random() < 0.2 and words[-1].isalnum() else "")

    return Vocabulary.of(
        (f"owner{owner}", [term() for _ in range(rng.randint(1, 4))]) for owner in range(rng.randint(1, 3))
    )


def test_random_vocabularies_and_texts_find_what_every_pattern_finds() -> None:
    rng = random.Random(20_000)
    for _ in range(2000):
        vocabularies = [random_vocabulary(rng) for _ in range(3)]
        search = TermSearch(vocabularies)
        text = random_text(rng)
        spans = search.spans(text)
        for axis, vocabulary in enumerate(vocabularies):
            expected = every_pattern_tried(vocabulary, text)
            assert vocabulary.find(text) == expected, (vocabulary, text)
            assert [Occurrence(*span) for span in spans[axis]] == expected, (vocabulary, text)
            if expected:
                assert search.may_name(text, axis), (vocabulary, text)


def test_white_space_is_the_same_to_str_split_and_to_patterns() -> None:
    # The defined-term filter joins a text's words with single spaces; a pattern's \s+ must agree.
    white = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        splits = len(f"a{character}b".split()) == 2
        assert (white.match(character) is not None) == character.isspace() == splits, hex(code)


GLOSSARY = (
    '# 2 Glossary\n"Supply" means electricity.\n"Supply Outage" means no Supply.\n'
    '"Activation Date-Time" means when.\n"Date" means a day.\n"Power Outage Event" means an Event.\n'
    '"Event" means something recorded.\n'
)


@pytest.mark.parametrize(
    "text",
    [
        "ESME shall record each Supply Outage.",
        "ESME shall record each Supply\n  Outage and its Activation Date-Time.",
        "ESME shall record the Date of each Power\u00a0Outage Event.",
        "ESME shall record each supply outage (no capitals) and each Events.",
        "ESME shall record the Activation Date-Times.",
    ],
)
def test_definitions_used_are_those_whose_pattern_matches(text: str) -> None:
    spec = smets(GLOSSARY)
    assert definitions_used(spec, text) == [
        definition for definition in spec.definitions() if defined_term(definition.term).search(text)
    ]


def defined_term(term: str) -> re.Pattern[str]:
    """A defined term as definitions_used first matched it: with its capitals, any white space."""
    body = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")
