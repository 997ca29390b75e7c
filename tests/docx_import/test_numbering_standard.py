"""Word numbering by ECMA-376 Part 1 17.9: overrides, parent jumps, legal numbering, list styles, formats."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from spectool.docx_import.number_formats import cardinal_words, format_number, ordinal_words
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.reading import DocumentReader, WordParagraph
from spectool.docx_import.styles import StyleSheet

from .docx_builder import NSDECL, DocxBuilder, abstract_xml, level_xml, num_xml
from .test_list_numbers import OUTLINE, counter, labels


def document_labels(builder: DocxBuilder) -> list[str]:
    """The label of every paragraph of a built document, as the importer reads it ("" for none)."""
    package = zipfile.ZipFile(io.BytesIO(builder.data()))
    parts = {
        name: etree.fromstring(package.read(name)) for name in package.namelist() if name.startswith("word/")
    }
    styles = parts.get("word/styles.xml")
    reader = DocumentReader(
        StyleSheet.from_element(styles),
        NumberingDefinitions.from_elements(parts.get("word/numbering.xml"), styles),
    )
    body = parts["word/document.xml"].find(f"{{{NSDECL[9:-1]}}}body")
    assert body is not None
    blocks = reader.read(body)
    return [block.label.text if block.label else "" for block in blocks if isinstance(block, WordParagraph)]


# -- start overrides ----------------------------------------------------------------------------------
def test_start_override_above_the_paragraphs_level_jumps_the_parent() -> None:
    # numId 2 restarts level 0 at 9 but is first used at level 1: its parent shows 9 (17.9.27).
    count = counter(OUTLINE, num_xml(1, 1), num_xml(2, 1, {0: 9}))
    sequence = [(1, 0), (1, 1), (2, 1), (2, 1), (1, 1), (1, 0)]
    assert labels(count, *sequence) == ["5", "5.1", "9.1", "9.2", "9.3", "10"]


def test_start_override_is_where_the_level_restarts_too() -> None:
    # 17.9.27: the override is used when the level first starts and whenever it is restarted.
    count = counter(OUTLINE, num_xml(1, 1), num_xml(2, 1, {1: 5}))
    sequence = [(1, 0), (2, 0), (2, 1), (2, 1), (2, 0), (2, 1), (1, 0), (1, 1)]
    assert labels(count, *sequence) == ["5", "6", "6.5", "6.6", "7", "7.5", "8", "8.1"]


def test_start_override_below_the_paragraphs_level_waits_for_that_level() -> None:
    count = counter(OUTLINE, num_xml(1, 1), num_xml(2, 1, {2: 4}))
    sequence = [(1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (2, 2)]
    assert labels(count, *sequence) == ["5", "5.1", "5.1.1", "5.2", "5.2.4", "5.2.5"]


def test_start_override_applies_once_per_num_even_after_other_nums() -> None:
    count = counter(OUTLINE, num_xml(1, 1), num_xml(2, 1, {0: 1}))
    assert labels(count, (1, 0), (1, 0), (2, 0), (1, 0), (2, 0)) == ["5", "6", "1", "2", "3"]


def test_a_level_override_with_its_own_start_and_format_above_the_paragraph() -> None:
    override = (
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        + level_xml(0, "Annex %1", "upperLetter", start=3)
        + "</w:lvlOverride></w:num>"
    )
    count = counter(OUTLINE, num_xml(1, 1), override)
    # Level 1 of numId 2 shows level 0 in the override's format: a jump to annex lettering.
    assert labels(count, (1, 0), (2, 1), (2, 0)) == ["5", "E.1", "Annex F"]


# -- restarts and legal numbering -------------------------------------------------------------------
def test_level_restart_zero_never_restarts_and_a_skipped_parent_shows_its_start_less_one() -> None:
    items = abstract_xml(
        3,
        level_xml(0, "%1"),
        level_xml(1, "%1.%2", extra='<w:lvlRestart w:val="0"/>'),
        level_xml(2, "%1.%2.%3"),
    )
    count = counter(items, num_xml(1, 3))
    assert labels(count, (1, 2), (1, 0), (1, 1), (1, 0), (1, 1)) == ["0.0.1", "1", "1.1", "2", "2.2"]


def test_legal_numbering_turns_every_level_decimal_only_on_its_own_level() -> None:
    parts = abstract_xml(
        4,
        level_xml(0, "%1", "upperRoman", start=2),
        level_xml(1, "%1.%2", "lowerLetter", extra="<w:isLgl/>"),
        level_xml(2, "%1.%2.%3", "lowerLetter"),
    )
    count = counter(parts, num_xml(1, 4))
    assert labels(count, (1, 0), (1, 1), (1, 2), (1, 1)) == ["II", "2.1", "II.a.a", "2.2"]


def test_legal_numbering_switched_off_reads_as_not_legal() -> None:
    parts = abstract_xml(
        4, level_xml(0, "%1", "upperRoman"), level_xml(1, "%1.%2", extra='<w:isLgl w:val="0"/>')
    )
    assert labels(counter(parts, num_xml(1, 4)), (1, 0), (1, 1)) == ["I", "I.1"]


# -- numbering through styles ---------------------------------------------------------------------
def heading_outline(builder: DocxBuilder) -> None:
    builder.numbering(
        abstract_xml(
            1,
            level_xml(0, "%1", style="Heading1"),
            level_xml(1, "%1.%2", style="Heading2"),
            level_xml(2, "%1.%2.%3", style="Heading3"),
        ),
        num_xml(1, 1),
    )


def test_heading_styles_linked_to_levels_with_no_level_on_the_styles() -> None:
    builder = DocxBuilder()
    heading_outline(builder)
    for style_id in ("Heading1", "Heading2", "Heading3"):
        builder.link_style(style_id, 1)  # a style that names the list but no level
    for level in (1, 2, 3, 3, 2, 1, 3):
        builder.heading(f"Heading at level {level}", level)
    assert document_labels(builder) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.0.1"]


def test_a_style_with_only_a_level_takes_the_list_of_the_style_it_is_based_on() -> None:
    builder = DocxBuilder()
    builder.numbering(OUTLINE, num_xml(1, 1))
    builder.style("Clause1", "Clause 1", numbering=(1, 0))
    builder.style("Clause2", "Clause 2", based_on="Clause1")
    style = builder.document.styles.element.get_by_id("Clause2")
    assert style is not None
    properties = style.find(f"{{{NSDECL[9:-1]}}}pPr")
    properties = style.get_or_add_pPr() if properties is None else properties
    properties.insert(0, etree.fromstring(f'<w:numPr {NSDECL}><w:ilvl w:val="1"/></w:numPr>'))
    for style_name in ("Clause 1", "Clause 2", "Clause 2", "Clause 1"):
        builder.paragraph("text", style=style_name)
    assert document_labels(builder) == ["5", "5.1", "5.2", "6"]


def test_paragraph_level_wins_over_the_style_and_num_id_zero_switches_numbering_off() -> None:
    builder = DocxBuilder()
    builder.numbering(OUTLINE, num_xml(1, 1))
    builder.style("Clause", "Clause", numbering=(1, 0))
    builder.paragraph("a", style="Clause")
    builder.raw('<w:p><w:pPr><w:pStyle w:val="Clause"/><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr></w:p>')
    builder.raw('<w:p><w:pPr><w:pStyle w:val="Clause"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:p>')
    builder.paragraph("b", style="Clause")
    assert document_labels(builder) == ["5", "5.0.1", "", "6"]


def test_numbering_through_a_list_style_shares_the_count_of_the_list_it_links() -> None:
    definition = (
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="SpecList"/>'
        + level_xml(0, "%1")
        + level_xml(1, "%1.%2")
        + "</w:abstractNum>"
    )
    user = '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="SpecList"/></w:abstractNum>'
    style = (
        '<w:style w:type="numbering" w:styleId="SpecList"><w:name w:val="Spec List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    count = counter(definition, user, num_xml(1, 1), num_xml(2, 2), num_xml(3, 2, {1: 7}), styles=style)
    assert labels(count, (2, 0), (2, 1), (1, 1), (3, 1), (2, 0)) == ["1", "1.1", "1.2", "1.7", "2"]


def test_a_list_style_that_loops_back_on_itself_is_no_list() -> None:
    looping = '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Loop"/></w:abstractNum>'
    style = (
        '<w:style w:type="numbering" w:styleId="Loop"><w:name w:val="Loop"/>'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    )
    assert labels(counter(looping, num_xml(2, 2), styles=style), (2, 0)) == ["?"]


# -- number formats -------------------------------------------------------------------------------
def test_number_words_as_word_writes_them() -> None:
    assert [cardinal_words(n) for n in (0, 7, 19, 20, 21, 99, 100, 345, 1000, 2024)] == [
        "zero",
        "seven",
        "nineteen",
        "twenty",
        "twenty-one",
        "ninety-nine",
        "one hundred",
        "three hundred forty-five",
        "one thousand",
        "two thousand twenty-four",
    ]
    assert [ordinal_words(n) for n in (1, 2, 3, 5, 8, 9, 12, 20, 21, 40, 100, 103)] == [
        "first",
        "second",
        "third",
        "fifth",
        "eighth",
        "ninth",
        "twelfth",
        "twentieth",
        "twenty-first",
        "fortieth",
        "one hundredth",
        "one hundred third",
    ]
    assert format_number(21, "cardinalText") == "Twenty-one"
    assert format_number(23, "ordinalText") == "Twenty-third"
    assert format_number(10**7, "cardinalText") == str(10**7)


def test_symbol_and_enclosed_formats() -> None:
    assert [format_number(n, "chicago") for n in (1, 2, 3, 4, 5, 9)] == [
        "*",
        "\u2020",
        "\u2021",
        "\u00a7",
        "**",
        "***",
    ]
    assert format_number(3, "decimalEnclosedCircle") == "\u2462"
    assert format_number(21, "decimalEnclosedCircle") == "21"
    assert format_number(2, "decimalEnclosedParen") == "\u2475"
    assert format_number(25, "decimalEnclosedParen") == "(25)"
    assert format_number(1, "decimalEnclosedFullstop") == "\u2488"
    assert format_number(12, "decimalFullWidth") == "\uff11\uff12"
    assert format_number(255, "hex") == "FF"
    assert format_number(4, "numberInDash") == "- 4 -"
    assert format_number(0, "lowerRoman") == "" and format_number(0, "upperLetter") == ""
    assert format_number(7, "bullet") == ""


def test_custom_zero_padded_format_written_as_alternate_content() -> None:
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="R%1"/></w:lvl>'
    )
    unknown = level.replace("001, 002, 003, ...", "\u4e00, \u4e8c, \u4e09, ...").replace(
        '"decimal"/></mc:Fallback>', '"upperRoman"/></mc:Fallback>'
    )
    count = counter(
        f'<w:abstractNum w:abstractNumId="1">{level}</w:abstractNum>',
        f'<w:abstractNum w:abstractNumId="2">{unknown}</w:abstractNum>',
        num_xml(1, 1),
        num_xml(2, 2),
    )
    assert labels(count, (1, 0), (1, 0), (2, 0)) == ["R001", "R002", "RI"]
    assert format_number(7, "custom", "01, 02, 03, ...") == "07"


def test_a_level_override_can_tie_its_level_to_a_style() -> None:
    builder = DocxBuilder()
    override = (
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">'
        + level_xml(1, "%1-%2", style="Requirement")
        + "</w:lvlOverride></w:num>"
    )
    builder.numbering(OUTLINE, num_xml(1, 1), override)
    builder.style("Requirement", "Requirement", numbering=(2, None))
    builder.paragraph("part", numbering=(2, 0))
    builder.paragraph("first", style="Requirement")
    builder.paragraph("second", style="Requirement")
    assert document_labels(builder) == ["5", "5-1", "5-2"]
