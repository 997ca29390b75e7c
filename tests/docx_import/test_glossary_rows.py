"""Glossary rows that are no whole definition are kept where they stand, through export and back."""

from __future__ import annotations

from pathlib import Path

from spectool.docx_import import import_docx
from spectool.model.document import Definition, Paragraph, Spec, Table, Text
from spectool.redline.export import export_spec

from .docx_builder import DocxBuilder, import_built


def exported_again(spec: Spec, folder: Path) -> Spec:
    path = folder / "export.docx"
    export_spec(spec, path)
    return import_docx(path, name=spec.name, version=spec.version).spec


def glossary_with_odd_rows(before: str = "") -> DocxBuilder:
    """A glossary table with a caption, a letter row, a row lacking its term, a term whose cell spans
    two rows of its definition, and a row with no text at all."""
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    if before:
        builder.paragraph(before)
    builder.paragraph("Table 4: Terms used", style="Caption")
    builder.table(
        [
            ["Term", "Definition"],
            ["A", ""],
            ["Alert", "means a message the meter sends."],
            ["Tariff", "means the prices in force;"],
            ["", "and the times they apply."],
            ["", "a meaning whose term was never written"],
            ["", ""],
        ],
        header_row=True,
    )
    table = builder.document.tables[0]
    table.cell(3, 0).merge(table.cell(4, 0))
    return builder


def test_rows_lacking_a_term_or_a_definition_are_kept_where_they_stand(tmp_path: Path) -> None:
    result = import_built(glossary_with_odd_rows(), tmp_path)
    (section,) = result.spec.sections
    assert section.blocks == (
        Paragraph(Text("Table 4: Terms used")),
        Paragraph(Text("A")),
        Definition("Alert", Text("means a message the meter sends.")),
        Definition("Tariff", Text("means the prices in force;\nand the times they apply.")),
        Paragraph(Text("a meaning whose term was never written")),
    )
    messages = [issue.message for issue in result.issues]
    assert messages == [
        "1 caption of a glossary table: kept as free paragraphs before the definitions",
        "2 glossary rows lacking a term or a definition: kept as free paragraphs where they stand "
        "among the definitions (the first is here)",
        "1 glossary row with no text: left out (no text is lost)",
    ]
    assert result.issues[1].first_words == "A"


def test_a_glossary_with_free_rows_is_a_fixed_point_of_export_then_import(tmp_path: Path) -> None:
    spec = import_built(glossary_with_odd_rows(), tmp_path).spec
    again = exported_again(spec, tmp_path)
    # the definition continued from the merged row is one paragraph in Word: a source line wrap is layout
    tariff = Definition("Tariff", Text("means the prices in force; and the times they apply."))
    expected = tuple(
        tariff if getattr(block, "term", "") == "Tariff" else block for block in spec.sections[0].blocks
    )
    assert again.sections[0].blocks == expected
    assert exported_again(again, tmp_path) == again


def test_free_rows_opening_a_glossary_after_clause_text_keep_the_table_whole(tmp_path: Path) -> None:
    # After export, a free paragraph straight after a clause's text would read back as more of it.
    builder = glossary_with_odd_rows(before="2.1 In this document, these terms mean:")
    spec = import_built(builder, tmp_path).spec
    (clause,) = spec.sections[0].blocks
    (table,) = clause.attachments  # type: ignore[union-attr]
    assert isinstance(table, Table)
    assert (table.title, table.header) == ("Table 4: Terms used", ("Term", "Definition"))
    assert table.rows[0] == ("A", "")
    assert table.rows[-1] == ("", "")
    assert exported_again(spec, tmp_path) == spec


def test_a_glossary_of_whole_rows_is_read_as_before(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.paragraph("2.1 In this document, these terms mean:")
    builder.table([["Term", "Definition"], ["Alert", "means a message."]], header_row=True)
    result = import_built(builder, tmp_path)
    _clause, definition = result.spec.sections[0].blocks
    assert definition == Definition("Alert", Text("means a message."))
    assert result.issues == ()


def test_a_header_row_other_than_term_and_definition_keeps_its_words(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.table(
        [["Abbreviation", "Expansion"], ["CHF", "means Communications Hub Function."]], header_row=True
    )
    result = import_built(builder, tmp_path)
    (section,) = result.spec.sections
    assert section.blocks == (
        Paragraph(Text("Abbreviation Expansion")),
        Definition("CHF", Text("means Communications Hub Function.")),
    )
    assert [issue.message for issue in result.issues] == [
        "1 header row of a glossary table other than Term / Definition: kept as free paragraphs "
        "before the definitions"
    ]
    assert result.issues[0].first_words == "Abbreviation"
    assert exported_again(result.spec, tmp_path) == result.spec


def test_a_header_row_opening_a_glossary_after_clause_text_keeps_the_table_whole(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.paragraph("2.1 In this document, these abbreviations mean:")
    builder.table([["Abbreviation", "Expansion"], ["CHF", "Communications Hub Function"]], header_row=True)
    spec = import_built(builder, tmp_path).spec
    (clause,) = spec.sections[0].blocks
    (table,) = clause.attachments  # type: ignore[union-attr]
    assert isinstance(table, Table)
    assert table.header == ("Abbreviation", "Expansion")
    assert table.rows == (("CHF", "Communications Hub Function"),)
    assert exported_again(spec, tmp_path) == spec


def test_a_term_header_in_other_words_keeps_its_words(tmp_path: Path) -> None:
    # Read as a glossary by its header alone (no Glossary heading, no w:tblHeader): export writes
    # "Term" / "Definition" for every glossary, so "Defined term" / "Meaning" would be lost.
    builder = DocxBuilder()
    builder.heading("2 Terms", 1)
    builder.table([["Defined term", "Meaning"], ["Alert", "means a message the meter sends."]])
    result = import_built(builder, tmp_path)
    (section,) = result.spec.sections
    assert section.blocks == (
        Paragraph(Text("Defined term Meaning")),
        Definition("Alert", Text("means a message the meter sends.")),
    )
    assert [issue.first_words for issue in result.issues] == ["Defined term"]
    assert exported_again(result.spec, tmp_path) == result.spec


def test_the_header_export_writes_is_read_as_before_whatever_its_case(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Terms", 1)
    builder.table([["TERM", "DEFINITION"], ["Alert", "means a message."]])
    result = import_built(builder, tmp_path)
    assert result.spec.sections[0].blocks == (Definition("Alert", Text("means a message.")),)
    assert result.issues == ()
