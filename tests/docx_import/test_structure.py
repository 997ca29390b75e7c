"""Headings become sections; typed and automatic numbers become clauses; labels become sub-items."""

from __future__ import annotations

from pathlib import Path

from spectool.docx_import import DocxImport
from spectool.model.document import Clause, Heading, Paragraph, Spec, Text

from .docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml


def numbers(spec: Spec) -> list[str]:
    return [str(clause.number) for clause in spec.clauses()]


def sections(spec: Spec) -> list[tuple[str, str]]:
    return [(str(section.number), section.title) for section in spec.sections]


def messages(result: DocxImport) -> list[str]:
    return [str(issue) for issue in result.issues]


def outline() -> DocxBuilder:
    """Headings 1-2 linked to an outline list that starts at 5; clauses at its third level."""
    builder = DocxBuilder()
    builder.numbering(
        abstract_xml(
            1,
            level_xml(0, "%1", start=5, style="Heading1"),
            level_xml(1, "%1.%2", style="Heading2"),
            level_xml(2, "%1.%2.%3"),
        ),
        abstract_xml(2, level_xml(0, "(%1)", "lowerLetter"), level_xml(1, "(%2)", "lowerRoman")),
        num_xml(1, 1),
        num_xml(2, 2),
        num_xml(3, 2, {0: 1}),
    )
    builder.link_style("Heading1", 1)
    builder.link_style("Heading2", 1)
    return builder


def test_multi_level_automatic_numbering_with_a_restart_and_typed_numbers(tmp_path: Path) -> None:
    builder = outline()
    builder.heading("Electricity Smart Metering Equipment", 1)
    builder.heading("General", 2)
    builder.paragraph("ESME shall operate:", numbering=(1, 2))
    builder.paragraph("during normal operation; and", numbering=(2, 0))
    builder.paragraph("in Polyphase configurations;", numbering=(2, 1))
    builder.paragraph("otherwise.", numbering=(2, 0))
    builder.paragraph("ESME shall record:", numbering=(1, 2))
    builder.paragraph("the time;", numbering=(3, 0))  # a new numId restarting the (a) list
    builder.paragraph("the date.", numbering=(3, 0))
    builder.paragraph("5.1.3\tESME shall be typed by hand.")
    builder.heading("Power Supply", 2)
    builder.paragraph("ESME shall draw power.", numbering=(1, 2))
    result = import_built(builder, tmp_path)
    spec = result.spec
    assert sections(spec) == [
        ("5", "Electricity Smart Metering Equipment"),
        ("5.1", "General"),
        ("5.2", "Power Supply"),
    ]
    assert numbers(spec) == ["5.1.1", "5.1.2", "5.1.3", "5.2.1"]
    first = spec.clause("5.1.1")
    assert first is not None and first.text.value == "ESME shall operate:"
    assert [item.label for item in first.items] == ["a", "b"]
    assert [child.label for child in first.items[0].items] == ["i"]
    assert first.items[0].items[0].text.value == "in Polyphase configurations;"
    second = spec.clause("5.1.2")
    assert second is not None and [item.label for item in second.items] == ["a", "b"]
    assert result.issues == ()


def test_a_typed_number_does_not_advance_word_s_count(tmp_path: Path) -> None:
    builder = outline()
    builder.heading("Electricity Smart Metering Equipment", 1)
    builder.heading("General", 2)
    builder.paragraph("ESME shall operate.", numbering=(1, 2))
    builder.paragraph("5.1.2 ESME shall be typed.")
    builder.paragraph("ESME shall be numbered by Word.", numbering=(1, 2))
    result = import_built(builder, tmp_path)
    # Word shows 5.1.2 twice: the first is the clause, the second stays as free text with its number.
    assert numbers(result.spec) == ["5.1.1", "5.1.2"]
    second = result.spec.sections[-1].blocks[-1]
    assert isinstance(second, Paragraph)
    assert (second.label, second.text.value) == ("5.1.2", "ESME shall be numbered by Word.")
    assert messages(result) == [
        'paragraph 5 ("5.1.2 ESME shall be numbered by Word."): 1 clause number used a second time: '
        "kept as free paragraphs labelled with the number"
    ]


def test_typed_heading_numbers_and_heading_levels(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.style("SecHeading", "SEC Heading", based_on="Heading2")
    builder.style("Outline3", "Clause Group", outline_level=2)
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.paragraph("5.7 Power Supply", style="SEC Heading")
    builder.paragraph("5.7.4\tPower Outage", style="Clause Group")
    builder.paragraph("5.7.4.12 ESME shall log the outage.")
    builder.heading("5.8. Display", 2)
    builder.paragraph("5.8.1 ESME shall display the time.")
    spec = import_built(builder, tmp_path).spec
    assert sections(spec) == [
        ("5", "Electricity Smart Metering Equipment"),
        ("5.7", "Power Supply"),
        ("5.7.4", "Power Outage"),
        ("5.8", "Display"),
    ]
    assert numbers(spec) == ["5.7.4.12", "5.8.1"]


def test_a_clause_numbered_through_a_heading_style_stays_a_clause(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.heading("5.7.1 ESME shall supply power.", 3)
    spec = import_built(builder, tmp_path).spec
    assert sections(spec) == [("5", ""), ("5.7", "Power Supply")]
    assert numbers(spec) == ["5.7.1"]


def test_missing_parent_headings_are_added_and_reported(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.paragraph("4.2.1 CHF shall start.")
    result = import_built(builder, tmp_path)
    assert sections(result.spec) == [("4", ""), ("4.2", "")]
    assert messages(result) == [
        'paragraph 1 ("4.2.1 CHF shall start."): 2 clauses or sections with no heading of their parents '
        "above them: an empty heading is added for each missing parent (the first is here)",
    ]


def test_a_clause_deeper_than_its_heading_needs_no_added_heading(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("3 Communications Hub", 1)
    builder.paragraph("3.2.1 CHF shall start.")
    builder.paragraph("3.2.2 CHF shall stop.")
    result = import_built(builder, tmp_path)
    assert sections(result.spec) == [("3", "Communications Hub")]
    assert numbers(result.spec) == ["3.2.1", "3.2.2"]
    assert result.issues == ()


def test_what_cannot_be_placed_is_reported_with_paragraph_and_first_words(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.paragraph("Cover page text that belongs to no section.")
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.paragraph("Introductory words directly under the heading.")
    builder.heading("5.1 General", 2)
    builder.paragraph("5.1.1 ESME shall operate:")
    builder.paragraph("(a) quietly.")
    builder.paragraph("Words after the sub-items, which the format cannot hold anywhere.")
    builder.heading("Annex", 1)
    builder.paragraph("Text under an unnumbered heading.")
    builder.heading("5.2 Display", 2)
    builder.paragraph("5.1.2 ESME shall stand in the wrong section.")
    result = import_built(builder, tmp_path)
    spec = result.spec
    assert numbers(spec) == ["5.1.1"]
    assert spec.front == (Paragraph(Text("Cover page text that belongs to no section.")),)
    assert spec.sections[0].blocks == (Paragraph(Text("Introductory words directly under the heading.")),)
    clause, after, annex, under = spec.sections[1].blocks
    assert isinstance(clause, Clause) and clause.id == "5.1.1"
    assert after == Paragraph(Text("Words after the sub-items, which the format cannot hold anywhere."))
    assert annex == Heading(1, "Annex", "")
    assert under == Paragraph(Text("Text under an unnumbered heading."))
    assert spec.sections[2].blocks == (Paragraph(Text("ESME shall stand in the wrong section."), "5.1.2"),)
    assert messages(result) == [
        'paragraph 1 ("Cover page text that belongs to no section."): 4 paragraphs that are no clause, '
        "definition, note or sub-item: kept as free paragraphs (the first is here)",
        'paragraph 8 ("Annex"): 1 heading without a number: kept as headings that open no section',
        'paragraph 11 ("5.1.2 ESME shall stand in the wrong section."): 1 clause standing away from its '
        "section: kept as free paragraphs labelled with the number",
    ]


def test_typed_sub_items_letters_and_roman_numerals(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall:")
    for label in "abcdefgh":
        builder.paragraph(f"({label}) item {label};")
    builder.paragraph("(i) item i, a letter after (h);")
    builder.paragraph("(ii) a roman numeral under (i);")
    builder.paragraph("(iii) and another;")
    builder.paragraph("(j)\tthe last letter.")
    spec = import_built(builder, tmp_path).spec
    clause = spec.clause("5.7.1")
    assert clause is not None
    assert [item.label for item in clause.items] == [*"abcdefghi", "j"]
    assert [child.label for child in clause.items[8].items] == ["ii", "iii"]
    assert clause.items[9].text.value == "the last letter."


def test_a_roman_list_with_no_letters_stays_first_level_while_the_format_allows(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall:")
    builder.paragraph("(i) start;")
    builder.paragraph("(ii) run;")
    builder.paragraph("(iii) stop.")
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    assert [item.label for item in clause.items] == ["i", "ii"]
    assert clause.items[1].text.value == "run; (iii) stop."
    assert messages(result) == [
        'paragraph 6 ("(iii) stop."): sub-item (iii) cannot stand as a first-level sub-item in the source '
        "format: kept as text"
    ]


def test_the_cover_page_gives_status_and_date_and_is_checked_against_the_version(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.paragraph("Smart Metering Equipment Technical Specifications", style="Title")
    builder.paragraph("SMETS2 version 4.2", style="Subtitle")
    builder.paragraph("Status: Designated")
    builder.paragraph("Date:\t2021-11-04")
    builder.paragraph("Document version history")
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    result = import_built(builder, tmp_path)
    spec = result.spec
    assert (spec.title, spec.status, spec.date) == (
        "Smart Metering Equipment Technical Specifications",
        "Designated",
        "2021-11-04",
    )
    assert messages(result)[:2] == [
        'paragraph 2 ("SMETS2 version 4.2"): the cover says SMETS2 version 4.2; imported as SMETS2 5.0',
        'paragraph 5 ("Document version history"): 1 paragraph that is no clause, definition, note or '
        "sub-item: kept as free paragraphs",
    ]
    # What the header holds is not repeated; the rest of the cover page is front matter.
    assert spec.front == (Paragraph(Text("Document version history")),)


def test_labels_the_format_has_no_sub_item_for_stay_as_text_of_the_item_above(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall:")
    builder.paragraph("(a) act:")
    builder.paragraph("(i) at once:")
    builder.paragraph("(A) by day; and")
    builder.paragraph("(B) by night.")
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    assert clause.items[0].items[0].text.value == "at once:\n(A) by day; and\n(B) by night."
    assert messages(result)[-2:] == [
        'paragraph 5 ("(A) by day; and"): (A) cannot be a sub-item in the source format: kept as text of (i)',
        'paragraph 6 ("(B) by night."): (B) cannot be a sub-item in the source format: kept as text of (i)',
    ]


def test_a_list_level_that_shows_nothing_leaves_the_typed_number(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.numbering(abstract_xml(1, level_xml(0, "", "none")), num_xml(1, 1))
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.", numbering=(1, 0))
    assert numbers(import_built(builder, tmp_path).spec) == ["5.7.1"]
