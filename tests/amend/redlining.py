"""The redline check every amending form gets: LibreOffice accept-all = applied text, reject-all = base."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import AppliedSpec, apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import Amendment
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.config import load_config
from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.model.document import Spec
from spectool.rules.runner import check_paths
from tests.amend.helpers import PREAMBLE, ROOT
from tests.redline.helpers import front_lines, write_docx
from tests.redline.office import Office


def assert_applied_verified_and_redlined(
    office: Office, folder: Path, draft: Amendment, key: str, base: Spec
) -> None:
    """Apply `draft` to `base`, check it with `--verify`'s scope check, write its redline and have
    LibreOffice read both views of it: accept-all is the applied text, reject-all the base."""
    applied = apply_target(draft, key, base)
    amended = applied.consolidated  # the spec under the header the amendment gives it
    assert verify_scope(draft, key, base, amended) == []
    path = write_docx(diff_specs(applied.base, amended, applied.numbering), folder)
    front = front_lines(path)
    assert office.lines(path, Side.NEW) == front + page_lines(spec_page(amended))
    assert office.lines(path, Side.OLD) == front + page_lines(spec_page(applied.base))


def check_findings(folder: Path, text: str) -> list[str]:
    """What `spectool check` reports on the amendment `text` (written to `folder`) at the amendment
    itself: in its new words, and in the clauses it changed (findings elsewhere are the base's own)."""
    path = folder / "draft.amend"
    path.write_text(text, encoding="utf-8")
    config = load_config(ROOT / "spectool.toml")
    found = check_paths([path], config).result.findings
    return [f"{f.location} {f.code} {f.message}" for f in found if f.path == str(path)]


def mirrored_and_applied(draft: Amendment, source: Spec, target: Spec) -> AppliedSpec:
    """`draft`'s instructions for `source` as `mirror` proposes them for `target`, each carried over
    without a note, read back and applied to `target`."""
    mirror = mirror_amendment(draft, source, target)
    assert [entry.notes for entry in mirror.entries] == [() for _ in mirror.entries]
    proposals = parse_amendment(
        PREAMBLE.format(specs=target.key.replace("@", " ")) + "\n" + mirror.render(), "m.amend"
    )
    return apply_target(proposals, target.key, target)
