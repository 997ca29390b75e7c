"""Issue 18: the forms added late (sub-items, table rows, Notes, one clause replaced by two, compound
instructions, a new version and date) through the commands as a drafter runs them: `apply --verify`,
and `redline --onto` a Word original of SMETS2 4.2, where accepting every change gives the amended text
and rejecting every change the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.diff.model import Side
from spectool.parsing import read_spec
from spectool.redline.export import export_spec
from tests.redline.inplace_helpers import Workspace, plain_lines, run, side_lines, word_workspace

EVERY_FORM = """\
Modification MP901: Every amending form added for issue 18
Change request
Author: A. Drafter
Date: 2021-03-01
Reason for change: The amending language lacked these forms.
Summary of change: One of each.
Consequences if not approved: Drafters restate whole clauses.
Specs affected: SMETS2 4.2
Clauses affected: SMETS2 4.2: 4.3.5.1, 5.4.3.1, 5.5.4, new 5.5.4A, 5.5.5

Amendments to SMETS2 4.2

1. For the version substitute "4.3".

2. For the date substitute "2027-06-01".

3. After clause 5.4.3.1(a) insert:
      (aa) when a User has asked for it to open at a Date-Time that has come; and

4. In the table in clause 4.3.5.1, omit the row for G04.

5. In the table in clause 4.3.5.1, after the row for G06 insert the following row:
    | G07 | firmware image rejected | yes |

6. In the Note to clause 5.5.5, for "Supply side" substitute "supply side".

7. For clause 5.5.4 substitute:
    5.5.4 ESME shall record an Event when the Communications Hub is removed from the
      Communications Hub Interface.
    5.5.4A ESME shall send an Alert each time it records that Event.

8. In clause 5.5.5\u2014
   (a) for "is open" substitute "is open or opening"; and
   (b) after "powered" insert "from its own supply".
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return word_workspace(tmp_path_factory.mktemp("word-corpus"))


def test_apply_verifies_and_writes_the_new_version(workspace: Workspace, tmp_path: Path) -> None:
    amendment = tmp_path / "every.amend"
    amendment.write_text(EVERY_FORM, encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run(
        "apply", str(amendment), "--verify", "-o", str(out), "--config", str(workspace.config)
    )
    assert code == 0, stderr
    written = read_spec(out / "smets2-v4.2.spec")
    assert (written.version, written.date) == ("4.3", "2027-06-01")
    assert written.clause("5.5.4A") is not None


def test_the_redline_in_place_accepts_to_the_amended_text_and_rejects_to_the_original(
    workspace: Workspace, tmp_path: Path
) -> None:
    amendment = tmp_path / "every.amend"
    amendment.write_text(EVERY_FORM, encoding="utf-8")
    original = workspace.original("smets2-v4.2.spec")
    path = tmp_path / "every.docx"
    code, _, stderr = run(
        "redline",
        str(amendment),
        "--target",
        "SMETS2@4.2",
        "--onto",
        str(original),
        "-o",
        str(path),
        "--config",
        str(workspace.config),
    )
    assert code == 0, stderr
    base = read_spec(workspace.root / "specs" / "smets2-v4.2.spec")
    applied = apply_target(read_amendment(amendment), "SMETS2@4.2", base)
    consolidated = tmp_path / "consolidated.docx"
    export_spec(applied.spec, consolidated)
    assert side_lines(path, Side.OLD) == plain_lines(original)
    assert side_lines(path, Side.NEW) == plain_lines(consolidated)
