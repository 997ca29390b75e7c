"""Glossaries redlined in place: one headed in words of its own, one whose Word table has no header row.

The redline's page heads every glossary Term / Definition, as export writes it.
- Headed "Defined term" / "Meaning": the import keeps those words as a free paragraph before the
  definitions, and the in-place writer stands the page's header on the document's own. Before, the
  redline was refused ("no paragraph in a table cell for 'Term'") whatever changed.
- No header row: the import reads a two-column table under a Definitions heading as definitions all
  the same; the page's header now stands on no row, and the rows are written where they are. Before,
  every redline in place of such a document was refused ("a table of 2 rows, not 3").
"""

from __future__ import annotations

from dataclasses import dataclass
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
DEFINITIONS = (("Alert", "means a message."), ("Event", "means a thing logged."))
CLAUSE = "2.1 The meter shall log each Event."
TERMS = ["Alert", "means a message.", "Event", "means a thing logged."]
HEADED = ["1 Terms", "Defined term", "Meaning", *TERMS, "2 Scope", CLAUSE]
UNHEADED = ["1 Definitions", *TERMS, "2 Scope", CLAUSE]
NEW_TARIFF = ('"Event" means a thing logged.', '"Event" means a thing logged.\n"Tariff" means the prices.')


@dataclass(frozen=True, slots=True)
class Glossary:
    heading: str
    header: tuple[str, str] | None
    imported: str  # what the import writes for the glossary's first lines
    lines: list[str]  # the document's text, a line a paragraph
    # edit -> (the source's words, what they become, the document's lines once every change is accepted)
    edits: dict[str, tuple[str, str, list[str]]]

    def original(self, path: Path) -> Path:
        built = docx.Document()
        built.add_heading(self.heading, level=1)
        rows = ((self.header,) if self.header else ()) + DEFINITIONS
        table = built.add_table(rows=len(rows), cols=2)
        for row, cells in zip(table.rows, rows, strict=True):
            row.cells[0].text, row.cells[1].text = cells
        built.add_heading("2 Scope", level=1)
        built.add_paragraph(CLAUSE)
        built.save(str(path))
        return path


GLOSSARIES = {
    "own header": Glossary(
        "1 Terms",
        ("Defined term", "Meaning"),
        "> Defined term Meaning",
        HEADED,
        {
            "clause": (
                "log each Event",
                "log every Event",
                [*HEADED[:8], "2.1 The meter shall log every Event."],
            ),
            "definition": (
                "a thing logged",
                "a thing recorded",
                [*HEADED[:6], "means a thing recorded.", *HEADED[7:]],
            ),
            "new definition": (*NEW_TARIFF, [*HEADED[:7], "Tariff", "means the prices.", *HEADED[7:]]),
        },
    ),
    "no header": Glossary(
        "1 Definitions",
        None,
        '"Alert" means a message.\n"Event" means a thing logged.\n',
        UNHEADED,
        {
            "clause": (
                "log each Event",
                "log every Event",
                [*UNHEADED[:6], "2.1 The meter shall log every Event."],
            ),
            "definition": (
                "a thing logged",
                "a thing recorded",
                [*UNHEADED[:4], "means a thing recorded.", *UNHEADED[5:]],
            ),
            "new last definition": (
                *NEW_TARIFF,
                [*UNHEADED[:5], "Tariff", "means the prices.", *UNHEADED[5:]],
            ),
            "new first definition": (
                '"Alert" means a message.',
                '"Account" means a record of credit.\n"Alert" means a message.',
                [UNHEADED[0], "Account", "means a record of credit.", *UNHEADED[1:]],
            ),
            "definition gone": ('"Alert" means a message.\n', "", [UNHEADED[0], *UNHEADED[3:]]),
        },
    ),
}
EDITS = [(shape, edit) for shape, glossary in GLOSSARIES.items() for edit in sorted(glossary.edits)]
JUDGED = [
    *(("own header", edit) for edit in ("clause", "definition", "new definition")),
    *(("no header", edit) for edit in ("definition", "new first definition", "definition gone")),
]


def redlined(tmp_path: Path, shape: str, edit: str) -> tuple[Path, Path, list[str]]:
    """The original, its redline in place with `edit`, and its lines once every change is accepted."""
    glossary = GLOSSARIES[shape]
    source = glossary.original(tmp_path / "glossary.docx")
    assert plain_lines(source) == glossary.lines
    imported = import_docx(source, name="TERMS", version="1.0")
    assert glossary.imported in imported.source
    old, new_text, accepted = glossary.edits[edit]
    assert old in imported.source
    amended = imported.source.replace(old, new_text)
    redline = redline_onto(source, imported.source, amended, tmp_path / "onto.docx", DATE)
    return source, redline, accepted


@pytest.mark.parametrize(("shape", "edit"), EDITS)
def test_a_glossary_takes_a_redline_in_place(tmp_path: Path, shape: str, edit: str) -> None:
    source, redline, accepted = redlined(tmp_path, shape, edit)
    assert check_document(document(redline)) == []
    assert side_lines(redline, Side.OLD) == plain_lines(source)
    # The header's own words stand as they were; with none, no header row is written into the table.
    assert side_lines(redline, Side.NEW) == accepted


@pytest.mark.parametrize(("shape", "edit"), JUDGED)
def test_libreoffice_accepts_and_rejects_to_both_texts(
    office: Office,  # noqa: F811
    tmp_path: Path,
    shape: str,
    edit: str,
) -> None:
    source, redline, accepted = redlined(tmp_path, shape, edit)
    before = office.lines(source, None)
    assert office.lines(redline, Side.OLD)[-len(before) :] == before
    assert office.lines(redline, Side.NEW)[-len(accepted) :] == accepted
