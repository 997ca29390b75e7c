"""What an import used to lose or change on a trip through Word, each on a document built here and,
where the export writes it, through export and import again."""

from __future__ import annotations

from pathlib import Path

import docx

from spectool.docx_import import DocxImport, import_docx
from spectool.model.document import Clause, Contents, Heading, Paragraph, Placeholder, Section, Spec, Text
from spectool.model.numbers import ClauseNumber
from spectool.redline.export import export_spec

from .docx_builder import DocxBuilder, import_built

NUMBER = ClauseNumber.parse


def exported_again(spec: Spec, folder: Path) -> DocxImport:
    """The import of the export of `spec`."""
    return import_docx(export(spec, folder), name=spec.name, version=spec.version)


def export(spec: Spec, folder: Path) -> Path:
    path = folder / "export.docx"
    export_spec(spec, path)
    return path


def paragraph_texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def meter_section(*blocks: object) -> Section:
    clause = Clause(NUMBER("1.1"), Text("The meter shall keep a log."))
    return Section(NUMBER("1"), "Scope", (clause, *blocks))  # type: ignore[arg-type]


def test_placeholders_come_back_as_placeholders(tmp_path: Path) -> None:
    logo = Placeholder("Image", "word/media/image1.png", "the scheme logo")
    equation = Placeholder("Equation", "word/document.xml#paragraph-9", "E = P x t")
    chart = Placeholder("Chart", "word/charts/chart1.xml")
    spec = Spec("SMETS2", "5.0", "Placeholders", (meter_section(equation, chart),), front=(logo,))
    again = exported_again(spec, tmp_path)
    assert again.spec == spec
    assert any("kept as placeholders" in issue.message for issue in again.issues)


def test_a_line_naming_a_picture_outside_the_placeholder_style_is_text(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.paragraph("Image: word/media/image1.png -- the scheme logo")
    result = import_built(builder, tmp_path)
    assert result.spec.front == (Paragraph(Text("Image: word/media/image1.png -- the scheme logo")),)


def test_outline_levels_are_inherited_along_based_on_and_the_nearest_wins(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.style("PartTitle", "Part Title", outline_level=0)
    builder.style("PartTitleBold", "Part Title Bold", based_on="PartTitle")
    builder.style("SideHeading", "Side Heading", based_on="Heading1", outline_level=1)
    builder.style("PlainLead", "Plain Lead", based_on="Heading1", outline_level=9)
    builder.paragraph("1 Scope", style="Part Title Bold")  # level 1, from the style it is based on
    builder.paragraph("1.1 General", style="Side Heading")  # level 2: its own level, not Heading 1's
    builder.paragraph("1.1.1 The meter shall keep a log.")
    builder.paragraph("A lead paragraph of body text.", style="Plain Lead")  # body text wins
    result = import_built(builder, tmp_path)
    (scope, general) = result.spec.sections
    assert (scope.number, scope.title, general.number, general.title) == (
        NUMBER("1"),
        "Scope",
        NUMBER("1.1"),
        "General",
    )
    clause = general.blocks[0]
    assert isinstance(clause, Clause)
    # body text after a clause continues it, as any unnumbered paragraph there does
    assert clause.text.value == "The meter shall keep a log.\nA lead paragraph of body text."
    assert not any(isinstance(block, Heading) for block in general.blocks)


def test_a_table_caption_keeps_its_number_through_export(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    builder.paragraph("1.1 The meter shall raise these alerts:")
    builder.paragraph("Table 3.2: Alerts", style="Caption")
    builder.table([["Code", "Name"], ["AD1", "Power Outage Alert"]])
    builder.paragraph("1.2 The meter shall log them:")
    builder.paragraph("Table: Log entries", style="Caption")
    builder.table([["Code", "Entry"], ["L1", "Power lost"]])
    result = import_built(builder, tmp_path)
    titles = [table.title for clause in result.spec.clauses() for table in clause.tables]
    assert titles == ["Table 3.2: Alerts", "Log entries"]
    assert "Table: Table 3.2: Alerts" in result.source
    path = export(result.spec, tmp_path)
    # The export's caption is the caption as it was read, number included.
    assert {"Table 3.2: Alerts", "Table: Log entries"} <= set(paragraph_texts(path))
    assert import_docx(path, name="SMETS2", version="5.0").spec == result.spec


def test_cells_that_read_as_merges_and_rows_of_dashes_are_escaped(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    builder.paragraph("1.1 The meter shall show these marks:")
    builder.table(
        [
            ["Mark", "Shown", "Note"],
            ["<", "^", "a caret and a chevron as text"],
            ["up", "\\^", "a backslash before it"],
            ["---", ":-:", "--"],
            ["\\---", "-", "-"],
        ]
    )
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("1.1")
    assert clause is not None
    (table,) = clause.tables
    # "<" in the first column can merge with nothing: it is its text as it is.
    assert table.rows == (
        ("<", "\\^", "a caret and a chevron as text"),
        ("up", "\\\\^", "a backslash before it"),
        ("\\---", ":-:", "--"),
        ("\\\\---", "-", "-"),
    )
    assert "| < | \\^ | a caret" in result.source and "| \\--- | :-: | -- |" in result.source
    assert result.issues == ()
    path = export(result.spec, tmp_path)
    word_table = docx.Document(str(path)).tables[0]
    shown = [[cell.text for cell in row.cells] for row in word_table.rows]
    assert shown == [
        ["Mark", "Shown", "Note"],
        ["<", "^", "a caret and a chevron as text"],
        ["up", "\\^", "a backslash before it"],
        ["---", ":-:", "--"],
        ["\\---", "-", "-"],
    ]
    assert import_docx(path, name="SMETS2", version="5.0").spec == result.spec


def test_a_contents_entry_that_opens_with_an_item_label_is_written_with_a_backslash(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.style("TOC1", "toc 1")
    builder.paragraph("1 Scope", style="toc 1")
    builder.paragraph("(iv) Transitional arrangements", style="toc 1")
    builder.heading("1 Scope", 1)
    builder.paragraph("1.1 The meter shall keep a log.")
    result = import_built(builder, tmp_path)
    assert result.spec.front == (Contents(("1 Scope", "\\(iv) Transitional arrangements")),)
    assert "\n  \\(iv) Transitional arrangements\n" in result.source
