"""LibreOffice as the outside judge: accepting every change gives the new version's text, rejecting
every change the old one's, for the sample, the bundled specs, the MP102A amendment and random edits."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.diff.model import Change, Redline, Side, UnitDiff
from spectool.diff.page import UnitKind, spec_page
from spectool.diff.plain import page_lines, redline_lines
from spectool.model.document import Spec
from spectool.parsing import load_corpus, read_spec
from spectool.redline.cover import modification_of
from spectool.redline.export import export_spec
from spectool.redline.rationale import Rationale, rationales
from tests.redline.helpers import ROOT, edit_sample, front_lines, sample, write_docx
from tests.redline.office import Office
from tests.redline.strategies import spec_pairs

SPECS = ROOT / "specs"
AMENDMENT = ROOT / "amendments" / "MP102A.amend"


def assert_office_agrees(
    office: Office, redline: Redline, old: list[str], new: list[str], folder: Path
) -> None:
    path = write_docx(redline, folder)
    docx.Document(str(path))  # python-docx opens every output
    front = front_lines(path)
    assert office.lines(path, Side.NEW) == front + new
    assert office.lines(path, Side.OLD) == front + old


def assert_versions(office: Office, old: Spec, new: Spec, folder: Path, numbering: object = None) -> None:
    redline = diff_specs(old, new, numbering)  # type: ignore[arg-type]
    assert_office_agrees(office, redline, page_lines(spec_page(old)), page_lines(spec_page(new)), folder)


def test_sample_with_word_paragraph_row_and_definition_edits(office: Office, tmp_path: Path) -> None:
    new = edit_sample(
        ("supply power to the", "maintain the power supply to the"),
        ("  (b) otherwise.\n", "  (b) otherwise; and\n  (c) during a reboot.\n"),
        ("| AD1 | Power Outage Alert |", "| AD1 | Power Outage Alert |\n| AD2 | Power Restored |"),
        ("absence of\n  electricity", "absence of electricity supply"),
        ("Note: informative.", "Note: informative & <exact>."),
    )
    assert_versions(office, sample(), new, tmp_path)


def test_sample_with_a_clause_deleted_at_the_very_end(office: Office, tmp_path: Path) -> None:
    new = edit_sample(
        ("// spectool-disable: TERM001 -- quoted on purpose\n", ""),
        ("5.7.2 ESME shall not raise a spurious alert after a mains power failure.\n", ""),
    )
    assert_versions(office, sample(), new, tmp_path)


def test_sample_with_a_deleted_note_before_a_table(office: Office, tmp_path: Path) -> None:
    assert_versions(office, sample(), edit_sample(("Note: informative.\n", "")), tmp_path)


def test_sample_against_itself_has_no_revisions(office: Office, tmp_path: Path) -> None:
    assert_versions(office, sample(), sample(), tmp_path)


def test_bundled_smets2_versions(office: Office, tmp_path: Path) -> None:
    old, new = read_spec(SPECS / "smets2-v4.2.spec"), read_spec(SPECS / "smets2-v5.0.spec")
    assert_versions(office, old, new, tmp_path)


@pytest.mark.parametrize("context", [0, 1, 3])
def test_bundled_smets2_versions_with_context(office: Office, tmp_path: Path, context: int) -> None:
    old, new = read_spec(SPECS / "smets2-v4.2.spec"), read_spec(SPECS / "smets2-v5.0.spec")
    shown = with_context(diff_specs(old, new), context)
    assert_office_agrees(
        office, shown, redline_lines(shown, Side.OLD), redline_lines(shown, Side.NEW), tmp_path
    )


@pytest.mark.parametrize("target", ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"])
def test_mp102a_redline_of_each_target(office: Office, tmp_path: Path, target: str) -> None:
    corpus = load_corpus(sorted(SPECS.glob("*.spec")))
    base = corpus.require(target)
    applied = apply_target(read_amendment(AMENDMENT), target, base)
    assert_versions(office, base, applied.spec, tmp_path, applied.numbering)


@pytest.mark.parametrize("target", ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"])
def test_mp102a_redline_with_its_comments(office: Office, tmp_path: Path, target: str) -> None:
    """With the change request on the cover and a comment on each change, the text still accepts to
    the amended spec and rejects to the base; each comment stands on the clause it explains."""
    corpus = load_corpus(sorted(SPECS.glob("*.spec")))
    amendment = read_amendment(AMENDMENT)
    base = corpus.require(target)
    applied = apply_target(amendment, target, base)
    redline = diff_specs(base, applied.spec, applied.numbering)
    notes = rationales(redline, amendment, applied)
    path = write_docx(redline, tmp_path, modification=modification_of(amendment), notes=notes)
    docx.Document(str(path))
    front = front_lines(path)
    assert office.lines(path, Side.NEW) == front + page_lines(spec_page(applied.spec))
    assert office.lines(path, Side.OLD) == front + page_lines(spec_page(base))
    comments = office.comments(path)
    assert sorted(text for text, _ in comments) == sorted(note.text for note in notes)
    assert len(comments) == len(amendment.instructions_for(target))
    for text, anchor in comments:
        note = next(note for note in notes if note.text == text)
        unit = redline.units[note.unit]
        assert isinstance(unit, UnitDiff)
        assert anchor.startswith(f"{unit.new_label} "), (text, anchor)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pair=spec_pairs())
def test_random_edits(office: Office, pair: tuple[Spec, Spec]) -> None:
    old, new = pair
    with tempfile.TemporaryDirectory() as folder:
        assert_versions(office, old, new, Path(folder))


def notes_on_every_change(redline: Redline) -> list[Rationale]:
    """A note on each changed unit, and on each changed row of a glossary."""
    notes = []
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff) or unit.change in (Change.KEPT, Change.MOVED_FROM):
            continue
        if unit.kind is UnitKind.GLOSSARY:
            for block_index, block in enumerate(unit.blocks):
                for row_index, row in enumerate(getattr(block, "rows", ())):
                    if row.changed and not row.header:
                        notes.append(Rationale(index, block_index, row_index, 1, f"row {index} {row_index}"))
        else:
            notes.append(Rationale(index, None, None, 1, f"unit {index} & <{unit.change}>"))
    return notes


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pair=spec_pairs())
def test_random_edits_with_a_comment_on_every_change(office: Office, pair: tuple[Spec, Spec]) -> None:
    old, new = pair
    redline = diff_specs(old, new)
    notes = notes_on_every_change(redline)
    with tempfile.TemporaryDirectory() as folder:
        path = write_docx(redline, Path(folder), notes=notes)
        docx.Document(str(path))
        front = front_lines(path)
        assert office.lines(path, Side.NEW) == front + page_lines(spec_page(new))
        assert office.lines(path, Side.OLD) == front + page_lines(spec_page(old))
        comments = office.comments(path) if notes else []
        assert sorted(text for text, _ in comments) == sorted(note.text for note in notes)
        assert all(anchor for _, anchor in comments)


@pytest.mark.parametrize("source", sorted(SPECS.glob("*.spec")), ids=lambda path: path.stem)
def test_export_reads_as_the_spec(office: Office, tmp_path: Path, source: Path) -> None:
    spec = read_spec(source)
    path = tmp_path / "export.docx"
    export_spec(spec, path)
    assert office.lines(path, None) == front_lines(path) + page_lines(spec_page(spec))
