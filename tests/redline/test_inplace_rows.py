"""Tables of a Word original redlined in place: rows added after a row are written as row insertions
(each new row a copy of the row before it, carrying only its own revision mark), and a glossary row the
import keeps as a free paragraph is refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.docx_import import import_docx
from spectool.errors import InputError
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from tests.redline.inplace_helpers import document, plain_lines, side_lines

DATE = "2024-05-01T09:30:00Z"


def original_with_table(path: Path) -> Path:
    built = docx.Document()
    built.add_heading("1 General", level=1)
    built.add_paragraph("1.1 ESME shall raise the following Alerts.")
    table = built.add_table(rows=2, cols=2)
    for row, (code, name) in zip(table.rows, (("Code", "Name"), ("0x8F01", "Supply Outage")), strict=True):
        row.cells[0].text, row.cells[1].text = code, name
    built.add_paragraph("1.2 ESME shall keep the Event Log.")
    built.save(str(path))
    return path


def test_two_new_rows_after_one_are_each_inserted_once(tmp_path: Path) -> None:
    original = original_with_table(tmp_path / "table.docx")
    imported = import_docx(original, name="ROWS", version="1.0")
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    old_row = "| 0x8F01 | Supply Outage |"
    assert old_row in imported.source
    added = f"{old_row}\n| 0x8F02 | Supply Restored |\n| 0x8F03 | Firmware Activated |"
    edited = imported.source.replace(old_row, added, 1)
    new = parse_spec(edited, str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    )
    assert check_document(document(redline)) == []  # a revision id used twice was DOCX001
    assert side_lines(redline, Side.OLD) == plain_lines(original)
    accepted = side_lines(redline, Side.NEW)
    last = accepted.index("1.2 ESME shall keep the Event Log.")
    assert accepted.index("0x8F01") < accepted.index("0x8F02") < accepted.index("0x8F03") < last


def test_a_glossary_row_without_a_definition_is_refused_naming_the_table(tmp_path: Path) -> None:
    """The import keeps such a row as a free paragraph (its words are not lost), which the redline in
    place cannot write back inside the table's row: it refuses, and writes nothing."""
    built = docx.Document()
    built.add_heading("1 Glossary", level=1)
    table = built.add_table(rows=3, cols=2)
    rows = (("Term", "Definition"), ("Supply Outage", "means a loss of power."), ("Hot Shoe", ""))
    for row, (term, meaning) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = term, meaning
    built.add_heading("2 General", level=1)
    built.add_paragraph("2.1 ESME shall keep the Event Log.")
    original = tmp_path / "glossary.docx"
    built.save(str(original))
    imported = import_docx(original, name="ROWS", version="1.0")
    assert "> Hot Shoe" in imported.source
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    new = parse_spec(imported.source.replace("keep the Event Log", "keep the Security Log"), "new.spec")
    with pytest.raises(InputError) as refused:
        redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    assert "a table of 3 rows, not 2, at 'Term'" in str(refused.value)
