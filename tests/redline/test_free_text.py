"""Free text (front matter lines, text under a heading that opens no section, annex prose) changed
between two versions shows in every redline: the template and in-place Word redlines (accept all gives
the new text, reject all the old, LibreOffice the judge), HTML and Markdown; what a redline in place
cannot write (the contents list, a picture) is refused, never dropped."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Change, ParagraphDiff, Redline, Side
from spectool.diff.page import UnitKind, spec_page
from spectool.docx_import import import_docx
from spectool.errors import InputError
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.cover import cover_view
from spectool.redline.inplace import redline_onto_bytes
from spectool.redline.review import redline_html, redline_markdown
from tests.docx_import.docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml
from tests.redline.helpers import body_lines, front_lines, write_docx
from tests.redline.inplace_helpers import document, plain_lines, side_lines
from tests.redline.office import Office
from tests.redline.test_inplace_sec_shapes import settled

DATE = "2024-05-01T09:30:00Z"
OLD_LINES = [
    "Smart Metering Free Text Specification",
    "Document Control",
    "This document is issued for consultation by the panel.",
    "1 General",
    "1.1 ESME shall record each Supply Outage.",
    "1.2 ESME shall keep the Event Log.",
    "Annex A Worked example",
    "The meter loses mains power for ten minutes and then recovers.",
    "An outage shorter than three minutes is not recorded.",
    "The Event Log then holds two entries.",
]
NEW_LINES = [
    "Smart Metering Free Text Specification",
    "Document Control",
    "This document is issued for decision by the panel.",
    "1 General",
    "1.1 ESME shall record each Supply Outage.",
    "1.2 ESME shall keep the Event Log.",
    "Annex A Worked example",
    "The meter loses mains power for five minutes and then recovers.",
    "The Event Log then holds two entries.",
    "A closing remark the new version adds.",
]
EDITS = (
    ("issued for consultation", "issued for decision"),
    ("ten minutes", "five minutes"),
    ("> An outage shorter than three minutes is not recorded.\n", ""),
    (
        "> The Event Log then holds two entries.\n",
        "> The Event Log then holds two entries.\n\n> A closing remark the new version adds.\n",
    ),
)


def original(folder: Path) -> Path:
    built = docx.Document()
    built.add_paragraph(OLD_LINES[0])
    built.add_heading(OLD_LINES[1], level=1)
    built.add_paragraph(OLD_LINES[2])
    built.add_heading(OLD_LINES[3], level=1)
    for line in OLD_LINES[4:6]:
        built.add_paragraph(line)
    built.add_heading(OLD_LINES[6], level=1)
    for line in OLD_LINES[7:]:
        built.add_paragraph(line)
    path = folder / "free.docx"
    built.save(str(path))
    return path


def versions(folder: Path) -> tuple[Path, Spec, Spec]:
    """The Word original, its import, and the import with the free text edited."""
    path = original(folder)
    source = import_docx(path, name="FREE", version="1.0").source
    base = parse_spec(source, str(folder / "base.spec"))
    edited = source
    for old, new in EDITS:
        assert old in edited, old
        edited = edited.replace(old, new)
    return path, base, parse_spec(edited, str(folder / "new.spec"))


def free_redline(folder: Path) -> tuple[Path, Spec, Redline]:
    path, base, new = versions(folder)
    return path, base, diff_specs(base, new)


def test_the_diff_holds_free_text_in_reading_order(tmp_path: Path) -> None:
    _, _, redline = free_redline(tmp_path)
    changes = [(unit.kind, unit.change) for unit in redline.diffs()]
    assert changes == [
        (UnitKind.FREE, Change.KEPT),
        (UnitKind.FREE, Change.KEPT),
        (UnitKind.FREE, Change.CHANGED),  # reworded, not removed and added
        (UnitKind.HEADING, Change.KEPT),
        (UnitKind.CLAUSE, Change.KEPT),
        (UnitKind.CLAUSE, Change.KEPT),
        (UnitKind.FREE, Change.KEPT),
        (UnitKind.FREE, Change.CHANGED),
        (UnitKind.FREE, Change.DELETED),
        (UnitKind.FREE, Change.KEPT),
        (UnitKind.FREE, Change.INSERTED),
    ]
    shown = [unit for unit in redline.diffs() if unit.change is not Change.DELETED]
    assert [b.text(Side.NEW) for u in shown for b in u.blocks if isinstance(b, ParagraphDiff)] == NEW_LINES


def test_the_template_redline_shows_free_text(tmp_path: Path) -> None:
    _, _, redline = free_redline(tmp_path)
    path = write_docx(redline, tmp_path)
    assert body_lines(path, Side.NEW) == NEW_LINES
    assert body_lines(path, Side.OLD) == OLD_LINES


def test_the_redline_in_place_writes_free_text(tmp_path: Path) -> None:
    path, base, redline = free_redline(tmp_path)
    onto = tmp_path / "onto.docx"
    onto.write_bytes(redline_onto_bytes(redline, path, base=base, author="SECAS", date=DATE))
    assert check_document(document(onto)) == []
    assert side_lines(onto, Side.NEW) == NEW_LINES
    assert side_lines(onto, Side.OLD) == plain_lines(path) == OLD_LINES


def test_libreoffice_judges_both_word_redlines_of_free_text(office: Office, tmp_path: Path) -> None:
    path, base, redline = free_redline(tmp_path)
    template = write_docx(redline, tmp_path)
    docx.Document(str(template))
    front = front_lines(template)
    assert office.lines(template, Side.NEW) == front + NEW_LINES
    assert office.lines(template, Side.OLD) == front + OLD_LINES
    onto = tmp_path / "onto.docx"
    onto.write_bytes(redline_onto_bytes(redline, path, base=base, author="SECAS", date=DATE))
    docx.Document(str(onto))
    assert office.lines(onto, Side.NEW)[-len(NEW_LINES) :] == NEW_LINES
    assert office.lines(onto, Side.OLD)[-len(OLD_LINES) :] == office.lines(path, None) == OLD_LINES


def test_html_and_markdown_show_free_text(tmp_path: Path) -> None:
    _, _, redline = free_redline(tmp_path)
    cover = cover_view(redline, "SECAS", DATE)
    for text in (redline_html(redline, cover), redline_markdown(redline, cover, limit=None)):
        assert "<del>consultation</del>" in text and "<ins>decision</ins>" in text
        assert "<del>ten</del>" in text and "<ins>five</ins>" in text
        assert "shorter than three minutes" in text
        assert "A closing remark the new version adds" in text


def test_the_summary_lists_changed_free_text(tmp_path: Path) -> None:
    _, _, redline = free_redline(tmp_path)
    cover = cover_view(redline, "SECAS", DATE)
    html = redline_html(redline, cover)
    assert html.count(">Text<") >= 4  # two reworded, one deleted, one inserted


@pytest.mark.parametrize(
    ("block", "changed", "refused", "shown_new"),
    [
        (
            "Contents:\n  1 General\n",
            "Contents:\n  1 General matters\n",
            "a change to Contents in the front matter",
            "1 General matters",
        ),
        (
            "Image: word/media/image1.png -- the meter\n",
            "Image: word/media/image1.png -- the new meter\n",
            "a change to Image in the front matter",
            "[Image: word/media/image1.png] the new meter",
        ),
    ],
)
def test_what_the_redline_in_place_cannot_write_is_refused(
    tmp_path: Path, block: str, changed: str, refused: str, shown_new: str
) -> None:
    """The contents list and pictures are Word's own: a change to them is refused, naming it."""
    path = original(tmp_path)
    source = import_docx(path, name="FREE", version="1.0").source
    anchor = "# [] Document Control"
    base = parse_spec(source.replace(anchor, block + anchor), str(tmp_path / "base.spec"))
    new = parse_spec(source.replace(anchor, changed + anchor), str(tmp_path / "new.spec"))
    redline = diff_specs(base, new)
    assert [unit.change for unit in redline.diffs()].count(Change.CHANGED) == 1
    with pytest.raises(InputError, match=refused):
        redline_onto_bytes(redline, path, base=base, author="SECAS", date=DATE)
    shown = body_lines(write_docx(redline, tmp_path), Side.NEW)
    assert shown[1] == shown_new and shown_new not in body_lines(tmp_path / "redline.docx", Side.OLD)


def test_a_table_of_the_front_matter_left_alone_is_passed_over(tmp_path: Path) -> None:
    """A table the spec holds as free text stays as it is, and does not stop free text after it from
    being found (it is no paragraph the spec lacks)."""
    built = docx.Document()
    built.add_paragraph("Smart Metering Free Text Specification")
    table = built.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Version", "Date"
    table.cell(1, 0).text, table.cell(1, 1).text = "1.0", "2024-05-01"
    built.add_paragraph("This document is issued for consultation by the panel.")
    built.add_heading("1 General", level=1)
    built.add_paragraph("1.1 ESME shall record each Supply Outage.")
    path = tmp_path / "table.docx"
    built.save(str(path))
    source = import_docx(path, name="FREE", version="1.0").source
    base = parse_spec(source, str(tmp_path / "base.spec"))
    new = parse_spec(source.replace("for consultation", "for decision"), str(tmp_path / "new.spec"))
    onto = tmp_path / "onto.docx"
    onto.write_bytes(redline_onto_bytes(diff_specs(base, new), path, base=base, author="SECAS", date=DATE))
    assert check_document(document(onto)) == []
    old = plain_lines(path)
    assert side_lines(onto, Side.OLD) == old
    assert side_lines(onto, Side.NEW) == [line.replace("for consultation", "for decision") for line in old]


def test_a_new_free_paragraph_after_a_numbered_one_takes_no_number(tmp_path: Path) -> None:
    """Free text Word numbers (a list item, its label read as '1.'): a new free paragraph after it
    takes its style but not its automatic number, so accepting gives the new text as written."""
    builder = DocxBuilder()
    builder.numbering(abstract_xml(1, level_xml(0, "%1.")), num_xml(1, 1))
    builder.paragraph("Smart Metering Free Text Specification")
    builder.paragraph("The first step of the worked example.", numbering=(1, 0))
    builder.heading("1 General", 1)
    builder.paragraph("1.1 ESME shall record each Supply Outage.")
    source = import_built(builder, tmp_path).source
    assert "> [1.] The first step" in source
    base = parse_spec(source, str(tmp_path / "base.spec"))
    added = "> [1.] The first step of the worked example.\n> A closing remark the new version adds.\n"
    new = parse_spec(source.replace("> [1.] The first step of the worked example.\n", added), "new.spec")
    onto = tmp_path / "onto.docx"
    original = tmp_path / "built.docx"
    onto.write_bytes(
        redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    )
    assert check_document(document(onto)) == []
    for accepted, want in ((True, new), (False, base)):
        read = import_docx(settled(onto, tmp_path, accepted=accepted), name="FREE", version="1.0").spec
        assert spec_page(read).units == spec_page(want).units
