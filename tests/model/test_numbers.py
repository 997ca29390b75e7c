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
