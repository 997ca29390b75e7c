"""A change of words next to content that is no word (a page break, a picture, a field character) leaves
that content where it stands, outside the deletion: accepting the change must not join two pages."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.docx_import import import_docx
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from spectool.wordml.names import w
from tests.redline.inplace_helpers import document, plain_lines, side_lines
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
BEFORE, AFTER = "Meters keep a log of events", "and send it to the hub daily."
EDITS = {  # (old words, new words) in the imported source
    "across the break": ("events and send", "events, send"),
    "after the break": ("and send it", "send it"),
    "before the break": ("log of events", "log"),
}


def original_with_page_break(path: Path) -> Path:
    built = docx.Document()
    built.add_paragraph("The opening words of the notice stand here.")
    run = built.add_paragraph().add_run(BEFORE)
    run.add_break(WD_BREAK.PAGE)
    run.add_text(AFTER)
    built.add_paragraph("Closing words of the notice.")
    built.save(str(path))
    return path


def redline(tmp_path: Path, edit: str) -> tuple[Path, Path, str]:
    """(the original, its redline in place, the edited source)."""
    original = original_with_page_break(tmp_path / "break.docx")
    imported = import_docx(original, name="BREAK", version="1.0")
    old, new = EDITS[edit]
    assert old in imported.source
    edited = imported.source.replace(old, new, 1)
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    target = parse_spec(edited, str(tmp_path / "new.spec"))
    onto = tmp_path / "onto.docx"
    onto.write_bytes(
        redline_onto_bytes(diff_specs(base, target), original, base=base, author="SECAS", date=DATE)
    )
    return original, onto, edited


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_page_break_stays_outside_the_deletion(tmp_path: Path, edit: str) -> None:
    original, onto, _ = redline(tmp_path, edit)
    root = document(onto)
    assert check_document(root) == []
    breaks = [node for node in root.iter(w("br")) if node.get(w("type")) == "page"]
    assert len(breaks) == 1
    assert all(ancestor.tag != w("del") for ancestor in breaks[0].iterancestors())
    old, new = EDITS[edit]
    assert side_lines(onto, Side.OLD) == plain_lines(original)
    want = flat(plain_lines(original)).replace(old, new)
    assert flat(side_lines(onto, Side.NEW)) == want
    assert len(side_lines(onto, Side.NEW)) == len(plain_lines(original))


def flat(lines: list[str]) -> str:
    """The lines as one, each run of white space (a page break read as a line's end too) one space."""
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_libreoffice_keeps_the_page_break(office: Office, tmp_path: Path, edit: str) -> None:
    original, onto, _ = redline(tmp_path, edit)
    old, new = EDITS[edit]
    before = office.lines(original, None)
    assert office.lines(onto, Side.OLD)[-len(before) :] == before
    accepted = office.lines(onto, Side.NEW)[-len(before) :]
    assert flat(accepted) == flat(before).replace(old, new)
    assert len(accepted) == len(before)  # LibreOffice still splits the paragraph at its page break


def test_a_rendered_page_break_and_a_picture_stay_outside_the_deletion(tmp_path: Path) -> None:
    """w:lastRenderedPageBreak (where Word last broke the page) and a w:drawing in the deleted words."""
    original = original_with_page_break(tmp_path / "break.docx")
    built = docx.Document(str(original))
    run = built.paragraphs[0].runs[0]
    run.text = ""
    run._r.append(run._r.makeelement(w("t"), {}))
    run._r[-1].text = "The opening words "
    for name in ("lastRenderedPageBreak", "drawing"):
        run._r.append(run._r.makeelement(w(name), {}))
    run._r.append(run._r.makeelement(w("t"), {}))
    run._r[-1].text = "of the notice stand here."
    built.save(str(original))
    imported = import_docx(original, name="BREAK", version="1.0")
    old = "The opening words of the notice"
    assert old in imported.source
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    target = parse_spec(imported.source.replace(old, "The notice", 1), str(tmp_path / "new.spec"))
    onto = tmp_path / "onto.docx"
    onto.write_bytes(
        redline_onto_bytes(diff_specs(base, target), original, base=base, author="SECAS", date=DATE)
    )
    root = document(onto)
    assert check_document(root) == []
    for name in ("lastRenderedPageBreak", "drawing"):
        (node,) = root.iter(w(name))
        assert all(ancestor.tag != w("del") for ancestor in node.iterancestors()), name
    assert side_lines(onto, Side.OLD) == plain_lines(original)
    assert side_lines(onto, Side.NEW)[0] == "The notice stand here."
