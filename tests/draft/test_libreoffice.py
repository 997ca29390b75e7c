"""A document LibreOffice edits with Record Changes on, saved as DOCX, drafted back."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import EditText, InsertClauses, TextEditKind
from spectool.draft.drafting import draft_amendment
from spectool.draft.instructions import same_paragraph
from spectool.draft.views import read_tracked
from tests.redline.office import SYSTEM_PYTHON, office_missing

from .conftest import corpus, exported

EDITOR = Path(__file__).with_name("office_edit.py")


def test_changes_recorded_in_libreoffice_are_drafted(tmp_path: Path) -> None:
    missing = office_missing()
    if missing and not os.environ.get("CI"):
        pytest.skip(f"{missing}: this test needs LibreOffice")
    source, edited = tmp_path / "smets2.docx", tmp_path / "edited.docx"
    source.write_bytes(exported("SMETS2@4.2"))
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    subprocess.run(
        [SYSTEM_PYTHON, str(EDITOR), str(source), str(edited)], check=True, timeout=300, env=environment
    )
    target = corpus().require("SMETS2@4.2")
    views = read_tracked(edited, "SMETS2", "4.2")
    assert views.revisions, "LibreOffice recorded no changes"
    amendment = draft_amendment(views, target).amendment
    operations = [i.operation for i in amendment.targets[0].instructions]
    assert [(type(op), getattr(op, "kind", None)) for op in operations] == [
        (EditText, TextEditKind.SUBSTITUTE),
        (EditText, TextEditKind.OMIT),
        (InsertClauses, None),
    ]
    result = apply_target(amendment, "SMETS2@4.2", target).spec
    for mine, theirs in zip(result.clauses(), views.edited.clauses(), strict=True):
        assert mine.number == theirs.number and same_paragraph(mine, theirs)
