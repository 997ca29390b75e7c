"""The import reads the body as a stream of its children: the blocks it reads are those of the whole
tree, and the body never holds the children read before the one being read (but the last, emptied)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from spectool.docx_import.body_scan import BodyScan
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.reading import Block, DocumentReader, WordParagraph, WordTable
from spectool.docx_import.styles import StyleSheet
from spectool.errors import InputError
from spectool.wordml.names import Element, local_name, safe_parser
from spectool.wordml.package import WordPackage, open_word_package

from .docx_builder import NSDECL, DocxBuilder, replace_part
from .test_unterminated_fields import BEGIN, END, SEPARATE, code, run

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def cell(content: str) -> str:
    return f"<w:tc>{content}</w:tc>"


# Body-level shapes, each standing alone under w:body; fields begin in one block and end in another.
BLOCKS = (
    f"<w:p>{run('1.1 The meter shall log ')}{BEGIN}{code('REF alarms')}{SEPARATE}{run('shown')}</w:p>",
    f"<w:p>{run('still the result ')}{END}{run('1.2 after the field.')}</w:p>",
    f'<w:bookmarkStart {NSDECL} w:id="1" w:name="mark"/>',
    f"<w:tbl><w:tr>{cell('<w:p>' + run('A cell') + BEGIN + code('SEQ never ended') + '</w:p>')}"
    f"{cell('<w:tbl><w:tr>' + cell('<w:p>' + run('nested cell') + '</w:p>') + '</w:tr></w:tbl><w:p/>')}"
    "</w:tr></w:tbl>",
    f'<w:sdt {NSDECL}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
    f"</w:docPartObj></w:sdtPr><w:sdtContent><w:p>{run('Contents entry')}{BEGIN}{code('TOC')}"
    f"{SEPARATE}{run('1 Scope')}</w:p></w:sdtContent></w:sdt>",
    f"<w:p>{run('after the contents ')}{END}{run('1.3 The hub shall report.')}</w:p>",
    f"<w:customXml {NSDECL} w:element='part'><w:p>{run('1.4 Inside custom XML.')}</w:p></w:customXml>",
    f"<mc:AlternateContent {NSDECL} {MC}><mc:Choice Requires='w14'><w:p>{run('choice')}</w:p></mc:Choice>"
    f"<mc:Fallback><w:p>{run('1.5 The fallback.')}</w:p></mc:Fallback></mc:AlternateContent>",
    f'<w:altChunk {NSDECL} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'r:id="rIdMissing"/>',
    f"<w:p>{run('1.6 Last ')}{BEGIN}{code('PAGE')}{run('never shown')}</w:p>",
    f"<w:p>{run('1.7 After a field that never ends.')}</w:p>",
)


def built(tmp_path: Path, blocks: tuple[str, ...] = BLOCKS) -> Path:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    for xml in blocks:
        builder.raw(xml)
    return builder.save(tmp_path / "streamed.docx")


def reader(package: WordPackage) -> DocumentReader:
    styles = StyleSheet.from_element(package.styles)
    return DocumentReader(styles, NumberingDefinitions.from_elements(package.numbering, package.styles))


def streamed(path: Path) -> list[Block]:
    scan = BodyScan()
    package = open_word_package(path, visit=scan)
    assert not scan.revised
    return list(reader(package).streamed_blocks(package.main.children(), scan.unterminated))


def test_the_stream_reads_the_blocks_the_tree_gives(tmp_path: Path) -> None:
    path = built(tmp_path)
    package = open_word_package(path)
    from_tree = reader(package).read(package.body)
    assert streamed(path) == from_tree
    paragraphs = [block for block in from_tree if isinstance(block, WordParagraph)]
    shown = [paragraph.text for paragraph in paragraphs]
    # Fields pair across blocks: the result shows, the code never does, and the one never ended
    # ends with its paragraph.
    assert "1.1 The meter shall log shown" in shown
    assert "still the result 1.2 after the field." in shown
    assert "1.6 Last" in shown and "1.7 After a field that never ends." in shown
    assert [paragraph.text for paragraph in paragraphs if paragraph.unterminated_fields] == ["1.6 Last"]
    (table,) = [block for block in from_tree if isinstance(block, WordTable)]
    assert table.rows[0][0][0].unterminated_fields == 1  # its end closed a later field instead


def test_the_body_never_holds_the_children_read_before(tmp_path: Path) -> None:
    path = built(tmp_path, BLOCKS * 20)
    seen: list[tuple[str, int]] = []

    def held(element: Element) -> None:
        body = element.getparent()
        # What the parser has read ahead of the child may stand after it; before it, at most the
        # child before, emptied.
        assert body is not None and body.index(element) <= 1
        before = element.getprevious()
        assert before is None or len(before) == 0  # read, then emptied
        seen.append((local_name(element), len(element)))

    package = open_word_package(path, visit=held)
    whole = [(local_name(element), len(element)) for element in package.body]
    assert seen == whole  # every child, in order, whole when shown
    assert len(seen) > 200


def test_a_document_with_tracked_changes_is_read_whole(tmp_path: Path) -> None:
    inserted = f'<w:p>{run("1.1 kept ")}<w:ins w:id="1" w:author="A">{run("added")}</w:ins></w:p>'
    scan = BodyScan()
    open_word_package(built(tmp_path, (inserted,)), visit=scan)
    assert scan.revised
    deleted_text_alone = "<w:p><w:r><w:delText>stray</w:delText></w:r></w:p>"
    scan = BodyScan()
    open_word_package(built(tmp_path, (deleted_text_alone,)), visit=scan)
    assert scan.revised  # rejecting changes turns it into text: the tree is settled as before


def whole_parse_error(content: bytes) -> str:
    try:
        etree.fromstring(content, safe_parser())
    except etree.XMLSyntaxError as error:
        return str(error.msg)
    raise AssertionError("the content parses")


def broken_late(path: Path) -> tuple[bytes, int]:
    """The document's XML with each paragraph on a line of its own and the last one's first run left
    open; the line of the error."""
    text = zipfile.ZipFile(path).read("word/document.xml").decode()
    lines = text.replace("<w:p>", "\n<w:p>").replace("<w:p ", "\n<w:p ").split("\n")
    last = max(index for index, line in enumerate(lines) if "</w:r>" in line)
    lines[last] = lines[last].replace("</w:r>", "", 1)
    return "\n".join(lines).encode(), last + 1


def test_a_malformed_body_is_refused_as_a_whole_parse_refuses_it(tmp_path: Path) -> None:
    path = built(tmp_path, BLOCKS * 5)
    late, line = broken_late(path)
    for content in (b"", b"<w:document/>", late):
        broken = tmp_path / "broken.docx"
        broken.write_bytes(replace_part(path.read_bytes(), "word/document.xml", content))
        with pytest.raises(InputError) as raised:
            open_word_package(broken, visit=BodyScan())
        message = whole_parse_error(content)
        assert str(raised.value) == f"{broken}: the part word/document.xml is not well-formed XML: {message}"
    assert f"line {line}" in message and line > 50  # the error far into the body is placed
