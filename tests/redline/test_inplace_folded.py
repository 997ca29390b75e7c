"""A Word original whose sub-items stand in their clause's paragraph, after line breaks: the import
reads them as the clause's text, and a redline in place writes changes to them in that paragraph's own
runs, its line breaks kept both ways."""

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
CLAUSE = "1.1 ESME shall record each of the following:"
ITEMS = ("(a) the Supply Outage start;", "(b) the Supply Outage end.")


def folded_original(path: Path) -> Path:
    built = docx.Document()
    built.add_heading("1 General", level=1)
    paragraph = built.add_paragraph(CLAUSE)
    for item in ITEMS:
        paragraph.add_run().add_break()
        paragraph.add_run(item)
    built.add_paragraph("1.2 ESME shall keep the Event Log.")
    built.save(str(path))
    return path


def test_changes_to_folded_sub_items_are_written_in_their_paragraph(tmp_path: Path) -> None:
    original = folded_original(tmp_path / "folded.docx")
    imported = import_docx(original, name="FOLD", version="1.0")
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    assert " ".join((CLAUSE, *ITEMS)) in imported.source  # one clause: the items are its text
    edited = imported.source.replace("Outage start;", "Outage beginning;").replace("(b) the", "(b) each")
    new = parse_spec(edited, str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    )
    assert side_lines(redline, Side.OLD)[-3:] == plain_lines(original)[-3:]
    folded = "\n".join((CLAUSE, "(a) the Supply Outage beginning;", "(b) each Supply Outage end."))
    assert side_lines(redline, Side.NEW)[-3:] == ["1 General", folded, "1.2 ESME shall keep the Event Log."]
    assert check_document(document(redline)) == []


def test_a_paragraph_the_spec_does_not_hold_is_refused_by_its_number(tmp_path: Path) -> None:
    """A spec without provenance, written onto a document that gained a paragraph under its heading:
    the refusal names the paragraph as a reader of the document counts it."""
    original = folded_original(tmp_path / "folded.docx")
    imported = import_docx(original, name="FOLD", version="1.0")
    unrecorded = imported.source.split("\nProvenance:", 1)[0]
    unrecorded = "\n".join(line for line in unrecorded.splitlines() if not line.startswith("source")) + "\n"
    base = parse_spec(unrecorded, str(tmp_path / "base.spec"))
    assert base.source is None and not base.origins
    grown = docx.Document(str(original))
    grown.paragraphs[1].insert_paragraph_before("A stray remark.")
    grown.save(str(tmp_path / "grown.docx"))
    new = parse_spec(unrecorded.replace("Event Log", "Security Log"), str(tmp_path / "new.spec"))
    with pytest.raises(
        InputError, match=r"a paragraph the spec does not hold: 'A stray remark\.' \(paragraph 2\)"
    ):
        redline_onto_bytes(
            diff_specs(base, new), tmp_path / "grown.docx", base=base, author="SECAS", date=DATE
        )
