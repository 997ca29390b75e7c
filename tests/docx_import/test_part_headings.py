"""A heading labelled "Part I" (by Word's list or typed) is the section what follows it is numbered under,
and export writes it back as the document showed it (spectool/wordml/part_labels.py)."""

from __future__ import annotations

from pathlib import Path

from spectool.diff.page import spec_page
from spectool.docx_export.contents import contents_entries
from spectool.docx_import import import_docx
from spectool.model.document import Clause, Heading, Paragraph, Section, Spec, Table, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec
from spectool.wordml.part_labels import counted_label, label_count

from .docx_builder import DocxBuilder, import_built
from .sec_shapes import legal_outline
from .test_losses import export, exported_again, paragraph_texts

NUMBER = ClauseNumber.parse


def test_a_part_heading_labelled_by_word_is_the_section_its_items_are_numbered_under(tmp_path: Path) -> None:
    result = import_built(legal_outline(), tmp_path)
    sections = [(str(section.number), section.title) for section in result.spec.sections]
    assert sections[0] == ("1", "Part I Scope") and ("2", "Part II Interfaces") in sections
    assert not any(isinstance(block, Heading) for s in result.spec.sections for block in s.blocks)
    assert [issue.message.split(":")[0] for issue in result.issues] == [
        "2 headings whose labels count to the sections of what follows them (Part I before 1.1)"
    ]
    assert "\n  1: p2@1\n" in result.source  # the heading's paragraph is the section's, none is added
    path = export(result.spec, tmp_path)
    # "Part I" is Word's label again, as in the original, not a typed "1 Part I Scope".
    texts = paragraph_texts(path)
    assert "Scope" in texts and "Interfaces" in texts and not any("Part I" in text for text in texts)
    assert import_docx(path, name="SMETS2", version="5.0").spec == result.spec


def test_a_typed_part_heading_counts_to_its_section_and_only_to_its_own(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("Part 3 Metering", 1)
    builder.paragraph("This part covers metering.")
    builder.paragraph("3.1 The meter shall keep a log.")
    builder.heading("Part IV Communications", 1)
    builder.paragraph("5.1 The hub shall relay alerts.")
    result = import_built(builder, tmp_path)
    (metering, communications) = result.spec.sections
    assert (str(metering.number), metering.title) == ("3", "Part 3 Metering")
    assert metering.blocks[0] == Paragraph(Text("This part covers metering."))
    # Part IV counts to 4, not to the 5 that clause 5.1 needs: it stays a heading, 5 is added.
    assert metering.blocks[-1] == Heading(1, "Communications", "Part IV")
    assert (str(communications.number), communications.title) == ("5", "")
    # "Part 3" is typed back (Word's label "Part 3" would read as the number 3).
    assert "Part 3 Metering" in paragraph_texts(export(result.spec, tmp_path))
    assert exported_again(result.spec, tmp_path).spec == result.spec


def test_a_part_heading_before_a_table_stays_a_heading(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("Part I Scope", 1)
    builder.table([["Reference", "Requirement"], ["R1", "Show the time"]], header_row=True)
    builder.paragraph("1.1 The meter shall keep a log.")
    result = import_built(builder, tmp_path)
    assert result.spec.front[0] == Heading(1, "Scope", "Part I")
    assert (str(result.spec.sections[0].number), result.spec.sections[0].title) == ("1", "")
    assert exported_again(result.spec, tmp_path).spec == result.spec


def test_a_section_titled_part_i_is_typed_with_its_number_unless_the_import_counts_it(tmp_path: Path) -> None:
    table = Table("", ("Reference",), (("R1",),))
    clause = Clause(NUMBER("1.1"), Text("The meter shall keep a log."))
    counted = Section(NUMBER("1"), "Part I Scope", (Paragraph(Text("This part covers it.")), clause))
    typed = Section(NUMBER("1"), "Part I Scope", (table, clause))
    assert counted_label(counted, None) == ("Part I", "Scope") and counted_label(typed, None) is None
    for section, heading in ((counted, "Part I Scope"), (typed, "1 Part I Scope")):
        spec = Spec("SMETS2", "5.0", "Parts", (section,))
        assert spec_page(spec).units[0].blocks[0].text == heading  # type: ignore[union-attr]
        assert contents_entries(spec) == ((1, heading),)
        again = exported_again(spec, tmp_path).spec
        assert [(str(s.number), s.title) for s in again.sections] == [("1", "Part I Scope")]
        assert again.sections[0].blocks == section.blocks


def test_what_a_label_counts_to() -> None:
    assert [label_count(label) for label in ("Part I", "Part XIV", "Schedule 3", "Part IIII", "Annex B")] == [
        1,
        14,
        3,
        None,
        None,
    ]
    source = (
        "---\nspec: SMETS2\nversion: 5.0\ntitle: Parts\n---\n\n# 2 Part II Interfaces\n\n## 2.1 General\n"
    )
    spec = parse_spec(source, "parts.spec")
    assert counted_label(spec.sections[0], spec.sections[1]) == ("Part II", "Interfaces")


def test_free_paragraphs_between_a_part_heading_and_its_first_subsection_go_into_the_part(
    tmp_path: Path,
) -> None:
    builder = DocxBuilder()
    builder.heading("Part I Scope", 1)
    builder.paragraph("This part says what the meter does.")
    builder.heading("1.1 General", 2)
    builder.paragraph("1.1.1 The meter shall keep a log.")
    result = import_built(builder, tmp_path)
    part, general = result.spec.sections
    assert (str(part.number), part.title) == ("1", "Part I Scope")
    assert part.blocks == (Paragraph(Text("This part says what the meter does.")),)
    assert (str(general.number), general.title) == ("1.1", "General")
    assert "Scope" in paragraph_texts(export(result.spec, tmp_path))  # "Part I" is Word's label
    assert exported_again(result.spec, tmp_path).spec == result.spec


def test_the_warning_names_the_first_heading_counted_to_its_section(tmp_path: Path) -> None:
    """The warning points at the first heading that became its section, not at the first heading kept
    with a label (which stays one: "Annex A"); the count of each kind is left as it is."""
    builder = DocxBuilder()
    builder.heading("Annex A Background", 1)
    builder.paragraph("This annex gives the background.")
    builder.heading("Annex B History", 1)
    builder.heading("Part I Scope", 1)
    builder.paragraph("1.1 The meter shall keep a log.")
    builder.heading("Part II Alerts", 1)
    builder.paragraph("2.1 The hub shall relay alerts.")
    result = import_built(builder, tmp_path)
    assert [str(section.number) for section in result.spec.sections] == ["1", "2"]
    warned = {issue.message.split(":")[0]: issue for issue in result.issues}
    counted = warned["2 headings whose labels count to the sections of what follows them (Part I before 1.1)"]
    assert (counted.paragraph, counted.first_words) == (4, "Part I Scope")
    named = warned["2 headings numbered in a shape no section has (such as Annex B)"]
    assert (named.paragraph, named.first_words) == (1, "Annex A Background")
