"""Tracked changes in footnotes, and clauses renumbered by hand in the document."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import apply_target
from spectool.amend.model import EditText, OmitClause, TextEditKind
from spectool.draft.drafting import draft_amendment
from spectool.draft.instructions import same_paragraph
from spectool.draft.views import read_tracked
from tests.docx_import.docx_builder import NSDECL, DocxBuilder, replace_part

from .conftest import corpus, exported
from .tracked import TrackedDocument

MARK = 'w:author="Reviewer" w:date="2024-02-03T04:05:06Z"'


def footnoted(path: Path) -> Path:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    builder.footnote("5.7.1 ESME shall measure the voltage.", "Measured at the terminals.")
    builder.paragraph("5.7.2 ESME shall record an Event.")
    data = builder.data()
    notes = (
        f'<w:footnotes {NSDECL}><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> Measured at the</w:t></w:r>'
        f'<w:del w:id="91" {MARK}><w:r><w:delText xml:space="preserve"> terminals</w:delText></w:r></w:del>'
        f'<w:ins w:id="92" {MARK}><w:r><w:t xml:space="preserve"> supply point</w:t></w:r></w:ins>'
        "<w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    path.write_bytes(replace_part(data, "word/footnotes.xml", notes.encode()))
    return path


def test_a_change_tracked_in_a_footnote_is_drafted_in_its_clause(tmp_path: Path) -> None:
    views = read_tracked(footnoted(tmp_path / "notes.docx"), "SMETS2", "9.9")
    base = views.base
    clause = base.clause("5.7.1")
    assert clause is not None and "terminals" in clause.attachments[0].text.flat  # type: ignore[union-attr]
    amendment = draft_amendment(views, base).amendment
    (instruction,) = amendment.targets[0].instructions
    edit = instruction.operation
    assert isinstance(edit, EditText) and edit.kind is TextEditKind.SUBSTITUTE
    assert (edit.anchor, edit.text) == ("terminals", "supply point")
    assert amendment.author == "Reviewer" and amendment.date == "2024-02-03"
    result = apply_target(amendment, base.key, base).spec
    edited = views.edited.clause("5.7.1")
    assert edited is not None and same_paragraph(result.clause("5.7.1"), edited)  # type: ignore[arg-type]


def test_clauses_renumbered_by_hand_give_omit_and_renumber(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.delete_paragraph("5.4.5.4")
    document.renumber("5.4.5.5", "5.4.5.4")
    views = read_tracked(document.save(tmp_path / "edited.docx"), "SMETS2", "4.2")
    amendment = draft_amendment(views, corpus().require("SMETS2@4.2")).amendment
    (instruction,) = amendment.targets[0].instructions
    assert instruction.operation == OmitClause(instruction.operation.number, None, True)  # type: ignore[union-attr]
    assert str(instruction.clause) == "5.4.5.4"


def test_a_clause_left_as_not_used_keeps_its_number(tmp_path: Path) -> None:
    spec = corpus().require("SMETS2@4.2")
    clause = spec.clause("5.6.4")
    assert clause is not None
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("5.6.4", " " + clause.text.flat, " Not used.")
    views = read_tracked(document.save(tmp_path / "edited.docx"), "SMETS2", "4.2")
    amendment = draft_amendment(views, spec).amendment
    (instruction,) = amendment.targets[0].instructions
    assert instruction.operation == OmitClause(clause.number, "Not used.", False)
    result = apply_target(amendment, spec.key, spec).spec
    kept = result.clause("5.6.4")
    assert kept is not None and kept.text.flat == "Not used."
