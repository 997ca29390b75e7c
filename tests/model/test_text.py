"""Text.locate: the source line and column of each character of a text that spans several lines."""

from __future__ import annotations

from spectool.model.document import Text


def _counted(text: Text, offset: int) -> tuple[int, int]:
    """The position found the slow, obvious way: count the newlines before `offset`."""
    index = text.value.count("\n", 0, offset)
    begin = text.value.rfind("\n", 0, offset) + 1
    line, column = text.line_starts[min(index, len(text.line_starts) - 1)]
    return (line, column + offset - begin)


def test_every_offset_is_located_on_its_own_line() -> None:
    text = Text("ESME shall\nrecord each\n\nEvent.", ((7, 6), (8, 3), (9, 3), (10, 3)))
    for offset in range(len(text.value) + 1):
        assert text.locate(offset) == _counted(text, offset)
    assert text.locate(0) == (7, 6)
    assert text.locate(10) == (7, 16)  # the newline itself ends the first line
    assert text.locate(11) == (8, 3)
    assert text.locate(len(text.value)) == (10, 9)


def test_a_text_with_fewer_line_starts_than_lines_stays_on_the_last() -> None:
    text = Text("a\nb\nc", ((4, 1),))
    assert [text.locate(offset) for offset in (0, 2, 4)] == [(4, 1), (4, 1), (4, 1)]


def test_a_text_without_line_starts_has_no_position() -> None:
    assert Text("a\nb").locate(2) == (0, 0)


def test_located_texts_still_compare_and_hash_by_value() -> None:
    located = Text("a\nb", ((1, 1), (2, 1)))
    located.locate(2)
    assert located == Text("a\nb") and hash(located) == hash(Text("a\nb"))
