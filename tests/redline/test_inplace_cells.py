"""A table cell of several paragraphs (`a<br>b` in the source) is several paragraphs in the redline
too, so a redline in place finds each in its cell and writes a change in its own runs; LibreOffice
accepts to the new text and rejects to the original."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Redline, Side
from spectool.docx_import import import_docx
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from tests.redline.helpers import body_lines, write_docx
from tests.redline.inplace_helpers import document, plain_lines, side_lines
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
CELL = "Supply Outage<br>also raised on restoration"
EDITS = {
    "reworded": "Supply Outage<br>also raised when the supply returns",
    "added": "Supply Outage<br>also raised on restoration<br>and logged",
    "removed": "Supply Outage",
}


def original(folder: Path) -> Path:
    built = docx.Document()
    built.add_heading("1 General", level=1)
    built.add_paragraph("1.1 ESME shall raise the alerts in the table.")
    table = built.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Code", "Alert"
    table.cell(1, 0).text = "8F0A"
    cell = table.cell(1, 1)
    cell.text = "Supply Outage"
    cell.add_paragraph("also raised on restoration")
    built.add_paragraph("1.2 ESME shall keep the Event Log.")
    path = folder / "cells.docx"
    built.save(str(path))
    return path


def edited(folder: Path, edit: str) -> tuple[Path, Spec, Spec, Redline]:
    path = original(folder)
    source = import_docx(path, name="CELL", version="1.0").source
    assert CELL in source
    base = parse_spec(source, str(folder / "base.spec"))
    new = parse_spec(source.replace(CELL, EDITS[edit]), str(folder / "new.spec"))
    return path, base, new, diff_specs(base, new)


def want(edit: str) -> list[str]:
    lines = ["1 General", "1.1 ESME shall raise the alerts in the table.", "Code", "Alert", "8F0A"]
    return [*lines, *EDITS[edit].split("<br>"), "1.2 ESME shall keep the Event Log."]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_cell_of_several_paragraphs_is_written_in_place(tmp_path: Path, edit: str) -> None:
    path, base, _, redline = edited(tmp_path, edit)
    onto = tmp_path / "onto.docx"
    onto.write_bytes(redline_onto_bytes(redline, path, base=base, author="SECAS", date=DATE))
    assert check_document(document(onto)) == []
    assert side_lines(onto, Side.NEW) == want(edit)
    assert side_lines(onto, Side.OLD) == plain_lines(path)
    template = write_docx(redline, tmp_path)
    assert body_lines(template, Side.NEW) == want(edit)
    assert body_lines(template, Side.OLD) == plain_lines(path)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_libreoffice_judges_a_cell_of_several_paragraphs(office: Office, tmp_path: Path, edit: str) -> None:
    path, base, _, redline = edited(tmp_path, edit)
    onto = tmp_path / "onto.docx"
    onto.write_bytes(redline_onto_bytes(redline, path, base=base, author="SECAS", date=DATE))
    docx.Document(str(onto))
    original_lines = office.lines(path, None)
    assert office.lines(onto, Side.OLD)[-len(original_lines) :] == original_lines
    assert office.lines(onto, Side.NEW)[-len(want(edit)) :] == want(edit)
