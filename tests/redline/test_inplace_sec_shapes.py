"""Random edits written in place into documents shaped as SEC specifications are (tests/docx_import/
sec_shapes.py: automatic numbering on linked heading and clause styles, free paragraphs, a glossary
table, a footnote, annexes, legal numbering under Roman parts). The judge is the importer itself: the
document with every change accepted imports to the amended spec, with every change rejected to the
original one, clause numbers as Word's automatic numbering shows them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from spectool.diff.document import diff_specs
from spectool.diff.page import spec_page
from spectool.docx_import import import_docx
from spectool.errors import InputError
from spectool.parsing import parse_spec
from spectool.redline.check import check_document
from spectool.redline.inplace import redline_onto_bytes
from spectool.redline.inplace.runs import new_run
from spectool.wordml.names import w
from spectool.wordml.revisions import accept_revisions, reject_revisions
from tests.docx_import import sec_shapes
from tests.docx_import.docx_builder import DocxBuilder, import_built, replace_part
from tests.redline.inplace_helpers import document, split_cover

DATE = "2024-05-01T09:30:00Z"
_CLAUSE = re.compile(r"(\d+(?:\.\d+)+) (.*)")
NEW_WORDS = ("must", "promptly", "each time", "Supply Outage", "(including a restart)")


@st.composite
def edited_sources(draw: st.DrawFn, source: str) -> str:
    """The source with some clauses reworded, deleted or followed by a new one; clause numbers after a
    deleted or inserted one move as Word's automatic numbering would move them."""
    lines = source.splitlines()
    # A section keeps one clause at least: a table left alone under its heading reads otherwise.
    left: dict[str, int] = {}
    for line in lines:
        if (found := _CLAUSE.fullmatch(line)) is not None:
            group = found[1].rpartition(".")[0]
            left[group] = left.get(group, 0) + 1
    out: list[str] = []
    shift: dict[str, int] = {}  # clause group ("3.2.1") -> how far its later numbers move
    for index, line in enumerate(lines):
        found = _CLAUSE.fullmatch(line)
        items_follow = index + 1 < len(lines) and lines[index + 1].startswith("  ")
        if found is None or "Provenance" in line:
            out.append(line)
            continue
        number, text = found.groups()
        group, _, last = number.rpartition(".")
        renumbered = f"{group}.{int(last) + shift.get(group, 0)}"
        action = draw(st.sampled_from(("keep", "keep", "reword", "delete", "insert")))
        if action == "delete" and not items_follow and left[group] > 1:
            shift[group] = shift.get(group, 0) - 1
            left[group] -= 1
            continue
        if action == "reword":
            words = text.split(" ")
            words.insert(draw(st.integers(1, len(words))), draw(st.sampled_from(NEW_WORDS)))
            text = " ".join(words)
        out.append(f"{renumbered} {text}")
        if action == "insert" and not items_follow:
            shift[group] = shift.get(group, 0) + 1
            out.append(
                f"{group}.{int(last) + shift[group]} The meter shall {draw(st.sampled_from(NEW_WORDS))}."
            )
    return "\n".join(out) + "\n"


def settled(redline: Path, folder: Path, *, accepted: bool) -> Path:
    """The redline with its change request taken out and every change accepted (or rejected)."""
    root = document(redline)
    body = root.find(w("body"))
    cover, _ = split_cover(root)
    for node in cover:
        body.remove(node)
    (accept_revisions if accepted else reject_revisions)(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    path = folder / ("accepted.docx" if accepted else "rejected.docx")
    path.write_bytes(replace_part(redline.read_bytes(), "word/document.xml", data))
    return path


def reads_back_as(redline: Path, folder: Path, old: str, new: str) -> None:
    """Imported once every change is accepted, the redline's page is `new`'s; once rejected, `old`'s."""
    for accepted, want in ((True, new), (False, old)):
        read = import_docx(settled(redline, folder, accepted=accepted), name="SMETS2", version="5.0")
        wanted = parse_spec(want, str(folder / "want.spec"))
        assert spec_page(read.spec).units == spec_page(wanted).units


def folded_words(lines: list[str]) -> list[str]:
    """LibreOffice's lines with spacing folded (it puts a tab after a list label)."""
    return [" ".join(line.split()) for line in lines if line.strip()]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=st.sampled_from(sorted(sec_shapes.SHAPES)), data=st.data())
def test_random_edits_on_sec_shaped_documents(tmp_path: Path, shape: str, data: st.DataObject) -> None:
    folder = tmp_path / shape
    folder.mkdir(exist_ok=True)
    imported = import_built(sec_shapes.SHAPES[shape](), folder)
    base = parse_spec(imported.source, str(folder / "built.spec"))
    original = folder / "built.docx"
    new = parse_spec(data.draw(edited_sources(imported.source)), str(folder / "new.spec"))
    redline = folder / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    )
    assert check_document(document(redline)) == []
    docx.Document(str(redline))
    for accepted, want in ((True, new), (False, base)):
        read = import_docx(settled(redline, folder, accepted=accepted), name="SMETS2", version="5.0").spec
        assert spec_page(read).units == spec_page(want).units


LAST = (
    "2.2.1 The device shall meet requirement 0 of Messages.\n"
    "2.2.2 The device shall meet requirement 1 of Messages."
)


@pytest.mark.parametrize(
    "last",
    [
        "2.2.1 The device shall meet requirement 0 of Messages.",  # the body's last paragraph gone
        "2.2.1 The device shall meet requirement 0 of Messages.\n2.2.2 The meter shall sound an alarm.",
    ],
)
def test_the_last_numbered_paragraph_of_the_body_gone_leaves_no_number(tmp_path: Path, last: str) -> None:
    """Word cannot remove the body's last paragraph mark: the paragraph before gives up its mark (or a
    new one its text), so no empty paragraph numbered by Word is left once all is accepted."""
    imported = import_built(sec_shapes.SHAPES["sec-legal-outline"](), tmp_path)
    assert LAST in imported.source
    base = parse_spec(imported.source, str(tmp_path / "built.spec"))
    new = parse_spec(imported.source.replace(LAST, last), str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    redline.write_bytes(
        redline_onto_bytes(
            diff_specs(base, new), tmp_path / "built.docx", base=base, author="SECAS", date=DATE
        )
    )
    assert check_document(document(redline)) == []
    for accepted, want in ((True, new), (False, base)):
        read = import_docx(settled(redline, tmp_path, accepted=accepted), name="SMETS2", version="5.0").spec
        assert spec_page(read).units == spec_page(want).units


def test_a_new_run_keeps_line_breaks_and_tabs_as_elements() -> None:
    run = new_run("Supply\n  Outage\tAlert", None)
    assert [child.tag.rsplit("}", 1)[1] for child in run] == ["t", "br", "t", "tab", "t"]
    texts = [child.text for child in run.iter(w("t"))]
    assert texts == ["Supply", "  Outage", "Alert"]
    assert run[2].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def settled_notes(redline: Path, folder: Path, *, accepted: bool) -> Path:
    """`settled`, with the footnotes part's changes accepted (or rejected) too."""
    path = settled(redline, folder, accepted=accepted)
    with zipfile.ZipFile(path) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    (accept_revisions if accepted else reject_revisions)(notes)
    data = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    path.write_bytes(replace_part(path.read_bytes(), "word/footnotes.xml", data))
    return path


def footnoted() -> DocxBuilder:
    """Three clauses with typed numbers, the second citing a footnote."""
    builder = DocxBuilder()
    builder.heading("1 General", 1)
    builder.paragraph("1.1 The meter shall stop the supply when the credit reaches zero.")
    builder.footnote("1.2 The meter shall keep the last ten records.", "Older records may be overwritten.")
    builder.paragraph("1.3 The meter shall restore the supply when asked.")
    return builder


def test_a_reworded_footnote_is_written_in_the_footnotes_part(tmp_path: Path) -> None:
    imported = import_built(footnoted(), tmp_path)
    said = "Footnote 1: Older records may be overwritten."
    assert f"1.2 The meter shall keep the last ten records.\n{said}" in imported.source
    base = parse_spec(imported.source, str(tmp_path / "built.spec"))
    new_source = imported.source.replace(said, "Footnote 1: Older records may be deleted by the supplier.")
    new = parse_spec(new_source, str(tmp_path / "new.spec"))
    redline = tmp_path / "onto.docx"
    data = redline_onto_bytes(
        diff_specs(base, new), tmp_path / "built.docx", base=base, author="SECAS", date=DATE
    )
    redline.write_bytes(data)
    with zipfile.ZipFile(redline) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    assert ["".join(e.itertext()) for e in notes.iter(w("del"))] == ["overwritten"]
    assert ["".join(e.itertext()) for e in notes.iter(w("ins"))] == ["deleted by the supplier"]
    assert check_document(notes) == [] and check_document(document(redline)) == []
    for accepted, want in ((True, new), (False, base)):
        read = import_docx(
            settled_notes(redline, tmp_path, accepted=accepted), name="SMETS2", version="5.0"
        ).spec
        assert spec_page(read).units == spec_page(want).units
    docx.Document(str(redline))


def test_a_new_footnote_is_refused(tmp_path: Path) -> None:
    imported = import_built(footnoted(), tmp_path)
    base = parse_spec(imported.source, str(tmp_path / "built.spec"))
    added = imported.source.replace(
        "1.3 The meter shall restore the supply when asked.\n",
        "1.3 The meter shall restore the supply when asked.\nFootnote 2: Only by the supplier.\n",
    )
    new = parse_spec(added, str(tmp_path / "new.spec"))
    with pytest.raises(
        InputError, match="cannot write this change into the document: a footnote or endnote added or moved"
    ):
        redline_onto_bytes(
            diff_specs(base, new), tmp_path / "built.docx", base=base, author="SECAS", date=DATE
        )
