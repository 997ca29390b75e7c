"""The accept/reject reader follows Word: revision content, paragraph marks and table rows."""

from __future__ import annotations

from lxml import etree

from spectool.diff.model import Side
from spectool.redline.accept import lines_after, read_side

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SIGNED = 'w:author="SECAS" w:date="2024-05-01T09:30:00Z"'


def texts(body: str, side: Side) -> list[str]:
    root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    return [paragraph.text for paragraph in read_side(root, side)]


def mark(kind: str) -> str:
    return f'<w:pPr><w:rPr><w:{kind} w:id="9" {SIGNED}/></w:rPr></w:pPr>'


def test_runs_inside_revisions() -> None:
    body = (
        f'<w:p><w:r><w:t xml:space="preserve">ESME shall </w:t>'
        f'</w:r><w:del w:id="1" {SIGNED}><w:r><w:delText>not'
        f'</w:delText></w:r></w:del><w:ins w:id="2" {SIGNED}><w:r><w:t>never</w:t></w:r></w:ins><w:r><w:tab/>'
        "<w:t>raise</w:t></w:r></w:p>"
    )
    assert texts(body, Side.NEW) == ["ESME shall never\traise"]
    assert texts(body, Side.OLD) == ["ESME shall not\traise"]


def test_a_removed_paragraph_mark_joins_the_next_paragraph() -> None:
    body = (
        "<w:p><w:r><w:t>A</w:t></w:r></w:p>"
        f'<w:p>{mark("ins")}<w:ins w:id="1" {SIGNED}><w:r><w:t>new</w:t></w:r></w:ins></w:p>'
        f'<w:p>{mark("del")}<w:del w:id="2" {SIGNED}><w:r><w:delText>old</w:delText></w:r></w:del></w:p>'
        "<w:p><w:r><w:t>B</w:t></w:r></w:p>"
    )
    assert texts(body, Side.NEW) == ["A", "new", "B"]
    assert texts(body, Side.OLD) == ["A", "old", "B"]


def test_a_mark_cannot_go_where_a_table_follows() -> None:
    body = (
        f'<w:p>{mark("del")}<w:del w:id="1" {SIGNED}><w:r><w:delText>old</w:delText></w:r></w:del></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert texts(body, Side.NEW) == ["", "cell"]


def test_tracked_rows_and_moves() -> None:
    body = (
        f'<w:tbl><w:tr><w:trPr><w:ins w:id="1" {SIGNED}/></w:trPr><w:tc>'
        f"<w:p><w:r><w:t>added</w:t></w:r></w:p></w:tc></w:tr>"
        f'<w:tr><w:trPr><w:del w:id="2" {SIGNED}/></w:trPr><w:tc><w:p>'
        f"<w:r><w:t>gone</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        f'<w:p><w:moveFrom w:id="3" {SIGNED}><w:r><w:t>here</w:t>'
        f"</w:r></w:moveFrom><w:r><w:t>!</w:t></w:r></w:p>"
        f'<w:p><w:moveTo w:id="4" {SIGNED}><w:r><w:t>there</w:t></w:r></w:moveTo></w:p>'
    )
    assert texts(body, Side.NEW) == ["added", "!", "there"]
    assert texts(body, Side.OLD) == ["gone", "here!", ""]


def test_lines_after_a_bookmark() -> None:
    body = (
        "<w:p><w:r><w:t>cover</w:t></w:r></w:p>"
        '<w:p><w:bookmarkStart w:id="0" w:name="body"/><w:r><w:t>text</w:t></w:r></w:p>'
    )
    root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    assert lines_after(read_side(root, Side.NEW), "body") == ["text"]
