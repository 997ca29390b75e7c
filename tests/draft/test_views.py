"""The two views of a document with tracked changes: all rejected (base) and all accepted (edited)."""

from __future__ import annotations

from pathlib import Path

from spectool.draft.views import read_comments, read_tracked, revisions_of
from spectool.wordml.package import open_word_package
from tests.docx_import.docx_builder import import_built
from tests.docx_import.test_revisions import revised

from .conftest import exported
from .tracked import TrackedDocument


def test_rejecting_changes_takes_the_text_as_it_was(tmp_path: Path) -> None:
    result = import_built(revised(), tmp_path, reject_changes=True)
    texts = {str(clause.number): clause.text.flat for clause in result.spec.clauses()}
    assert texts == {
        "5.7.1": "ESME shall not supply power.",
        "5.7.2": "ESME shall at once raise an alert.",
        # The paragraph mark is back: the next paragraph carries the clause on.
        "5.7.3": "ESME shall join the next paragraph.",
        "5.7.4": "ESME shall be withdrawn.",
        "5.7.5": "ESME shall raise these alerts:",
    }
    alerts = result.spec.clause("5.7.5")
    assert alerts is not None and alerts.tables[0].rows == (("AD1", "Kept"), ("AD2", "Deleted row"))


def test_both_views_of_an_exported_spec_with_tracked_edits(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"))
    document.substitute("5.4.5.3", "firmware update", "firmware upgrade")
    document.insert_paragraph("5.6.4", "5.6.5 Polyphase ESME shall keep the Communications Hub powered.")
    views = read_tracked(document.save(tmp_path / "edited.docx"), "SMETS2", "4.2")
    base, edited = views.base.clause("5.4.5.3"), views.edited.clause("5.4.5.3")
    assert base is not None and "firmware update" in base.text.flat
    assert edited is not None and "firmware upgrade" in edited.text.flat
    assert views.base.clause("5.6.5") is None and views.edited.clause("5.6.5") is not None


def test_authors_are_counted_and_formatting_changes_left_out(tmp_path: Path) -> None:
    document = TrackedDocument(exported("SMETS2@4.2"), date="2024-03-04T05:06:07Z")
    document.substitute("5.4.5.3", "firmware update", "firmware upgrade")
    document.substitute("5.5.1", "at the voltage and current", "at the voltage", author="Second")
    document.embolden("5.4.5.1")
    document.comment("5.5.1", "current is set elsewhere")
    path = document.save(tmp_path / "edited.docx")
    found = revisions_of(open_word_package(path).body)
    assert [(r.author, r.count, r.last) for r in found] == [
        ("Drafter", 2, "2024-03-04T05:06:07Z"),
        ("Second", 2, "2024-03-04T05:06:07Z"),
    ]
    (comment,) = read_comments(path)
    assert (comment.clause, comment.text) == ("5.5.1", "current is set elsewhere")
