"""ClauseNumber as a value type, and sub-item label values."""

from __future__ import annotations

import pytest

from spectool.model.numbers import ClauseNumber, letter_value, roman_value


def test_parse_and_render() -> None:
    number = ClauseNumber.parse("5.7.4.12")
    assert number.parts == (5, 7, 4, 12)
    assert str(number) == "5.7.4.12"
    assert ClauseNumber.parse("5.7.") == ClauseNumber((5, 7))


def test_ordering_is_numeric_not_textual() -> None:
    numbers = [ClauseNumber.parse(text) for text in ["5.10", "5.9", "5.9.1", "4.12"]]
    assert [str(n) for n in sorted(numbers)] == ["4.12", "5.9", "5.9.1", "5.10"]


def test_family() -> None:
    number = ClauseNumber.parse("5.7.4")
    assert str(number.parent) == "5.7"
    assert ClauseNumber.parse("5").parent is None
    assert str(number.child(2)) == "5.7.4.2"
    assert str(number.sibling(5)) == "5.7.5"
    assert number.is_within(ClauseNumber.parse("5.7"))
    assert not ClauseNumber.parse("5.70").is_within(ClauseNumber.parse("5.7"))


@pytest.mark.parametrize("text", ["", "5.a", "v5", "5..7", " . "])
def test_rejects_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        ClauseNumber.parse(text)


def test_label_values() -> None:
    assert [roman_value(label) for label in ["i", "iv", "ix", "xiv", "xl"]] == [1, 4, 9, 14, 40]
    assert [letter_value(label) for label in ["a", "z", "aa"]] == [1, 26, 27]


def test_inserted_numbers_parse_and_render() -> None:
    number = ClauseNumber.parse("5.6.4AA")
    assert number.parts == (5, 6, 4)
    assert number.suffixes == ("", "", "AA")
    assert str(number) == "5.6.4AA"
    assert number.is_inserted
    assert not ClauseNumber.parse("5A.1").is_inserted
    assert ClauseNumber((5, 6, 4), suffixes=("", "", "A")) == ClauseNumber.parse("5.6.4A")
    assert str(ClauseNumber((5, 6), suffixes=("A", ""))) == "5A.6"


def test_inserted_numbers_sort_between_their_neighbours() -> None:
    texts = ["5.6.5", "5.6.4B", "5.6.4AA", "5.6.4", "5.6.4A", "5.6.4A.1", "6", "5A", "5A.1"]
    ordered = [str(n) for n in sorted(ClauseNumber.parse(text) for text in texts)]
    assert ordered == ["5.6.4", "5.6.4A", "5.6.4A.1", "5.6.4AA", "5.6.4B", "5.6.5", "5A", "5A.1", "6"]
    assert ClauseNumber.parse("5.6.4") < ClauseNumber.parse("5.6.4A") < ClauseNumber.parse("5.6.5")
    assert ClauseNumber.parse("5.6.4A") != ClauseNumber.parse("5.6.4")


def test_inserted_numbers_know_their_family() -> None:
    number = ClauseNumber.parse("5A.2.1")
    assert str(number.parent) == "5A.2"
    assert number.is_within(ClauseNumber.parse("5A"))
    assert not number.is_within(ClauseNumber.parse("5"))
    assert str(ClauseNumber.parse("5.6.4A").child(1)) == "5.6.4A.1"
    assert str(ClauseNumber.parse("5.6.4A").sibling(5)) == "5.6.5"
    # A plain number and the same number with empty suffixes are one value (same hash, same key).
    assert {ClauseNumber((5, 6), suffixes=("", "")): 1}[ClauseNumber.parse("5.6")] == 1


@pytest.mark.parametrize("text", ["5.a", "5.6.4Ab", "A5", "5.6.4ABCD", "5.A"])
def test_rejects_letters_that_are_not_an_insertion(text: str) -> None:
    with pytest.raises(ValueError):
        ClauseNumber.parse(text)
