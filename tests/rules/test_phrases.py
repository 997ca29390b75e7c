"""Phrase matching: whole words, any case, any whitespace between words, longest phrase first."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from spectool.rules.phrases import PhraseSet, normalise

WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=1, max_size=4)
SPACE = st.sampled_from([" ", "  ", "\n  ", "\t", " \n    "])


@given(WORDS, st.lists(SPACE, min_size=3, max_size=3), st.booleans())
def test_a_phrase_is_found_whatever_the_spacing_and_case(
    words: list[str], spaces: list[str], upper: bool
) -> None:
    phrase = " ".join(words)
    written = "".join(word + spaces[index % 3] for index, word in enumerate(words)).rstrip()
    written = written.upper() if upper else written
    text = f"before {written} after"
    (match,) = PhraseSet([phrase]).finditer(text)
    assert normalise(text[match.start : match.end]) == normalise(written)


@given(WORDS, st.sampled_from(["x", "9", "_", "non-"]))
def test_a_phrase_inside_a_longer_word_is_not_found(words: list[str], extra: str) -> None:
    phrase = " ".join(words)
    assert PhraseSet([phrase]).search(f"zz {extra}{phrase} zz") is None
    assert PhraseSet([phrase]).search(f"zz {phrase}{extra.strip('-') or 'x'}y zz") is None


def test_plural_endings_and_their_suffix() -> None:
    phrases = PhraseSet(["power failure", "Comms Hub"])
    found = [
        (m.text, m.suffix(phrases.phrases[m.index])) for m in phrases.finditer("Power Failures; comms hubs.")
    ]
    assert found == [("Power Failures", "s"), ("comms hubs", "s")]


def test_the_longest_phrase_wins_where_two_start_together() -> None:
    phrases = PhraseSet(["power failure", "power failure alarm", "mains power failure"])
    found = [
        phrases.phrases[m.index] for m in phrases.finditer("a power failure alarm; a mains power failure")
    ]
    assert found == ["power failure alarm", "mains power failure"]


def test_case_sensitive_sets_and_punctuation_at_the_edges() -> None:
    assert PhraseSet(["Supply Outage"], case_sensitive=True).search("supply outage") is None
    assert PhraseSet(["(SMETS)"]).search("the (smets) text") is not None
    assert PhraseSet([]).search("anything") is None and not PhraseSet([])


def test_regex_characters_in_a_phrase_are_literal() -> None:
    assert PhraseSet(["a.b"]).search("axb") is None
    assert PhraseSet(["a.b"]).search("an a.b here") is not None
    assert re.escape("a.b") == r"a\.b"
