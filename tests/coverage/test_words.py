"""Terms match word forms, hyphenation, synonyms and durations in any unit; the longer term wins."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spectool.coverage.words import Vocabulary, durations, stem, synonym_map, term_problem

SYNONYMS = synonym_map([["upgrade", "update"], ["restart", "reboot"]])


def found(term: str, text: str) -> list[str]:
    vocabulary = Vocabulary.of([("owner", [term])], SYNONYMS)
    return [text[start:end] for _, _, start, end in vocabulary.find(text)]


@pytest.mark.parametrize(
    ("term", "text", "words"),
    [
        ("firmware upgrade", "during a Firmware\n  Upgrade.", "Firmware\n  Upgrade"),
        ("firmware upgrade", "while upgrading firmware, and firmware upgrades", "firmware upgrades"),
        ("firmware upgrade", "a firmware-upgrade", "firmware-upgrade"),
        ("firmware upgrade", "each firmware update", "firmware update"),
        ("restart", "while it reboots", "reboots"),
        ("restart", "when it is restarted", "restarted"),
        ("activation", "before activating a Firmware Image", "activating"),
        ("three-phase", "a three phase Supply", "three phase"),
        ("Hot Shoe", "on a hot-shoe", "hot-shoe"),
        ("OTA", "an (OTA) upgrade", "OTA"),
        ("3 minutes", "without power for three (3) minutes,", "three (3) minutes"),
        ("3 minutes", "for more than 180 seconds", "180 seconds"),
    ],
)
def test_word_forms_are_found(term: str, text: str, words: str) -> None:
    assert words in found(term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("OTA", "quota"),
        ("OTA", "other"),
        ("three-phase", "through a phase"),
        ("3 minutes", "for 5 minutes"),
        ("restart", "a start"),
        ("firmware upgrade", "firmware, and an upgrade"),
    ],
)
def test_other_words_are_not_found(term: str, text: str) -> None:
    assert found(term, text) == []


def test_longest_term_wins_and_shared_terms_count_for_each_owner() -> None:
    vocabulary = Vocabulary.of(
        [("single", ["ESME"]), ("twin", ["ESME", "Twin Element ESME"]), ("poly", ["Polyphase ESME"])]
    )
    text = "Polyphase ESME and Twin Element ESME and ESME"
    assert [(owner, text[start:end]) for owner, _, start, end in vocabulary.find(text)] == [
        ("poly", "Polyphase ESME"),
        ("twin", "Twin Element ESME"),
        ("single", "ESME"),
        ("twin", "ESME"),
    ]


def test_stems_meet_across_word_forms() -> None:
    assert stem("upgrading") == stem("upgrade") == stem("upgrades")
    assert stem("activation") == stem("activate")
    assert stem("three") != stem("through")


def test_durations_are_normalised_to_seconds() -> None:
    assert durations("within three (3) minutes or 90 seconds, not 2 hours") == (
        Fraction(180),
        Fraction(90),
        Fraction(7200),
    )


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("within 5 s of the event", 5),
        ("after 180s", 180),
        ("three (3) s later", 3),
        ("10 ms", Fraction(1, 100)),
    ],
)
def test_durations_in_the_short_units_are_found(text: str, seconds: Fraction) -> None:
    assert durations(text) == (Fraction(seconds),)


@pytest.mark.parametrize(
    ("term", "problem"),
    [
        ("  ", "has no letters or digits"),
        ("fire*ware", "may only end with one '*'"),
        ("reboot**", "may only end with one '*'"),
        ("(*", "has no letters or digits"),
        ("a -*", "must have a letter before its '*'"),
    ],
)
def test_unusable_terms_are_refused(term: str, problem: str) -> None:
    assert (term_problem(term) or "").startswith(problem)


def test_usable_terms_pass() -> None:
    assert [term_problem(term) for term in ("reboot*", "Hot Shoe", "3-phase", "AD1")] == [None] * 4


def test_a_term_whose_first_word_starts_a_longer_terms_is_still_found() -> None:
    # "Firm" takes any ending, so it names "firmware"; the screen found only the longer "firmwar".
    vocabulary = Vocabulary.of([("a", ["Firmware Upgrade"]), ("b", ["Firm"])], SYNONYMS)
    assert vocabulary.find("a firmware change") == [("b", "Firm", 2, 10)]
    assert vocabulary.find("a firmware upgrade") == [("a", "Firmware Upgrade", 2, 18)]


POOL = ("firm", "firmware", "upgrade", "poly", "polyphase", "esme", "hub", "hot", "shoe", "update")


@settings(max_examples=300, deadline=None)
@given(
    terms=st.lists(
        st.lists(st.sampled_from(POOL), min_size=1, max_size=2).map(" ".join), min_size=1, max_size=5
    ),
    words=st.lists(st.sampled_from((*POOL, "the", "a", "-", "firmwares")), max_size=12),
)
def test_the_screen_finds_what_reading_every_term_finds(terms: list[str], words: list[str]) -> None:
    # Outside ASCII (a final "İ", whose lower case is two letters long) every term's pattern runs on
    # the text; in ASCII only the terms the screen lets through. Both must find the same.
    vocabulary = Vocabulary.of([(term, [term]) for term in terms], SYNONYMS)
    text = " ".join(words)
    assert vocabulary.find(text) == vocabulary.find(text + " İ")
