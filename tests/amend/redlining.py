"""The redline check every amending form gets: LibreOffice accept-all = applied text, reject-all = base."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import apply_target
from spectool.amend.model import Amendment
from spectool.amend.scope import verify_scope
from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.model.document import Spec
from tests.redline.helpers import front_lines, write_docx
from tests.redline.office import Office


def assert_applied_verified_and_redlined(
    office: Office, folder: Path, draft: Amendment, key: str, base: Spec
) -> None:
    """Apply `draft` to `base`, check it with `--verify`'s scope check, write its redline and have
    LibreOffice read both views of it: accept-all is the applied text, reject-all the base."""
    applied = apply_target(draft, key, base)
    assert verify_scope(draft, key, base, applied.spec) == []
    path = write_docx(diff_specs(applied.base, applied.spec, applied.numbering), folder)
    front = front_lines(path)
    assert office.lines(path, Side.NEW) == front + page_lines(spec_page(applied.spec))
    assert office.lines(path, Side.OLD) == front + page_lines(spec_page(applied.base))
