"""Terms are literal words: whole words, any case, any white space, a trailing '*', longest first."""

from __future__ import annotations

import pytest

from spectool.coverage.terms import Vocabulary, term_pattern, term_problem


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("firmware upgrade", "during a Firmware\n  Upgrade.", "Firmware\n  Upgrade"),
        ("reboot*", "while it is rebooting", "rebooting"),
        ("reboot*", "a reboot.", "reboot"),
        ("3 minutes", "without power for 3 minutes,", "3 minutes"),
        ("three-phase", "a three-phase Supply", "three-phase"),
        ("OTA", "an (OTA) upgrade", "OTA"),
    ],
)
def test_term_is_found(term: str, text: str, found: str) -> None:
    match = term_pattern(term).search(text)
    assert match is not None and match.group() == found


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("ESME", "ESMEs"),
        ("reboot", "rebooting"),
        ("OTA", "quota"),
        ("power.", "powerX"),  # the dot is literal, not "any character"
        ("firmware upgrade", "firmware-upgrade"),
    ],
)
def test_term_is_not_found(term: str, text: str) -> None:
    assert term_pattern(term).search(text) is None


def test_longest_term_wins_and_shared_terms_count_for_each_owner() -> None:
    vocabulary = Vocabulary.of(
        [("single", ["ESME"]), ("twin", ["ESME", "Twin Element ESME"]), ("poly", ["Polyphase ESME"])]
    )
    found = vocabulary.find("Polyphase ESME and Twin Element ESME and ESME")
    assert [(item.owner, item.found) for item in found] == [
        ("poly", "Polyphase ESME"),
        ("twin", "Twin Element ESME"),
        ("single", "ESME"),
        ("twin", "ESME"),
    ]


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
