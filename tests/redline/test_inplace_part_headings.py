"""Sections whose headings Word labels "Part I" (or whose typed title is "Part 3 Metering") redlined in place.

The import reads such a heading as the section what follows it needs (section 1 titled "Part I Scope");
the redline's page shows it as the document does, without a typed "1", so the in-place writer finds
it. Before, every redline in place of such a document was refused ("no paragraph 1 Part I Scope").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.diff.model import Side
from spectool.diff.page import Paragraph, spec_page
from spectool.docx_import import import_docx
from spectool.redline.check import check_document
from tests.docx_import.docx_builder import DocxBuilder
from tests.docx_import.sec_shapes import legal_outline
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.inplace_helpers import document, redline_onto
from tests.redline.office import Office
from tests.redline.test_inplace_sec_shapes import folded_words, reads_back_as

DATE = "2024-05-01T09:30:00Z"


def typed_parts() -> DocxBuilder:
    """Typed "Part 3" and "Part IV" headings, each before a free paragraph and its own clauses."""
    builder = DocxBuilder()
    builder.heading("Part 3 Metering", 1)
    builder.paragraph("This part covers metering.")
    builder.paragraph("3.1 The meter shall keep a log.")
    builder.paragraph("3.2 The meter shall show the time.")
    builder.heading("Part IV Communications", 1)
    builder.paragraph("4.1 The hub shall relay alerts.")
    return builder


SHAPES = {"word-labelled": legal_outline, "typed": typed_parts}
# (shape, the source's words, what they become): a clause, a part's title, a clause added.
EDITS = {
    "clause": ("word-labelled", "requirement 1 of General.", "requirement 1 of General promptly."),
    "part title": ("word-labelled", "# 2 Part II Interfaces", "# 2 Part II Interfaces and messages"),
    "new clause": (
        "word-labelled",
        "1.1.2 The device shall meet requirement 1 of General.",
        "1.1.2 The device shall meet requirement 1 of General.\n1.1.3 The meter shall keep a log.",
    ),
    "new part": (
        "word-labelled",
        "2.2.2 The device shall meet requirement 1 of Messages.\n",
        "2.2.2 The device shall meet requirement 1 of Messages.\n\n# 3 Part III Alerts\n\n"
        "## 3.1 General of the alerts part\n3.1.1 The hub shall relay alerts.\n",
    ),
    "typed clause": ("typed", "keep a log", "keep a full log"),
    "typed title": ("typed", "# 4 Part IV Communications", "# 4 Part IV Communications and alerts"),
}


def redlined(tmp_path: Path, edit: str) -> tuple[Path, Path, str, str]:
    """The original, its redline in place with `edit`, the source's words and what they become."""
    shape, old, new_text = EDITS[edit]
    source = SHAPES[shape]().save(tmp_path / "original.docx")
    imported = import_docx(source, name="SMETS2", version="5.0")
    assert old in imported.source, imported.source
    amended = imported.source.replace(old, new_text)
    redline = redline_onto(source, imported.source, amended, tmp_path / "onto.docx", DATE)
    assert check_document(document(redline)) == []
    return source, redline, imported.source, amended


def test_a_part_heading_is_the_section_it_counts_to(tmp_path: Path) -> None:
    imported = import_docx(legal_outline().save(tmp_path / "legal.docx"), name="SMETS2", version="5.0")
    assert "# 1 Part I Scope\n" in imported.source and "# 2 Part II Interfaces\n" in imported.source
    headings = [unit.blocks[0] for unit in spec_page(imported.spec).units if unit.kind == "heading"]
    assert [(h.text, h.label) for h in headings if isinstance(h, Paragraph) and h.style == "Heading1"] == [
        ("Part I Scope", "Part I"),
        ("Part II Interfaces", "Part II"),
    ]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_document_with_part_headings_takes_a_redline_in_place(tmp_path: Path, edit: str) -> None:
    _, redline, old, new = redlined(tmp_path, edit)
    reads_back_as(redline, tmp_path, old, new)


@pytest.mark.parametrize("edit", ["clause", "part title", "typed title"])
def test_libreoffice_accepts_and_rejects_to_both_texts(
    office: Office,  # noqa: F811
    tmp_path: Path,
    edit: str,
) -> None:
    source, redline, _, _ = redlined(tmp_path, edit)
    before = folded_words(office.lines(source, None))
    words = {
        "clause": ("requirement 1 of General.", "requirement 1 of General promptly."),
        "part title": ("Part II Interfaces", "Part II Interfaces and messages"),
        "typed title": ("Part IV Communications", "Part IV Communications and alerts"),
    }[edit]
    assert words[0] in "\n".join(before)
    after = [line.replace(words[0], words[1]) for line in before]  # as the source's words are replaced
    assert folded_words(office.lines(redline, Side.OLD))[-len(before) :] == before
    assert folded_words(office.lines(redline, Side.NEW))[-len(after) :] == after
