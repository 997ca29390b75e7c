"""Opening the package: parts found through their relationships, each XML part parsed once."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from spectool.docx_import import import_docx

from .docx_builder import DocxBuilder, abstract_xml, level_xml, num_xml, replace_part


def numbered_with_a_footnote() -> DocxBuilder:
    builder = DocxBuilder()
    builder.numbering(abstract_xml(1, level_xml(0, "5.7.%1", start=2)), num_xml(1, 1))
    builder.heading("5.7 Power Supply", 2)
    builder.footnote("5.7.1 ESME shall supply power", "As measured at the meter.", ".")
    builder.paragraph("ESME shall keep supplying power.", numbering=(1, 0))
    return builder


def test_each_part_the_import_reads_is_parsed_once_and_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body is never parsed whole: it is read as a stream twice (the check that pairs fields
    and looks for tracked changes, then the reading); every other part is parsed once."""
    document = numbered_with_a_footnote().save(tmp_path / "spec.docx")
    members = zipfile.ZipFile(document)
    by_content = {members.read(name): name for name in members.namelist()}
    parsed: list[str] = []
    streamed: list[str] = []
    parse, stream = etree.fromstring, etree.iterparse

    def counting(text: bytes, *arguments: object, **options: object) -> etree._Element:
        parsed.append(by_content.get(text, "?"))
        return parse(text, *arguments, **options)

    def counting_streams(source: io.BytesIO, *arguments: object, **options: object) -> etree.iterparse:
        streamed.append(by_content.get(source.getvalue(), "?"))
        return stream(source, *arguments, **options)

    monkeypatch.setattr(etree, "fromstring", counting)
    monkeypatch.setattr(etree, "iterparse", counting_streams)
    result = import_docx(document, name="SMETS2", version="5.0")
    assert [str(clause.number) for clause in result.spec.clauses()] == ["5.7.1", "5.7.2"]
    assert sorted(Counter(parsed).items()) == [
        ("[Content_Types].xml", 1),
        ("_rels/.rels", 1),
        ("docProps/core.xml", 1),
        ("word/_rels/document.xml.rels", 1),
        ("word/footnotes.xml", 1),
        ("word/numbering.xml", 1),
        ("word/styles.xml", 1),
    ]
    assert streamed == ["word/document.xml", "word/document.xml"]


def test_relationship_targets_may_be_absolute(tmp_path: Path) -> None:
    data = numbered_with_a_footnote().data()
    relationships = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels")
    absolute = re.sub(rb'Target="(?!http)', b'Target="/word/', relationships)
    assert absolute != relationships
    document = tmp_path / "absolute.docx"
    document.write_bytes(replace_part(data, "word/_rels/document.xml.rels", absolute))
    result = import_docx(document, name="SMETS2", version="5.0")
    assert [str(clause.number) for clause in result.spec.clauses()] == ["5.7.1", "5.7.2"]
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    assert [(note.label, note.text.value) for note in clause.footnotes] == [
        ("1", "As measured at the meter.")
    ]


def test_without_document_properties_the_title_is_the_file_name(tmp_path: Path) -> None:
    data = numbered_with_a_footnote().data()
    relationships = zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels")
    without = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", relationships)
    assert without != relationships
    document = tmp_path / "SMETS2 v5.0.docx"
    document.write_bytes(replace_part(data, "_rels/.rels", without))
    assert import_docx(document, name="SMETS2", version="5.0").spec.title == "SMETS2 v5.0"
