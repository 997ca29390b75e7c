"""A glossary headed in words of its own ("Defined term" / "Meaning") redlined in place.

The import keeps such a header's words as a free paragraph before the definitions (export writes its
own Term / Definition header for every glossary); the redline's page heads the glossary Term /
Definition, and the in-place writer stands that header on the document's own. Before, the redline was
refused ("no paragraph in a table cell for 'Term'") whatever changed.
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
    "1 Terms",
    "Defined term",
    "Meaning",
    "Alert",
    "means a message.",
    "Event",
    "means a thing logged.",
    "2 Scope",
    "2.1 The meter shall log each Event.",
]
# (the source's words, what they become, the document's lines once every change is accepted)
EDITS = {
    "clause": (
        "log each Event",
        "log every Event",
        [*ORIGINAL[:8], "2.1 The meter shall log every Event."],
    ),
    "definition": (
        "a thing logged",
        "a thing recorded",
        [*ORIGINAL[:6], "means a thing recorded.", *ORIGINAL[7:]],
    ),
    "new definition": (
        '"Event" means a thing logged.',
        '"Event" means a thing logged.\n"Tariff" means the prices.',
        [*ORIGINAL[:7], "Tariff", "means the prices.", *ORIGINAL[7:]],
    ),
}


def original(path: Path) -> Path:
    built = docx.Document()
    built.add_heading("1 Terms", level=1)
    table = built.add_table(rows=3, cols=2)
    rows = (("Defined term", "Meaning"), ("Alert", "means a message."), ("Event", "means a thing logged."))
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
    assert "> Defined term Meaning" in imported.source
    old, new_text, accepted = EDITS[edit]
    assert old in imported.source
    amended = imported.source.replace(old, new_text)
    redline = redline_onto(source, imported.source, amended, tmp_path / "onto.docx", DATE)
    return source, redline, accepted


@pytest.mark.parametrize("edit", ["clause", "definition", "new definition"])
def test_a_glossary_with_its_own_header_words_takes_a_redline_in_place(tmp_path: Path, edit: str) -> None:
    source, redline, accepted = redlined(tmp_path, edit)
    assert check_document(document(redline)) == []
    assert side_lines(redline, Side.OLD) == plain_lines(source)
    assert side_lines(redline, Side.NEW) == accepted  # the header's own words stand as they were


@pytest.mark.parametrize("edit", ["clause", "definition", "new definition"])
def test_libreoffice_accepts_and_rejects_to_both_texts(
    office: Office,  # noqa: F811
    tmp_path: Path,
    edit: str,
) -> None:
    source, redline, accepted = redlined(tmp_path, edit)
    before = office.lines(source, None)
    assert office.lines(redline, Side.OLD)[-len(before) :] == before
    assert office.lines(redline, Side.NEW)[-len(accepted) :] == accepted
