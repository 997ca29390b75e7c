"""Findings on a spec imported from Word also name the paragraph, or the table row and cell, it came from."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.model.document import Table
from spectool.model.word_places import WordPlaces
from spectool.parsing import read_spec

from .docx_builder import DocxBuilder


def glossary_document() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("1 Definitions", 1)
    builder.paragraph('"Credit Balance" means the money left to spend on energy.')
    builder.heading("2 Supply", 1)
    builder.heading("2.1 Interrupting the supply", 2)
    builder.paragraph("2.1.1 ESME shall stop the supply when the Credit Balance reaches zero.")
    builder.paragraph("2.1.2 ESME shall record each interruption with:")
    builder.paragraph("(a) the time it began; and")
    builder.paragraph("(b) the credit balance at that time.")
    builder.paragraph("2.1.3 ESME shall meet these requirements:")
    builder.table(
        [
            ["Reference", "Requirement"],
            ["R1", "ESME shall show the Credit Balance"],
            ["R2", "ESME shall show the credit balance"],
        ]
    )
    return builder


def check_json(tmp_path: Path, builder: DocxBuilder) -> list[dict[str, object]]:
    document = builder.save(tmp_path / "Supply spec.docx")
    source = tmp_path / "supply.spec"
    imported = CliRunner().invoke(
        main, ["import", str(document), "-o", str(source), "--spec", "S", "--version", "1"]
    )
    assert imported.exit_code == 0, imported.stderr
    checked = CliRunner().invoke(main, ["check", str(source), "--format", "json", "--select", "DEF001"])
    findings: list[dict[str, object]] = json.loads(checked.stdout)["findings"]
    return findings


def test_a_finding_in_a_sub_item_names_its_own_paragraph(tmp_path: Path) -> None:
    findings = check_json(tmp_path, glossary_document())
    words = {(finding["line"], finding.get("word")) for finding in findings}
    # Paragraph 8 is the sub-item (b): heading, definition, heading, heading, two clauses, (a), (b).
    assert any(word == "Supply spec.docx, paragraph 8" for _, word in words), findings


def test_a_place_in_a_table_cell_names_its_row_and_cell(tmp_path: Path) -> None:
    document = glossary_document().save(tmp_path / "Supply spec.docx")
    source = tmp_path / "supply.spec"
    CliRunner().invoke(main, ["import", str(document), "-o", str(source), "--spec", "S", "--version", "1"])
    spec = read_spec(source)
    places = WordPlaces(spec)
    clause = spec.clause("2.1.3")
    assert clause is not None
    (table,) = clause.attachments
    assert isinstance(table, Table)
    line, column = table.cell_starts[2][1]  # the third row (R2), its second cell
    assert places.place(line, column + 5) == "Supply spec.docx, table 1, row 3, cell 2"
    assert places.place(line, table.cell_starts[2][0][1]) == "Supply spec.docx, table 1, row 3, cell 1"
    assert places.place(table.position.line, 1) == "Supply spec.docx, table 1"  # its title line
    assert places.place(clause.position.line, 1) == "Supply spec.docx, paragraph 9"
    assert places.place(1, 1) == ""  # the header came from no paragraph


def test_text_and_sarif_carry_the_place(tmp_path: Path) -> None:
    document = glossary_document().save(tmp_path / "Supply spec.docx")
    source = tmp_path / "supply.spec"
    CliRunner().invoke(main, ["import", str(document), "-o", str(source), "--spec", "S", "--version", "1"])
    text = CliRunner().invoke(main, ["check", str(source), "--select", "DEF001"]).stdout
    assert "      = in Word: Supply spec.docx, paragraph 8\n" in text
    sarif = json.loads(
        CliRunner().invoke(main, ["check", str(source), "--format", "sarif", "--select", "DEF001"]).stdout
    )
    places = {result["properties"].get("word") for result in sarif["runs"][0]["results"]}
    assert "Supply spec.docx, paragraph 8" in places


def test_a_spec_written_in_source_names_no_word_place(tmp_path: Path) -> None:
    source = tmp_path / "plain.spec"
    source.write_text(
        '---\nspec: S\nversion: 1\ntitle: T\n---\n# 1 Definitions\n"Credit Balance" means money.\n'
        "# 2 Supply\n2.1 ESME shall show the credit balance.\n",
        encoding="utf-8",
    )
    checked = CliRunner().invoke(main, ["check", str(source), "--format", "json", "--select", "DEF001"])
    findings = json.loads(checked.stdout)["findings"]
    assert findings and all("word" not in finding for finding in findings)
