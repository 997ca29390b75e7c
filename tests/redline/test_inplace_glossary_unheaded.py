"""A glossary whose Word table has no header row redlined in place.

The import reads a two-column table under a Definitions heading as definitions, header or none; the
redline's page heads every glossary Term / Definition, as export writes it. That header now stands on
no row of such a table, and the definitions' rows are written where they are. Before, every redline in
place of such a document was refused ("a table of 2 rows, not 3").
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spectool.diff.model import Side
from spectool.docx_import import import_docx
from spectool.redline.check import check_document
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.inplace_helpers import document, plain_lines, redline_onto, side_lines
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
ORIGINAL = [
    "1 Definitions",
    "Alert",
    "means a message.",
    "Event",
    "means a thing logged.",
    "2 Scope",
    "2.1 The meter shall log each Event.",
]
# (the source's words, what they become, the document's lines once every change is accepted)
EDITS = {
    "clause": ("log each Event", "log every Event", [*ORIGINAL[:6], "2.1 The meter shall log every Event."]),
    "definition": (
        "a thing logged",
        "a thing recorded",
        [*ORIGINAL[:4], "means a thing recorded.", *ORIGINAL[5:]],
    ),
    "new last definition": (
        '"Event" means a thing logged.',
        '"Event" means a thing logged.\n"Tariff" means the prices.',
        [*ORIGINAL[:5], "Tariff", "means the prices.", *ORIGINAL[5:]],
    ),
    "new first definition": (
        '"Alert" means a message.',
        '"Account" means a record of credit.\n"Alert" means a message.',
        [ORIGINAL[0], "Account", "means a record of credit.", *ORIGINAL[1:]],
    ),
    "definition gone": ('"Alert" means a message.\n', "", [ORIGINAL[0], *ORIGINAL[3:]]),
}


def original(path: Path) -> Path:
    built = docx.Document()
    built.add_heading("1 Definitions", level=1)
    table = built.add_table(rows=2, cols=2)
    rows = (("Alert", "means a message."), ("Event", "means a thing logged."))
    for row, cells in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = cells
    built.add_heading("2 Scope", level=1)
    built.add_paragraph("2.1 The meter shall log each Event.")
    built.save(str(path))
    return path


def redlined(tmp_path: Path, edit: str) -> tuple[Path, Path, list[str]]:
    """The original, its redline in place with `edit`, and its lines once every change is accepted."""
    source = original(tmp_path / "glossary.docx")
    assert plain_lines(source) == ORIGINAL
    imported = import_docx(source, name="TERMS", version="1.0")
    assert '"Alert" means a message.\n"Event" means a thing logged.\n' in imported.source
    old, new_text, accepted = EDITS[edit]
    assert old in imported.source
    amended = imported.source.replace(old, new_text)
    redline = redline_onto(source, imported.source, amended, tmp_path / "onto.docx", DATE)
    return source, redline, accepted


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_glossary_table_with_no_header_row_takes_a_redline_in_place(tmp_path: Path, edit: str) -> None:
    source, redline, accepted = redlined(tmp_path, edit)
    assert check_document(document(redline)) == []
    assert side_lines(redline, Side.OLD) == plain_lines(source)
    assert side_lines(redline, Side.NEW) == accepted  # no header row written into the table


@pytest.mark.parametrize("edit", ["definition", "new first definition", "definition gone"])
def test_libreoffice_accepts_and_rejects_to_both_texts(
    office: Office,  # noqa: F811
    tmp_path: Path,
    edit: str,
) -> None:
    source, redline, accepted = redlined(tmp_path, edit)
    before = office.lines(source, None)
    assert office.lines(redline, Side.OLD)[-len(before) :] == before
    assert office.lines(redline, Side.NEW)[-len(accepted) :] == accepted
