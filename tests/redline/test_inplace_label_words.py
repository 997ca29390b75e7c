"""Words that only begin like a label ("Part III", "Schedule 2", "2026") kept by a redline in place.

The in-place writer leaves out of a paragraph's new text what Word's own label stands in for: a typed
number beside Word's number, "Part III " beside a heading Word labels "Part II". Before, it cut such
words wherever Word numbered the paragraph or its neighbour: a new "Part V" part beside decimal
headings lost "Part V", a reworded paragraph Word labels "B.1" lost its first words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.docx_import import import_docx
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from spectool.redline.inplace.labels import label_cut
from tests.docx_import import sec_shapes
from tests.docx_import.docx_builder import DocxBuilder, abstract_xml, level_xml, num_xml
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.inplace_helpers import document
from tests.redline.office import Office
from tests.redline.test_inplace_sec_shapes import folded_words, reads_back_as

DATE = "2024-05-01T09:30:00Z"
B1 = "> [B.1] A test house shall test each meter against every clause."


def decimal_outline() -> DocxBuilder:
    """Headings and clauses numbered 1, 1.1, 1.1.1 by one list linked to the heading styles."""
    builder = DocxBuilder()
    builder.numbering(
        abstract_xml(
            4,
            level_xml(0, "%1", style="Heading1"),
            level_xml(1, "%1.%2", style="Heading2"),
            level_xml(2, "%1.%2.%3"),
        ),
        num_xml(4, 4),
    )
    builder.link_style("Heading1", 4, 0)
    builder.link_style("Heading2", 4, 1)
    builder.paragraph("Schedule of Alerts", style="Title")
    for part in ("Scope", "Interfaces"):
        builder.heading(part, 1)
        builder.heading(f"General of the {part.lower()} part", 2)
        for number in range(2):
            builder.paragraph(f"The device shall meet requirement {number}.", numbering=(4, 2))
    return builder


SHAPES = {"decimal": decimal_outline, "annexes": sec_shapes.specification}
LAST = "2.1.2 The device shall meet requirement 1.\n"
# (shape, the source's words, what they become, what they read back as where Word's label stays
# although the drafter left it out, a line LibreOffice shows once all is accepted)
EDITS = {
    "new part": (
        "decimal",
        LAST,
        f"{LAST}\n# 3 Part III Alerts\n\n## 3.1 General of the alerts part\n3.1.1 The hub relays alerts.\n",
        None,
        "3 Part III Alerts",
    ),
    "new clause": (
        "decimal",
        LAST,
        f"{LAST}2.1.3 Part III of this schedule applies to alerts.\n",
        None,
        "2.1.3 Part III of this schedule applies to alerts.",
    ),
    "new free paragraph": (
        "decimal",
        "## 2.1 General",
        "> Schedule 2 sets out the alerts.\n\n## 2.1 General",
        None,
        "Schedule 2 sets out the alerts.",
    ),
    "part words": (
        "annexes",
        B1,
        "> Part III says a test house shall test each meter against every clause.",
        "> [B.1] Part III says a test house shall test each meter against every clause.",
        "B.1 Part III says a test house shall test each meter against every clause.",
    ),
    "schedule words": (
        "annexes",
        B1,
        "> Schedule 2: a test house shall test each meter against every clause.",
        "> [B.1] Schedule 2: a test house shall test each meter against every clause.",
        "B.1 Schedule 2: a test house shall test each meter against every clause.",
    ),
    "year": (
        "annexes",
        B1,
        "> 2026 rules: a test house shall test each meter against every clause.",
        "> [B.1] 2026 rules: a test house shall test each meter against every clause.",
        "B.1 2026 rules: a test house shall test each meter against every clause.",
    ),
}


def redlined(tmp_path: Path, edit: str) -> tuple[Path, Path, str, str]:
    """The original, its redline in place with `edit`, the source and the amended source."""
    shape, old, new_text, _, _ = EDITS[edit]
    source = SHAPES[shape]().save(tmp_path / "original.docx")
    imported = import_docx(source, name="SMETS2", version="5.0")
    assert old in imported.source, imported.source
    amended = imported.source.replace(old, new_text)
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    new = parse_spec(amended, str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(diff_specs(base, new), source, base=base, author="SECAS", date=DATE)
    )
    assert check_document(document(redline)) == []
    return source, redline, imported.source, amended


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_accepted_and_rejected_read_back_with_every_word(tmp_path: Path, edit: str) -> None:
    _, redline, old, new = redlined(tmp_path, edit)
    _, _, new_words, read_back, _ = EDITS[edit]
    if read_back is not None:
        new = new.replace(new_words, read_back)
    reads_back_as(redline, tmp_path, old, new)


@pytest.mark.parametrize("edit", ["new part", "part words", "year"])
def test_libreoffice_shows_the_words_once_accepted(
    office: Office,  # noqa: F811
    tmp_path: Path,
    edit: str,
) -> None:
    source, redline, _, _ = redlined(tmp_path, edit)
    before = folded_words(office.lines(source, None))
    assert folded_words(office.lines(redline, Side.OLD))[-len(before) :] == before
    assert EDITS[edit][4] in folded_words(office.lines(redline, Side.NEW))


@pytest.mark.parametrize(
    ("text", "shown", "leads", "cut"),
    [
        ("1.1.3 The meter", "1.1.2 ", False, len("1.1.3 ")),  # a clause renumbered: Word's number shows
        ("1.1.10 The meter", "1.1.9 ", False, len("1.1.10 ")),
        ("2026 rules apply", "B.1 ", False, 0),  # a year is no label of B.1's shape
        ("B.3 rules apply", "B.1 ", False, len("B.3 ")),
        ("4.1.1.2 The meter", "", True, len("4.1.1.2 ")),  # a clause's own number, by construction
        ("Part III Alerts", "Part II ", True, len("Part III ")),  # Word labels the part beside it so
        ("Part III Alerts", "2 ", True, 0),  # Word shows "3" there: "Part III" is the title's
        ("Part III applies", "B.1 ", False, 0),
        ("Schedule 2 sets the rates", "Schedule 1 ", False, len("Schedule 2 ")),
        ("Schedule 2 sets the rates", "Part I ", False, 0),
        ("Part III applies", "", True, 0),
    ],
)
def test_label_cut(text: str, shown: str, leads: bool, cut: int) -> None:
    assert label_cut(text, shown, leads=leads) == cut
