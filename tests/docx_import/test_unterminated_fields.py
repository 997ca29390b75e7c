"""A field that begins and never ends hides only the rest of its paragraph's code, not the document."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from spectool.docx_import import import_docx
from spectool.docx_import.notes import read_note_texts
from spectool.model.document import Clause, Paragraph
from spectool.redline.export import export_spec

from .docx_builder import W_NS, DocxBuilder, import_built

BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def code(instruction: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'


def built(*paragraphs: str) -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    for paragraph in paragraphs:
        builder.raw(paragraph)
    return builder


def texts(blocks: tuple[object, ...]) -> list[str]:
    return [block.text.value for block in blocks if isinstance(block, Clause | Paragraph)]


def test_the_text_after_a_field_that_never_ends_is_kept(tmp_path: Path) -> None:
    builder = built(
        f"<w:p>{run('1.1 The meter shall log ')}{BEGIN}{code('REF alarms')}{run('codeword')}</w:p>",
        f"<w:p>{run('1.2 The hub shall forward every alert.')}</w:p>",
    )
    result = import_built(builder, tmp_path)
    (section,) = result.spec.sections
    # The field's code is never shown, in its paragraph as in any other; the paragraphs after it are.
    assert texts(section.blocks) == [
        "The meter shall log",
        "The hub shall forward every alert.",
    ]
    assert [issue.message for issue in result.issues if "field" in issue.message] == [
        "1 paragraph with a field that begins and never ends: each field ended with its paragraph, "
        "so the text after it is kept"
    ]
    exported = tmp_path / "export.docx"
    export_spec(result.spec, exported)
    again = import_docx(exported, name=result.spec.name, version=result.spec.version)
    assert again.spec == result.spec


def test_fields_that_end_keep_spanning_paragraphs(tmp_path: Path) -> None:
    # A field whose result runs over two paragraphs, then one that never ends in a paragraph of its own.
    builder = built(
        f"<w:p>{run('1.1 See ')}{BEGIN}{code('REF x')}{SEPARATE}{run('resultword')}</w:p>",
        f"<w:p>{run('1.2 More of the resultword.')}{END}</w:p>",
        f"<w:p>{BEGIN}{code('PAGE')}{run('1.3 Shown again.')}</w:p>",
        f"<w:p>{run('1.4 After it all.')}</w:p>",
        f"<w:p>{run('1.5 Closed ')}{BEGIN}{code('PAGE')}{SEPARATE}{run('7')}{END}{run(' here.')}</w:p>",
    )
    result = import_built(builder, tmp_path)
    assert texts(result.spec.sections[0].blocks) == [
        "See resultword",
        "More of the resultword.",
        "After it all.",
        "Closed 7 here.",
    ]
    assert sum("never ends" in issue.message for issue in result.issues) == 1


def test_a_note_with_a_field_that_never_ends_keeps_its_later_paragraphs() -> None:
    notes = etree.fromstring(
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">'
        f"<w:p>{run('First ')}{BEGIN}{code('REF y')}</w:p><w:p>{run('second line')}</w:p>"
        "</w:footnote></w:footnotes>"
    )
    assert read_note_texts(notes, "footnote") == {"1": "First\nsecond line"}
