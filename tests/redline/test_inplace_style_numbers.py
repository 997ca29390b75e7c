"""Paragraphs numbered by their paragraph style (w:numPr in the style, none in the paragraph): a new
free paragraph that takes such a neighbour's style must not take its number, and a reworded one keeps
the number Word gives it."""

from __future__ import annotations

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
from tests.redline.inplace_helpers import document, plain_lines, side_lines
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
SECOND = "> [2.] Send the reading."
EDITS = {  # the imported source's line and what it becomes
    "added after": (SECOND, f"{SECOND}\n> Then wait a day."),
    "reworded": ("> [1.] Read the meter.", "> [1.] Read the meter once."),
}
# What LibreOffice shows once every change is accepted, after the opening line.
SHOWN = {
    "added after": ["1. Read the meter.", "2. Send the reading.", "Then wait a day.", "Closing words."],
    "reworded": ["1. Read the meter once.", "2. Send the reading.", "Closing words."],
}


def original_with_style_numbers(path: Path) -> Path:
    built = docx.Document()
    built.add_paragraph("Steps a supplier takes.")
    built.add_paragraph("Read the meter.", style="List Number")  # numbered by the style alone
    built.add_paragraph("Send the reading.", style="List Number")
    built.add_paragraph("Closing words.")
    built.save(str(path))
    return path


def redline(tmp_path: Path, edit: str) -> tuple[Path, Path]:
    original = original_with_style_numbers(tmp_path / "listed.docx")
    imported = import_docx(original, name="LISTED", version="1.0")
    old, new = EDITS[edit]
    assert old in imported.source
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    target = parse_spec(imported.source.replace(old, new, 1), str(tmp_path / "new.spec"))
    onto = tmp_path / "onto.docx"
    onto.write_bytes(
        redline_onto_bytes(diff_specs(base, target), original, base=base, author="SECAS", date=DATE)
    )
    return original, onto


def test_a_new_paragraph_takes_the_style_but_not_its_number(tmp_path: Path) -> None:
    original, onto = redline(tmp_path, "added after")
    root = document(onto)
    assert check_document(root) == []
    new = next(p for p in root.iter(w("p")) if "".join(p.itertext()) == "Then wait a day.")
    properties = new.find(w("pPr"))
    assert properties.find(w("pStyle")).get(w("val")) == "ListNumber"
    assert properties.find(f"{w('numPr')}/{w('numId')}").get(w("val")) == "0"
    assert side_lines(onto, Side.OLD) == plain_lines(original)
    assert side_lines(onto, Side.NEW)[-2:] == ["Then wait a day.", "Closing words."]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_libreoffice_shows_the_style_numbers(office: Office, tmp_path: Path, edit: str) -> None:
    original, onto = redline(tmp_path, edit)
    before = office.lines(original, None)
    assert office.lines(onto, Side.OLD)[-len(before) :] == before
    accepted = office.lines(onto, Side.NEW)
    shown = [" ".join(line.split()) for line in accepted[accepted.index(before[0]) + 1 :]]
    assert shown == SHOWN[edit]
