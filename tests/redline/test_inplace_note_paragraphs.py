"""A footnote or endnote of several paragraphs (as export writes a note of several lines) redlined in
place: each change is written in the paragraph of the note it falls in. Before, any change to such a
note was refused, so a spec exported to Word could not later be redlined in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.docx_import import import_docx
from spectool.errors import InputError
from spectool.model.document import Clause, Footnote, Spec
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from tests.docx_import.docx_builder import DocxBuilder
from tests.docx_import.test_note_numbers import clause_note
from tests.docx_import.test_note_paragraphs import ENDNOTE, FOOTNOTE, document
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.inplace_helpers import document as body_of
from tests.redline.office import Office
from tests.redline.test_inplace_sec_shapes import settled

DATE = "2024-05-01T09:30:00Z"
TEN, OLDER, SEE = FOOTNOTE
# (the source's words, what they become) for each edit, and the note's lines once all is accepted
EDITS: dict[str, tuple[list[tuple[str, str]], list[str], list[str]]] = {
    "middle line": (
        [(OLDER, "Older events may be overwritten after a year.")],
        [TEN, "Older events may be overwritten after a year.", SEE],
        ENDNOTE,
    ),
    "first and last lines": (
        [(TEN, "The log holds the last twenty events."), (SEE, "See clause 1.2.")],
        ["The log holds the last twenty events.", OLDER, "See clause 1.2."],
        ENDNOTE,
    ),
    "words at a line's end": (
        [(TEN, "The log holds the last ten events in order.")],
        ["The log holds the last ten events in order.", OLDER, SEE],
        ENDNOTE,
    ),
    "a line gone": (
        [(f"\n  {OLDER}", "")],
        [TEN, SEE],
        ENDNOTE,
    ),
    "endnote": (
        [(ENDNOTE[1], "A copy stays on the meter for a month.")],
        FOOTNOTE,
        [ENDNOTE[0], "A copy stays on the meter for a month."],
    ),
}


# The same on a note whose second and third lines Word letters (a) and (b).
LETTERED: dict[str, list[tuple[str, str]]] = {
    "a lettered line": [("(b) a tamper", "(b) a tamper of the cover")],
    "words at a lettered line's end": [("(a) a power outage", "(a) a power outage at night")],
    "the last lettered line gone": [("\n      (b) a tamper", "")],
}


def redlined(
    tmp_path: Path,
    edit: str,
    replacements: list[tuple[str, str]] | None = None,
    built: DocxBuilder | None = None,
) -> tuple[Path, Path, Spec, Spec]:
    """The original, its redline in place with `edit` (or `replacements` in `built`), the spec and the
    amended spec."""
    source = (built or document()).save(tmp_path / "original.docx")
    imported = import_docx(source, name="SMETS2", version="5.0")
    amended = imported.source
    for old, new in replacements or EDITS[edit][0]:
        assert old in amended, amended
        amended = amended.replace(old, new)
    base = parse_spec(imported.source, str(tmp_path / "base.spec"))
    new_spec = parse_spec(amended, str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(diff_specs(base, new_spec), source, base=base, author="SECAS", date=DATE)
    )
    assert check_document(body_of(redline)) == []
    return source, redline, base, new_spec


def note_texts(spec: Spec) -> list[str]:
    """The text of each footnote and endnote of the spec's clauses, lines kept."""
    return [
        attachment.text.value
        for section in spec.sections
        for block in section.blocks
        if isinstance(block, Clause)
        for attachment in block.attachments
        if isinstance(attachment, Footnote)
    ]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_accepted_and_rejected_read_back_as_both_specs(tmp_path: Path, edit: str) -> None:
    _, redline, base, new = redlined(tmp_path, edit)
    for accepted, want in ((True, new), (False, base)):
        body = settled(redline, tmp_path, accepted=accepted)  # the notes' changes settled on import
        read = import_docx(
            body, name="SMETS2", version="5.0", accept_changes=accepted, reject_changes=not accepted
        )
        assert note_texts(read.spec) == note_texts(want)
        assert spec_page(read.spec).units == spec_page(want).units


@pytest.mark.parametrize("edit", sorted(LETTERED))
def test_lettered_note_lines_read_back_as_both_specs(tmp_path: Path, edit: str) -> None:
    _, redline, base, new = redlined(tmp_path, edit, LETTERED[edit], clause_note())
    for accepted, want in ((True, new), (False, base)):
        body = settled(redline, tmp_path, accepted=accepted)
        read = import_docx(
            body, name="SMETS2", version="5.0", accept_changes=accepted, reject_changes=not accepted
        )
        assert note_texts(read.spec) == note_texts(want)


def test_a_change_that_moves_words_letters_is_refused_saying_what_to_do(tmp_path: Path) -> None:
    """A lettered line gone before another: Word's letters would move, which the words cannot say."""
    gone = [("\n      (a) a power outage", ""), ("(b) a tamper", "(a) a tamper")]
    with pytest.raises(InputError, match=r"moves the numbers Word shows on its lines.*make it in Word"):
        redlined(tmp_path, "", gone, clause_note())


@pytest.mark.parametrize("edit", ["first and last lines", "a line gone", "endnote"])
def test_libreoffice_accepts_and_rejects_the_note_lines(
    office: Office,  # noqa: F811
    tmp_path: Path,
    edit: str,
) -> None:
    source, redline, _, _ = redlined(tmp_path, edit)
    assert office.notes(redline, Side.OLD) == office.notes(source)
    _, footnote, endnote = EDITS[edit]
    assert office.notes(redline, Side.NEW) == {"footnotes": [footnote], "endnotes": [endnote]}
