"""Packages that Word and LibreOffice open though they differ from what Word writes: ISO/IEC 29500
Strict namespaces, no `_rels/.rels`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from spectool.docx_import import import_docx
from spectool.errors import InputError

from .docx_builder import DocxBuilder

STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def document() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power to the Communications Hub.")
    return builder


def rewritten(data: bytes, change: dict[bytes, bytes], leave_out: str = "") -> bytes:
    """Every part with `change` applied to its bytes; `leave_out` not written at all."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == leave_out:
                continue
            content = source.read(info)
            for old, new in change.items():
                content = content.replace(old, new)
            target.writestr(info, content)
    return out.getvalue()


def test_a_strict_document_reads_as_its_transitional_twin(tmp_path: Path) -> None:
    data = document().data()
    strict = tmp_path / "strict.docx"
    strict.write_bytes(rewritten(data, STRICT))
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    transitional = tmp_path / "transitional.docx"
    transitional.write_bytes(data)
    read = import_docx(strict, name="SMETS2", version="5.0", title="T")
    assert read.spec == import_docx(transitional, name="SMETS2", version="5.0", title="T").spec
    clause = read.spec.clause("5.7.1")
    assert clause is not None and clause.text.value.startswith("ESME shall supply power")
    # The styles part is found through the Strict relationship type and read: headings open sections.
    assert [str(section.number) for section in read.spec.sections] == ["5", "5.7"]


def test_without_package_relationships_the_content_types_name_the_main_part(tmp_path: Path) -> None:
    path = tmp_path / "no-rels.docx"
    path.write_bytes(rewritten(document().data(), {}, leave_out="_rels/.rels"))
    read = import_docx(path, name="SMETS2", version="5.0", title="T")
    assert read.spec.clause("5.7.1") is not None


def test_a_zip_with_no_content_types_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "bare.docx"
    path.write_bytes(rewritten(document().data(), {}, leave_out="[Content_Types].xml"))
    with pytest.raises(InputError, match=r"it has no \[Content_Types\]\.xml"):
        import_docx(path, name="SMETS2", version="5.0")
