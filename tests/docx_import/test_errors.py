"""Files that are no usable Word specification: exit status 2, a clear message, no output written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.docx_import import PackageLimits, import_docx
from spectool.errors import InputError

from .docx_builder import W_NS, DocxBuilder, replace_part

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
        for level in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


NO_BODY = f'<w:document xmlns:w="{W_NS}"><w:p/></w:document>'.encode()
NOT_A_DOCUMENT = f'<w:numbering xmlns:w="{W_NS}"><w:body><w:p/></w:body></w:numbering>'.encode()


def good_docx() -> bytes:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    return builder.data()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def workbook() -> bytes:
    types = (
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sheet.main+xml"/></Types>'
    )
    relationships = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    return zip_of({"[Content_Types].xml": types, "_rels/.rels": relationships, "xl/workbook.xml": b"<w/>"})


def bomb_in_a_part_not_named_xml() -> bytes:
    """python-docx parses a part by its content type, so the check must too."""
    data = good_docx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    override = b'<Override PartName="/word/notes.dat" ContentType="application/xml"/></Types>'
    data = replace_part(data, "[Content_Types].xml", types.replace(b"</Types>", override))
    return replace_part(data, "word/notes.dat", BILLION_LAUGHS)


def corrupt_member(data: bytes) -> bytes:
    """The document part's compressed bytes scrambled, the zip directory left intact."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    scrambled = bytearray(data)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        scrambled[offset] ^= 0x5A
    return bytes(scrambled)


def first_member_cut(data: bytes, count: int = 500) -> bytes:
    """`count` bytes cut from the first member's data: every later offset in the directory is off."""
    info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return data[:start] + data[start + count :]


def directory_claims_version(data: bytes, version: int) -> bytes:
    """The first central-directory entry says it needs zip version `version` / 10 to extract."""
    claimed = bytearray(data)
    entry = data.index(b"PK\x01\x02")
    claimed[entry + 6 : entry + 8] = version.to_bytes(2, "little")
    return bytes(claimed)


CASES = {
    "plain text": (
        b"5.7.1 ESME shall supply power.\n",
        "this is not a Word document (.docx): it is plain text",
    ),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "this is a PDF, not a Word document"),
    "rtf": (b"{\\rtf1\\ansi ESME}", "this is an RTF file, not a .docx"),
    "empty": (b"", "the file is empty: expected a Word document (.docx)"),
    "binary": (b"\x00\x01\x02\xff\xfe" * 20, "this is not a Word document (.docx): it is not a zip package"),
    "encrypted": (
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
        "this is an OLE compound file, not a .docx: an encrypted (password-protected) Word document",
    ),
    "zip of other things": (
        zip_of({"notes.txt": b"hello"}),
        "this is a zip archive but not a Word document: it has no [Content_Types].xml",
    ),
    "workbook": (workbook(), "this is an Excel workbook, not a Word document (.docx)"),
    "truncated": (good_docx()[:3000], "the file is damaged: its zip structure cannot be read"),
    "first member cut by 500 bytes": (
        first_member_cut(good_docx()),
        "the file is damaged: its zip structure cannot be read (the part [Content_Types].xml is corrupt)",
    ),
    "zip version 25.5": (
        directory_claims_version(good_docx(), 255),
        "the file is damaged: its zip structure cannot be read: it needs a zip feature Word never uses "
        "(zip file version 25.5)",
    ),
    "corrupt part": (
        corrupt_member(good_docx()),
        "the file is damaged: its zip structure cannot be read (the part word/document.xml is corrupt)",
    ),
    "malformed xml": (
        replace_part(good_docx(), "word/document.xml", b"<w:document><w:body>"),
        "the part word/document.xml is not well-formed XML",
    ),
    "xml bomb": (
        replace_part(good_docx(), "word/document.xml", BILLION_LAUGHS),
        "the part word/document.xml declares a DTD or entities, which Word never writes: refusing a possible "
        "XML entity-expansion attack",
    ),
    "main part without a body": (
        replace_part(good_docx(), "word/document.xml", NO_BODY),
        "no recognisable clauses: the main part word/document.xml is not a Word document body (w:body)",
    ),
    "main part of another kind": (
        replace_part(good_docx(), "word/document.xml", NOT_A_DOCUMENT),
        "no recognisable clauses: the main part word/document.xml is not a Word document body (w:body)",
    ),
    "xml bomb under another name": (
        bomb_in_a_part_not_named_xml(),
        "the part word/notes.dat declares a DTD or entities",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unusable_files_exit_2_with_a_clear_message_and_write_nothing(tmp_path: Path, case: str) -> None:
    data, message = CASES[case]
    document = tmp_path / "spec.docx"
    document.write_bytes(data)
    output = tmp_path / "specs" / "out.spec"
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0"]
    )
    assert result.exit_code == 2, result.output
    assert f"{document}: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not output.exists() and not output.parent.exists()


def test_a_document_without_clauses(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("Introduction", 1)
    builder.paragraph("This document has prose but no numbered clauses.")
    document = builder.save(tmp_path / "prose.docx")
    output = tmp_path / "out.spec"
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(output), "--spec", "X", "--version", "1"]
    )
    # Imported as free text, with a warning: nothing of it is lost.
    assert result.exit_code == 0, result.stderr
    assert f"{document}: document: no numbered clauses in 2 paragraphs and tables: imported as free text" in (
        result.stderr
    )
    source = output.read_text()
    assert "# [] Introduction\n> This document has prose but no numbered clauses.\n" in source


def test_a_part_larger_than_the_limit_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    padded = replace_part(good_docx(), "word/padding.xml", b"<x>" + b" " * (3 * 1024 * 1024) + b"</x>")
    document = tmp_path / "padded.docx"
    document.write_bytes(padded)
    with pytest.raises(InputError) as caught:
        import_docx(
            document, name="SMETS2", version="5.0", limits=PackageLimits(max_part_bytes=2 * 1024 * 1024)
        )
    assert (
        "the part word/padding.xml unpacks to 3 MB, over the 2 MB limit: refusing a possible zip bomb"
        in str(caught.value)
    )
    with pytest.raises(InputError) as caught:
        import_docx(
            document, name="SMETS2", version="5.0", limits=PackageLimits(max_total_bytes=2 * 1024 * 1024)
        )
    assert "the package unpacks to 3 MB, over the 2 MB limit" in str(caught.value)
    with pytest.raises(InputError) as caught:
        import_docx(document, name="SMETS2", version="5.0", limits=PackageLimits(max_file_bytes=1024))
    assert "over the 0 MB limit" in str(caught.value)


def test_the_command_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    document = tmp_path / "spec.docx"
    document.write_bytes(good_docx())
    before = document.read_bytes()
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(document), "--spec", "SMETS2", "--version", "5.0"]
    )
    assert result.exit_code == 2
    assert f"spectool: {document}: refusing to write over an input file" in result.stderr
    assert document.read_bytes() == before


def test_usage_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.docx"
    result = CliRunner().invoke(
        main, ["import", str(missing), "-o", "x.spec", "--spec", "S", "--version", "1"]
    )
    assert result.exit_code == 2
    assert f"spectool: {missing}: no such file" in result.stderr
    document = tmp_path / "spec.docx"
    document.write_bytes(good_docx())
    output = tmp_path / "out.spec"
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(output), "--spec", " ", "--version", "1"]
    )
    assert result.exit_code == 2
    assert "spectool: the spec name must be a non-empty single line" in result.stderr
    assert not output.exists()


def test_a_zip_bomb_is_refused_by_the_command(tmp_path: Path) -> None:
    document = tmp_path / "bomb.docx"
    document.write_bytes(replace_part(good_docx(), "word/media/filler.bin", bytes(65 * 1024 * 1024)))
    assert document.stat().st_size < 1024 * 1024  # what it unpacks to is what matters
    output = tmp_path / "out.spec"
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0"]
    )
    assert result.exit_code == 2
    assert (
        f"{document}: the part word/media/filler.bin unpacks to 65 MB, over the 64 MB limit: "
        "refusing a possible zip bomb" in result.stderr
    )
    assert not output.exists()
