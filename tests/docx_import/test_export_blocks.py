"""`spectool export` writes every block kind as Word structure, and importing the export gives the spec."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from spectool.cli import main
from spectool.docx_import import import_docx
from spectool.model.document import Clause, Spec
from spectool.parsing import read_spec
from spectool.redline.export import export_spec

from .docx_builder import import_built
from .exported import as_exported
from .sec_shapes import SHAPES

BLOCKS = Path(__file__).with_name("export-blocks.spec")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def exported(spec: Spec, folder: Path) -> tuple[Path, Spec]:
    """The export of `spec` (python-docx must open it) and its import."""
    path = folder / "export.docx"
    export_spec(spec, path)
    docx.Document(str(path))
    return path, import_docx(path, name=spec.name, version=spec.version).spec


def part(path: Path, name: str) -> Any:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def paragraph_with(root: Any, text: str) -> Any:
    """The paragraph whose text starts with `text` (the contents list aside)."""
    for paragraph in root.iter(f"{{{W}}}p"):
        if "".join(paragraph.itertext()).startswith(text) and not paragraph.xpath(
            "ancestor::w:sdt", namespaces=NS
        ):
            return paragraph
    raise AssertionError(f"no paragraph starts {text!r}")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_import_of_a_sec_shaped_document_is_a_fixed_point_of_export_then_import(
    tmp_path: Path, shape: str
) -> None:
    imported = import_built(SHAPES[shape](), tmp_path, name="SMETS2", version="5.0").spec
    assert imported.front or any(not s.clauses for s in imported.sections)  # it has free blocks
    _, again = exported(imported, tmp_path)
    assert again == imported


def test_every_block_kind_reads_back_as_the_docs_say(tmp_path: Path) -> None:
    spec = read_spec(BLOCKS)
    _, again = exported(spec, tmp_path)
    assert again == as_exported(spec)
    # and once the contents list and the placeholders are as export writes them, it is a fixed point
    _, twice = exported(again, tmp_path)
    assert twice == again


def test_footnotes_and_endnotes_are_real_notes_cited_in_their_clause(tmp_path: Path) -> None:
    path, _ = exported(read_spec(BLOCKS), tmp_path)
    clause = paragraph_with(part(path, "word/document.xml"), "1.1 The meter")
    assert clause.xpath("w:r/w:footnoteReference/@w:id", namespaces=NS) == ["1"]
    assert clause.xpath("w:r/w:endnoteReference/@w:id", namespaces=NS) == ["1"]
    footnotes = part(path, "word/footnotes.xml")
    (note,) = footnotes.xpath("w:footnote[@w:id='1']", namespaces=NS)
    assert "".join(note.itertext()).strip() == "a footnote cited by clause 1.1."
    assert footnotes.xpath("w:footnote/@w:type", namespaces=NS) == ["separator", "continuationSeparator"]
    (endnote,) = part(path, "word/endnotes.xml").xpath("w:endnote[@w:id='1']", namespaces=NS)
    assert "".join(endnote.itertext()).strip() == "an endnote cited by clause 1.1."
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
        relationships = archive.read("word/_rels/document.xml.rels").decode()
    assert "/word/footnotes.xml" in types and "/word/endnotes.xml" in types
    assert 'Target="footnotes.xml"' in relationships and 'Target="endnotes.xml"' in relationships


def test_tables_repeat_header_rows_and_merge_cells(tmp_path: Path) -> None:
    path, _ = exported(read_spec(BLOCKS), tmp_path)
    table = part(path, "word/document.xml").find(f".//{{{W}}}tbl")
    rows = table.findall(f"{{{W}}}tr")
    assert [row.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None for row in rows] == [
        True,
        True,
        False,
        False,
        False,
    ]
    cell_texts = [["".join(c.itertext()) for c in row.findall(f"{{{W}}}tc")] for row in rows]
    assert cell_texts[2] == ["4.2", "2019", "Designatedby the Secretary of State"]
    first_cell = rows[2].find(f"{{{W}}}tc")
    assert len(first_cell.findall(f"{{{W}}}p")) == 1  # "4.2"; the third cell holds two paragraphs
    assert len(rows[2].findall(f"{{{W}}}tc")[2].findall(f"{{{W}}}p")) == 2
    merges = [row.xpath("w:tc/w:tcPr/w:vMerge/@w:val", namespaces=NS) for row in rows[2:4]]
    assert merges[0] == ["restart"]
    assert rows[3].xpath("count(w:tc[1]/w:tcPr/w:vMerge[not(@w:val)])", namespaces=NS) == 1
    assert rows[4].xpath("w:tc/w:tcPr/w:gridSpan/@w:val", namespaces=NS) == ["2"]
    assert len(rows[4].findall(f"{{{W}}}tc")) == 2


def test_the_contents_list_is_a_toc_field_with_the_headings_as_its_result(tmp_path: Path) -> None:
    path, _ = exported(read_spec(BLOCKS), tmp_path)
    root = part(path, "word/document.xml")
    (block,) = root.xpath(
        "//w:sdt[w:sdtPr/w:docPartObj/w:docPartGallery/@w:val='Table of Contents']", namespaces=NS
    )
    (instruction,) = block.xpath(".//w:instrText/text()", namespaces=NS)
    assert instruction.split()[0] == "TOC"
    entries = ["".join(p.xpath("w:r/w:t/text()", namespaces=NS)) for p in block.iter(f"{{{W}}}p")]
    assert entries == ["Document Control", "1 Scope", "Annex B Alerts"]
    assert block.xpath("count(.//w:fldChar)", namespaces=NS) == 3


def test_numbers_that_are_no_clause_numbers_are_word_labels(tmp_path: Path) -> None:
    path, _ = exported(read_spec(BLOCKS), tmp_path)
    labels = part(path, "word/numbering.xml").xpath("//w:lvl/w:lvlText/@w:val", namespaces=NS)
    assert sorted(labels) == ["B1", "Part B"]
    root = part(path, "word/document.xml")
    assert paragraph_with(root, "Technical annexes").xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)
    annex = paragraph_with(root, "Annex B Alerts")  # "Annex B" typed: the importer reads it back so
    assert annex.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Heading1"]
    assert not annex.xpath("w:pPr/w:numPr", namespaces=NS)


def test_placeholders_are_lines_naming_them(tmp_path: Path) -> None:
    path, _ = exported(read_spec(BLOCKS), tmp_path)
    root = part(path, "word/document.xml")
    picture = paragraph_with(root, "Image: word/media/image1.png -- the scheme logo")
    assert picture.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Placeholder"]


def test_spectool_export_then_spectool_import_from_the_command_line(tmp_path: Path) -> None:
    exported_path, imported_path = tmp_path / "blocks.docx", tmp_path / "blocks.spec"
    result = CliRunner().invoke(main, ["export", str(BLOCKS), "-o", str(exported_path)])
    assert result.exit_code == 0, result.output
    arguments = [
        "import",
        str(exported_path),
        "-o",
        str(imported_path),
        "--spec",
        "SMETS2",
        "--version",
        "5.0",
    ]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert read_spec(imported_path) == as_exported(read_spec(BLOCKS))


def test_a_tab_in_clause_text_is_a_word_tab_and_comes_back(tmp_path: Path) -> None:
    """A tab is written as w:tab, never inside w:t (DOCX009); the import reads it as a space between words."""
    source = (
        "---\nspec: SMETS2\nversion: 4.2\ntitle: Smart Metering Equipment Technical Specifications\n---\n"
        "# 2 ESME\n2.1 ESME shall\tlog the event.\n"
    )
    (tmp_path / "tabs.spec").write_text(source, encoding="utf-8")
    spec = read_spec(tmp_path / "tabs.spec")
    path, back = exported(spec, tmp_path)
    root = part(path, "word/document.xml")
    clause = paragraph_with(root, "2.1")
    assert clause.xpath(".//w:tab", namespaces=NS)
    assert all("\t" not in (text.text or "") for text in clause.iter(f"{{{W}}}t"))
    clause_back = back.sections[0].blocks[0]
    assert isinstance(clause_back, Clause)
    assert clause_back.text.value == "ESME shall log the event."
