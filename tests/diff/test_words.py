"""Word-level diff: both texts come back exactly, and a reworded clause reads as a few replacements."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from spectool.diff.model import Op, Segment, Side
from spectool.diff.words import diff_words, tokenize

TEXT = st.lists(st.sampled_from([*"ab c.,;()5\t", "é", "shall ", "not ", "5.7.1 "]), max_size=30).map("".join)


def side(segments: tuple[Segment, ...], which: Side) -> str:
    return "".join(segment.text for segment in segments if segment.on(which))


def changes(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(segment.op.value, segment.text) for segment in segments if segment.op is not Op.EQUAL]


@given(TEXT)
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


@given(TEXT, TEXT)
def test_segments_give_back_both_texts(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert side(segments, Side.OLD) == old
    assert side(segments, Side.NEW) == new
    assert all(segment.text for segment in segments)
    assert all(a.op is not b.op for a, b in pairwise(segments))


def test_a_clause_number_is_one_token() -> None:
    assert tokenize("5.7.1 ESME, in 4.3.") == ["5.7.1", " ", "ESME", ",", " ", "in", " ", "4.3", "."]


def test_renumbering_reads_as_one_replacement() -> None:
    assert changes(diff_words("5.7.3 ESME shall", "5.7.4 ESME shall")) == [
        ("delete", "5.7.3"),
        ("insert", "5.7.4"),
    ]


def test_deletion_reads_before_insertion_and_spaces_stay_unchanged() -> None:
    segments = diff_words("ESME shall not raise an alert.", "ESME shall never raise an alert.")
    assert segments == (
        Segment(Op.EQUAL, "ESME shall "),
        Segment(Op.DELETE, "not"),
        Segment(Op.INSERT, "never"),
        Segment(Op.EQUAL, " raise an alert."),
    )


def test_a_reworded_phrase_is_one_replacement_not_confetti() -> None:
    old = "ESME shall ensure that the supply is maintained during an upgrade."
    new = "ESME shall make sure that power is kept on during any firmware upgrade."
    assert len(changes(diff_words(old, new))) <= 4
    # The short island "that" between two changes is folded into one replacement.
    assert ("delete", "ensure that the supply is maintained") in changes(diff_words(old, new))


def test_long_unchanged_words_between_changes_stay_unchanged() -> None:
    old = "in accordance with Section 4.3 of the CHTS"
    new = "as set out in Section 4.4 of the CHTS"
    segments = diff_words(old, new)
    assert Segment(Op.EQUAL, " Section ") in segments


def test_a_rewritten_text_is_shown_whole() -> None:
    segments = diff_words("the supply of power", "a new source for the device")
    assert segments == (
        Segment(Op.DELETE, "the supply of power"),
        Segment(Op.INSERT, "a new source for the device"),
    )


def test_equal_and_empty_texts() -> None:
    assert diff_words("same", "same") == (Segment(Op.EQUAL, "same"),)
    assert diff_words("", "") == ()
    assert diff_words("", "new") == (Segment(Op.INSERT, "new"),)
