"""The structural check: each problem it knows fires on a small document, and its near miss does not."""

from __future__ import annotations

import pytest
from lxml import etree

from spectool.redline.check import check_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SIGNED = 'w:author="SECAS" w:date="2024-05-01T09:30:00Z"'


def document(body: str) -> object:
    return etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}<w:p/></w:body></w:document>')


def codes(body: str) -> list[str]:
    return sorted({problem.code for problem in check_document(document(body))})


GOOD_MOVE = (
    f'<w:p><w:moveFromRangeStart w:id="1" w:name="move1" {SIGNED}/>'
    f'<w:moveFrom w:id="2" {SIGNED}><w:r><w:t>x</w:t>'
    f'</w:r></w:moveFrom><w:moveFromRangeEnd w:id="1"/></w:p>'
    f'<w:p><w:moveToRangeStart w:id="3" w:name="move1" {SIGNED}/>'
    f'<w:moveTo w:id="4" {SIGNED}><w:r><w:t>x</w:t>'
    f'</w:r></w:moveTo><w:moveToRangeEnd w:id="3"/></w:p>'
)

# (code, a body that must fire it, its near miss that must not)
CASES = [
    (
        "DOCX001",
        f'<w:p><w:ins w:id="1" {SIGNED}><w:r><w:t>a</w:t></w:r></w:ins><w:bookmarkStart w:id="1" w:name="b"/>'
        f'<w:bookmarkEnd w:id="1"/></w:p>',
        f'<w:p><w:ins w:id="1" {SIGNED}><w:r><w:t>a</w:t></w:r></w:ins><w:bookmarkStart w:id="2" w:name="b"/>'
        f'<w:bookmarkEnd w:id="2"/></w:p>',
    ),
    (
        "DOCX002",
        '<w:p><w:ins w:id="1" w:date="2024-05-01T09:30:00Z"><w:r><w:t>a</w:t></w:r></w:ins></w:p>',
        f'<w:p><w:ins w:id="1" {SIGNED}><w:r><w:t>a</w:t></w:r></w:ins></w:p>',
    ),
    (
        "DOCX002",
        '<w:p><w:del w:id="1" w:author="SECAS" w:date="2024-05-01 09:30">'
        "<w:r><w:delText>a</w:delText></w:r></w:del></w:p>",
        f'<w:p><w:del w:id="1" {SIGNED}><w:r><w:delText>a</w:delText></w:r></w:del></w:p>',
    ),
    (
        "DOCX003",
        "<w:p><w:r><w:delText>a</w:delText></w:r></w:p>",
        f'<w:p><w:del w:id="1" {SIGNED}><w:r><w:delText>a</w:delText></w:r></w:del></w:p>',
    ),
    (
        "DOCX004",
        f'<w:p><w:del w:id="1" {SIGNED}><w:r><w:t>a</w:t></w:r></w:del></w:p>',
        f'<w:p><w:del w:id="1" {SIGNED}><w:r><w:delText>a</w:delText></w:r></w:del></w:p>',
    ),
    (
        "DOCX005",
        f'<w:p><w:r><w:ins w:id="1" {SIGNED}><w:t>a</w:t></w:ins></w:r></w:p>',
        f'<w:p><w:ins w:id="1" {SIGNED}><w:r><w:t>a</w:t></w:r></w:ins></w:p>',
    ),
    ("DOCX006", GOOD_MOVE.replace('<w:moveToRangeEnd w:id="3"/>', ""), GOOD_MOVE),
    ("DOCX006", GOOD_MOVE.replace('w:name="move1" w:author', 'w:name="move2" w:author', 1), GOOD_MOVE),
    (
        "DOCX006",
        GOOD_MOVE.replace('<w:moveFromRangeStart w:id="1" w:name="move1" ' + SIGNED + "/>", "").replace(
            '<w:moveFromRangeEnd w:id="1"/>', ""
        ),
        GOOD_MOVE,
    ),
    (
        "DOCX008",
        "<w:p><w:r><w:t> a</w:t></w:r></w:p>",
        '<w:p><w:r><w:t xml:space="preserve"> a</w:t></w:r></w:p>',
    ),
    (
        "DOCX009",
        "<w:p><w:r><w:t>a\tb</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>",
    ),
    (
        "DOCX010",
        "<w:tbl><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:tc><w:tcPr/><w:p/></w:tc></w:tr></w:tbl>",
    ),
    (
        "DOCX007",
        f'<w:tbl><w:tr><w:tc><w:p><w:pPr><w:rPr><w:del w:id="1" {SIGNED}/>'
        f"</w:rPr></w:pPr></w:p></w:tc></w:tr></w:tbl>",
        f'<w:tbl><w:tr><w:tc><w:p><w:pPr><w:rPr><w:del w:id="1" {SIGNED}/>'
        f"</w:rPr></w:pPr></w:p><w:p/></w:tc></w:tr></w:tbl>",
    ),
]


@pytest.mark.parametrize(
    ("code", "fires", "near_miss"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_problem_fires_and_its_near_miss_does_not(code: str, fires: str, near_miss: str) -> None:
    assert code in codes(fires)
    assert codes(near_miss) == []


def test_the_last_paragraph_of_the_body_cannot_carry_a_tracked_mark() -> None:
    root = etree.fromstring(
        f'<w:document xmlns:w="{W}"><w:body><w:p/><w:p><w:pPr>'
        f'<w:rPr><w:del w:id="1" {SIGNED}/></w:rPr></w:pPr>'
        "</w:p><w:sectPr/></w:body></w:document>"
    )
    problems = check_document(root)
    assert [p.code for p in problems] == ["DOCX007"]
    assert problems[0].where == "/w:document/w:body/w:p[2]"
