"""Word's automatic numbering: the label each paragraph shows, level by level, with restarts."""

from __future__ import annotations

from lxml import etree

from spectool.amend import transformer as amend_transformer
from spectool.docx_import.list_numbers import ListCounter, format_number
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.words import ordinal

from .docx_builder import NSDECL, abstract_xml, level_xml, num_xml

OUTLINE = abstract_xml(
    1,
    level_xml(0, "%1", start=5),
    level_xml(1, "%1.%2"),
    level_xml(2, "%1.%2.%3"),
)


def counter(*definitions: str, styles: str = "") -> ListCounter:
    numbering = etree.fromstring(f"<w:numbering {NSDECL}>{''.join(definitions)}</w:numbering>")
    style_root = etree.fromstring(f"<w:styles {NSDECL}>{styles}</w:styles>")
    return ListCounter(NumberingDefinitions.from_elements(numbering, style_root))


def labels(count: ListCounter, *paragraphs: tuple[int, int]) -> list[str]:
    shown = []
    for num_id, level in paragraphs:
        label = count.label(num_id, level)
        shown.append("?" if label is None else label.text)
    return shown


def test_multi_level_list_counts_each_level_and_restarts_deeper_ones() -> None:
    count = counter(OUTLINE, num_xml(1, 1))
    sequence = [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1)]
    assert labels(count, *sequence) == ["5", "5.1", "5.1.1", "5.1.2", "5.2", "5.2.1", "6", "6.1"]


def test_a_skipped_level_shows_its_start_less_one_as_word_does() -> None:
    count = counter(OUTLINE, num_xml(1, 1))
    assert labels(count, (1, 0), (1, 2), (1, 1)) == ["5", "5.0.1", "5.1"]


def test_start_override_restarts_the_shared_count_once() -> None:
    items = abstract_xml(2, level_xml(0, "(%1)", "lowerLetter"))
    count = counter(items, num_xml(1, 2), num_xml(2, 2, {0: 1}), num_xml(3, 2))
    sequence = [(1, 0), (1, 0), (2, 0), (2, 0), (1, 0), (3, 0)]
    # numIds on one abstract list share its count: numId 2 restarts it, numIds 1 and 3 continue it.
    assert labels(count, *sequence) == ["(a)", "(b)", "(a)", "(b)", "(c)", "(d)"]


def test_start_override_to_another_value() -> None:
    count = counter(OUTLINE, num_xml(1, 1), num_xml(2, 1, {0: 9}))
    assert labels(count, (1, 0), (2, 0), (2, 1), (1, 1)) == ["5", "9", "9.1", "9.2"]


def test_level_restart_after_a_named_level_only() -> None:
    items = abstract_xml(
        3,
        level_xml(0, "%1"),
        level_xml(1, "%1.%2"),
        level_xml(2, "(%3)", "lowerLetter", extra='<w:lvlRestart w:val="1"/>'),
        level_xml(3, "(%4)", "lowerRoman", extra='<w:lvlRestart w:val="0"/>'),
    )
    count = counter(items, num_xml(1, 3))
    sequence = [(1, 0), (1, 2), (1, 1), (1, 2), (1, 3), (1, 0), (1, 2), (1, 3)]
    assert labels(count, *sequence) == ["1", "(a)", "1.1", "(b)", "(i)", "2", "(a)", "(ii)"]


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert format_number(12, "upperRoman") == "XII"
    assert format_number(3, "upperLetter") == "C"
    assert format_number(7, "decimalZero") == "07"
    assert format_number(2, "ordinal") == "2nd"
    assert format_number(12, "ordinal") == "12th"
    assert format_number(4, "none") == ""
    assert format_number(4, "chineseCounting") == "4"


def test_legal_numbering_shows_every_level_as_a_decimal() -> None:
    parts = abstract_xml(
        4,
        level_xml(0, "Part %1", "upperRoman", start=2),
        level_xml(1, "%1.%2", extra="<w:isLgl/>"),
    )
    count = counter(parts, num_xml(1, 4))
    assert labels(count, (1, 0), (1, 1)) == ["Part II", "2.1"]


def test_bullets_and_unknown_lists() -> None:
    bullets = abstract_xml(5, level_xml(0, "\u2022", "bullet"))
    count = counter(bullets, num_xml(1, 5))
    label = count.label(1, 0)
    assert label is not None and label.is_bullet and label.text == "\u2022"
    assert count.label(99, 0) is None


def test_level_override_replaces_the_level() -> None:
    override = (
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        + level_xml(0, "Chapter %1", "upperLetter")
        + "</w:lvlOverride></w:num>"
    )
    count = counter(OUTLINE, num_xml(1, 1), override)
    assert labels(count, (1, 0), (2, 0)) == ["5", "Chapter F"]


def test_num_style_link_follows_the_numbering_style_to_its_list() -> None:
    linked = '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="ClauseList"/></w:abstractNum>'
    style = (
        '<w:style w:type="numbering" w:styleId="ClauseList"><w:name w:val="Clause List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    count = counter(OUTLINE, linked, num_xml(1, 1), num_xml(2, 7), styles=style)
    assert labels(count, (2, 0), (1, 1), (2, 1)) == ["5", "5.1", "5.2"]


def test_counts_past_word_letters_and_roman_numerals_are_decimals() -> None:
    assert format_number(780, "lowerLetter") == "z" * 30
    assert format_number(781, "upperLetter") == "781"
    assert format_number(3999, "upperRoman") == "MMMCMXCIX"
    assert format_number(4000, "lowerRoman") == "4000"
    assert format_number(10**25, "lowerRoman") == str(10**25)  # OverflowError in roman()


def test_one_ordinal_for_lists_and_amendments() -> None:
    assert vars(amend_transformer)["ordinal"] is ordinal
    assert (
        [format_number(n, "ordinal") for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)]
        == [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)]
        == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th"]
    )
