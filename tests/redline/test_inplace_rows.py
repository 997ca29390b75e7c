"""Rows added to a table of a Word original, written in place as row insertions: each new row is a
copy of the row before it, so a second new row must not carry the first one's revision mark."""

from __future__ import annotations

from pathlib import Path

import docx

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.docx_import import import_docx
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
