"""Notes, tables, glossary tables and typed definitions."""

from __future__ import annotations

from pathlib import Path

from spectool.model.document import Clause, Definition, Note, Table

from .docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml


def power_supply() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    return builder


def test_notes_typed_numbered_styled_and_continued(tmp_path: Path) -> None:
    builder = power_supply()
    builder.style("NoteText", "Note Text")
    builder.paragraph("Note: a note standing before any clause.")
    builder.paragraph("5.7.1 ESME shall supply power.")
    builder.paragraph("Note 2: informative only.")
    builder.paragraph("A second paragraph of the same note.")
    builder.paragraph("A note in a Note style, with no prefix.", style="Note Text")
    builder.paragraph("NOTE - shouted.")
    result = import_built(builder, tmp_path)
    section = result.spec.sections[1]
    assert section.blocks[0] == Note(section.blocks[0].text, "")  # type: ignore[union-attr]
    assert isinstance(section.blocks[0], Note)
    assert section.blocks[0].text.value == "a note standing before any clause."
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    assert [(note.label, note.text.value) for note in clause.notes] == [
        ("2", "informative only.\nA second paragraph of the same note."),
        ("", "A note in a Note style, with no prefix."),
        ("", "shouted."),
    ]
    assert result.issues == ()


def test_notes_numbered_by_word(tmp_path: Path) -> None:
    builder = power_supply()
    builder.numbering(abstract_xml(1, level_xml(0, "Note %1:")), num_xml(1, 1))
    builder.paragraph("5.7.1 ESME shall supply power.")
    builder.paragraph("the first note.", numbering=(1, 0))
    builder.paragraph("the second note.", numbering=(1, 0))
    clause = import_built(builder, tmp_path).spec.clause("5.7.1")
    assert clause is not None
    assert [(note.label, note.text.value) for note in clause.notes] == [
        ("1", "the first note."),
        ("2", "the second note."),
    ]


def test_sub_items_numbered_by_word(tmp_path: Path) -> None:
    builder = power_supply()
    builder.numbering(
        abstract_xml(1, level_xml(0, "(%1)", "lowerLetter"), level_xml(1, "(%2)", "lowerRoman")),
        num_xml(1, 1),
    )
    builder.paragraph("5.7.1 ESME shall:")
    builder.paragraph("start;", numbering=(1, 0))
    builder.paragraph("in Polyphase configurations;", numbering=(1, 1))
    builder.paragraph("in single phase configurations;", numbering=(1, 1))
    builder.paragraph("stop.", numbering=(1, 0))
    clause = import_built(builder, tmp_path).spec.clause("5.7.1")
    assert clause is not None
    assert [(item.label, item.text.value) for item in clause.items] == [("a", "start;"), ("b", "stop.")]
    assert [child.label for child in clause.items[0].items] == ["i", "ii"]


def test_tables_are_kept_as_tables_with_their_caption(tmp_path: Path) -> None:
    builder = power_supply()
    builder.table([["Event", "Meaning"], ["Start", "Power on"]])
    builder.paragraph("5.7.1 ESME shall raise these alerts:")
    builder.paragraph("Table 3: Alerts", style="Caption")
    builder.table([["Code", "Name"], ["AD1", "Power Outage Alert"], ["AD2"]])
    result = import_built(builder, tmp_path)
    section = result.spec.sections[1]
    assert section.blocks[0] == Table("", ("Event", "Meaning"), (("Start", "Power on"),))
    clause = section.blocks[1]
    assert isinstance(clause, Clause)
    # The caption's own number is kept with its title.
    alerts = Table("Table 3: Alerts", ("Code", "Name"), (("AD1", "Power Outage Alert"), ("AD2", "")))
    assert clause.tables == (alerts,)
    assert result.issues == ()


def test_a_pipe_in_a_cell_is_kept(tmp_path: Path) -> None:
    builder = power_supply()
    builder.paragraph("5.7.1 ESME shall raise these alerts:")
    builder.table([["Code", "Name"], ["AD1", "Power | Outage"]])
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None and clause.tables[0].rows == (("AD1", "Power | Outage"),)
    assert "| AD1 | Power \\| Outage |" in result.source
    assert result.issues == ()


def test_a_two_column_table_under_a_glossary_heading_is_definitions(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.table(
        [
            ["Supply Outage", "means the absence of electricity at the premises."],
            ["\u201cCommunications Hub\u201d", "means the device\n(a) that talks; and"],
        ]
    )
    builder.table([["Code", "Name", "Notes"], ["AD1", "Alert", "none"]])
    spec = import_built(builder, tmp_path).spec
    definitions = list(spec.definitions())
    assert [(d.term, d.text.value) for d in definitions] == [
        ("Supply Outage", "means the absence of electricity at the premises."),
        # A line that would read back as a sub-item joins the line before it.
        ("Communications Hub", "means the device (a) that talks; and"),
    ]
    assert spec.sections[0].blocks[1] == Definition(
        "Communications Hub",
        definitions[1].text,
        attachments=(Table("", ("Code", "Name", "Notes"), (("AD1", "Alert", "none"),)),),
    )


def test_a_term_and_definition_header_makes_a_glossary_anywhere(tmp_path: Path) -> None:
    builder = power_supply()
    builder.table(
        [["Term", "Definition"], ["ESME", "means Electricity Smart Metering Equipment"]], header_row=True
    )
    spec = import_built(builder, tmp_path).spec
    assert [(d.term, d.text.value) for d in spec.definitions()] == [
        ("ESME", "means Electricity Smart Metering Equipment")
    ]


def test_glossary_cells_with_sub_items(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.table([["Term", "Definition"], ["Supply Outage", "means:"]])
    cell = builder.document.tables[0].rows[1].cells[1]
    cell.add_paragraph("(a) no power; or")
    cell.add_paragraph("(b) low power.")
    spec = import_built(builder, tmp_path).spec
    (definition,) = spec.definitions()
    assert definition.text.value == "means:"
    assert [(item.label, item.text.value) for item in definition.items] == [
        ("a", "no power; or"),
        ("b", "low power."),
    ]


def test_typed_definitions(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("2 Glossary", 1)
    builder.paragraph("\u201cSupply Outage\u201d means the absence of electricity.")
    builder.paragraph("It continues here.")
    builder.paragraph('"ESME" means Electricity Smart Metering Equipment.')
    spec = import_built(builder, tmp_path).spec
    assert [(d.term, d.text.value) for d in spec.definitions()] == [
        ("Supply Outage", "means the absence of electricity.\nIt continues here."),
        ("ESME", "means Electricity Smart Metering Equipment."),
    ]


def test_a_text_box_keeps_its_paragraphs_after_its_anchor(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    box = (
        "<w:txbxContent><w:p><w:r><w:t>First line</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Second</w:t></w:r><w:r><w:t>Half</w:t></w:r></w:p></w:txbxContent>"
    )
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    builder.raw(
        f"<w:p><w:r><w:t>Anchor text.</w:t></w:r>"
        f"<w:r><w:pict><v:shape {vml}><v:textbox>{box}</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    builder.paragraph("After the box.")
    result = import_built(builder, tmp_path)
    placeholder = "Image: word/document.xml#paragraph-2 -- a picture: First line Second Half"
    # Each paragraph of the box is a paragraph of its own, its runs joined as Word shows them.
    assert f"> Anchor text.\n{placeholder}\n> First line\n> SecondHalf\n> After the box.\n" in result.source
    messages = [issue.message for issue in result.issues]
    assert any("2 paragraphs in text boxes: kept as free paragraphs" in message for message in messages)


def test_a_paragraph_of_hidden_text_is_kept_labelled_hidden(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    builder.raw(f"<w:p><w:r>{hidden}<w:t>Only in the editing view.</w:t></w:r></w:p>")
    builder.raw(f"<w:p><w:r><w:t>Shown</w:t></w:r><w:r>{hidden}<w:t> and hidden</w:t></w:r></w:p>")
    result = import_built(builder, tmp_path)
    # A wholly hidden paragraph is kept apart; hidden words inside shown text stay out of it.
    assert "> [hidden] Only in the editing view.\n> Shown\n" in result.source
