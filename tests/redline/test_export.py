"""The clean export: the same templates, no revisions, a structure an importer can read back."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.docx_import.importer import import_docx
from spectool.parsing import read_spec
from spectool.redline.check import check_document
from spectool.redline.export import export_docx_bytes, export_spec
from tests.redline.helpers import ROOT, body_lines, document_root, part, sample

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPECS = sorted((ROOT / "specs").glob("*.spec"))


def test_export_has_no_revisions_and_reads_as_the_spec(tmp_path: Path) -> None:
    path = tmp_path / "sample.docx"
    export_spec(sample(), path)
    root = document_root(path)
    assert not [
        e for tag in ("ins", "del", "moveFrom", "moveTo", "pPrChange") for e in root.iter(f"{W}{tag}")
    ]
    assert part(path, "word/settings.xml").find(f"{W}trackRevisions") is None
    assert body_lines(path, Side.NEW) == body_lines(path, Side.OLD) == page_lines(spec_page(sample()))
    assert check_document(root) == []


def test_export_structure_is_what_the_importer_reads(tmp_path: Path) -> None:
    path = tmp_path / "sample.docx"
    export_spec(sample(), path)
    document = docx.Document(str(path))
    body = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    assert ("Heading 1", "2 Glossary") in body
    assert ("Heading 2", "5.7 Power Supply") in body
    assert ("Clause", "5.7.2 ESME shall not raise a spurious alert after a mains power failure.") in body
    assert ("Sub Item", "(a) during a firmware upgrade; and") in body
    assert ("Sub Item 2", "(i) in Polyphase configurations;") in body
    assert ("Note", "Note: informative.") in body
    assert ("Table Caption", "Table: Alerts") in body
    assert not any(style.startswith("Heading") for style, text in body if not text[:1].isdigit())
    glossary, alerts = document.tables
    assert [c.text for c in glossary.rows[0].cells] == ["Term", "Definition"]
    assert [c.text for c in glossary.rows[1].cells] == [
        "Supply Outage",
        "means the absence of electricity at the premises.",
    ]
    assert [[c.text for c in row.cells] for row in alerts.rows] == [
        ["Code", "Name"],
        ["AD1", "Power Outage Alert"],
    ]


def test_export_is_repeatable_and_never_overwrites_its_source(tmp_path: Path) -> None:
    spec = read_spec(SPECS[0])
    assert export_docx_bytes(spec) == export_docx_bytes(spec)
    copy = tmp_path / SPECS[0].name
    copy.write_bytes(SPECS[0].read_bytes())
    with pytest.raises(Exception, match="input"):
        export_spec(read_spec(copy), copy)


@pytest.mark.parametrize("source", SPECS, ids=[path.stem for path in SPECS])
def test_export_round_trips_through_the_docx_importer(tmp_path: Path, source: Path) -> None:
    spec = read_spec(source)
    path = tmp_path / "export.docx"
    export_spec(spec, path)
    imported = import_docx(path, name=spec.name, version=spec.version, title=spec.title).spec
    assert page_lines(spec_page(imported)) == page_lines(spec_page(spec))
