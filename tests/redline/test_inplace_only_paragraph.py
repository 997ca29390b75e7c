"""A document whose only paragraph goes: Word keeps the body's last paragraph mark, so a numbered one
would stay as its number alone; it goes whole, and an empty paragraph without the number stays."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.docx_import import import_docx
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from spectool.wordml.names import w
from tests.redline.inplace_helpers import document, plain_lines, side_lines, split_cover
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
TEXT = "Read the meter."
NUMBERED = ("by its style", "by its own w:numPr")


def original_of_one_paragraph(path: Path, numbered: str) -> Path:
    built = docx.Document()
    paragraph = built.add_paragraph(TEXT, style="List Number")
    if numbered == "by its own w:numPr":
        style = built.styles["List Number"].element
        properties = paragraph._p.get_or_add_pPr()
        properties.remove(properties.find(w("pStyle")))
        numbering = copy.deepcopy(style.find(f"{w('pPr')}/{w('numPr')}"))
        properties.append(numbering)
    built.save(str(path))
    return path


def redline(tmp_path: Path, numbered: str) -> tuple[Path, Path]:
    original = original_of_one_paragraph(tmp_path / "one.docx", numbered)
    return original, without_the_numbered_paragraph(original, tmp_path)


def without_the_numbered_paragraph(original: Path, tmp_path: Path) -> Path:
    """The redline in place that takes the paragraph numbered "1." out of `original`."""
    imported = import_docx(original, name="ONE", version="1.0")
    line = f"> [1.] {TEXT}\n"
    assert line in imported.source
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    target = parse_spec(imported.source.replace(line, "", 1), str(tmp_path / "new.spec"))
    onto = tmp_path / "onto.docx"
    onto.write_bytes(
        redline_onto_bytes(diff_specs(base, target), original, base=base, author="SECAS", date=DATE)
    )
    return onto


@pytest.mark.parametrize("numbered", NUMBERED)
def test_the_only_paragraph_gone_leaves_no_number(tmp_path: Path, numbered: str) -> None:
    original, onto = redline(tmp_path, numbered)
    root = document(onto)
    assert check_document(root) == []
    _, body = split_cover(root)
    paragraphs = [node for node in body if node.tag == w("p")]
    assert len(paragraphs) == 2  # the gone paragraph, then the empty one Word keeps
    kept = paragraphs[1].find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    style = paragraphs[1].find(f"{w('pPr')}/{w('pStyle')}")
    if numbered == "by its style":  # the style's number is switched off
        assert style is not None and kept is not None and kept.get(w("val")) == "0"
    else:
        assert style is None and kept is None
    assert side_lines(onto, Side.OLD) == plain_lines(original)
    assert side_lines(onto, Side.NEW) == []


@pytest.mark.parametrize("numbered", NUMBERED)
def test_libreoffice_shows_no_number_left(office: Office, tmp_path: Path, numbered: str) -> None:
    original, onto = redline(tmp_path, numbered)
    before = office.lines(original, None)
    assert [" ".join(line.split()) for line in before] == [f"1. {TEXT}"]
    assert office.lines(onto, Side.OLD)[-1:] == before
    accepted = office.lines(onto, Side.NEW)
    assert not any(TEXT in line or re.fullmatch(r"\s*1\.\s*", line) for line in accepted)


def test_a_numbered_paragraph_gone_before_a_table_leaves_no_number(office: Office, tmp_path: Path) -> None:
    """Word keeps the mark of a paragraph just before a table too: the same holds there."""
    original = tmp_path / "table.docx"
    built = docx.Document()
    built.add_paragraph("Opening words.")
    built.add_paragraph(TEXT, style="List Number")
    built.add_table(rows=1, cols=1).rows[0].cells[0].text = "A cell"
    built.add_paragraph("Closing words.")
    built.save(str(original))
    onto = without_the_numbered_paragraph(original, tmp_path)
    assert check_document(document(onto)) == []
    assert side_lines(onto, Side.OLD) == plain_lines(original)
    assert side_lines(onto, Side.NEW) == ["Opening words.", "A cell", "Closing words."]
    before = office.lines(original, None)
    assert office.lines(onto, Side.OLD)[-len(before) :] == before
    accepted = [" ".join(line.split()) for line in office.lines(onto, Side.NEW)]
    assert accepted[accepted.index("Opening words.") :] == ["Opening words.", "A cell", "Closing words."]
