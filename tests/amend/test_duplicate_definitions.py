"""`apply --verify` on a base that defines one term twice: the duplicate is DEF004's to report, and the
scope check pairs the two definitions in order instead of calling one changed and the other missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from spectool.amend.reader import read_amendment
from spectool.amend.scope import verify_scope
from spectool.cli import main
from spectool.parsing import read_spec

BASE = """\
---
spec: SMETS2
version: 4.2
title: T
---
# 2 Glossary
"Supply Outage" means the absence of voltage at the premises.
"Alert" means a message sent by a Device.
"Supply Outage" means the absence of voltage at the meter.
# 5 ESME
5.1 ESME shall raise an Alert after a Supply Outage.
5.2 ESME shall keep its clock through a Supply Outage.
"""

PREAMBLE = """\
Modification MP901: Clock keeping
Change request
Author: A. Drafter
Date: 2024-01-01
Reason for change: a gap
Summary of change: one clause
Consequences if not approved: the gap stays
Specs affected: SMETS2 4.2
Clauses affected: SMETS2 4.2: 5.2

Amendments to SMETS2 4.2

"""


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spectool.toml").write_text('[corpus]\nspecs = ["specs/*.spec"]\n', encoding="utf-8")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "smets2.spec").write_text(BASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def verify(repository: Path, instruction: str) -> Result:
    (repository / "MP901.amend").write_text(PREAMBLE + instruction + "\n", encoding="utf-8")
    return CliRunner().invoke(main, ["apply", "MP901.amend", "--verify"])


def test_an_amendment_elsewhere_verifies_and_the_duplicate_stays_def004s(repository: Path) -> None:
    result = verify(repository, '1. In clause 5.2, for "its clock" substitute "its clock and its registers".')
    assert result.exit_code == 0, result.stderr
    assert "no instruction names it" not in result.stderr
    assert "is missing" not in result.stderr
    check = CliRunner().invoke(main, ["check", "--select", "DEF004", "specs/smets2.spec"])
    assert "DEF004" in check.stdout and '"Supply Outage"' in check.stdout


def test_a_change_to_either_definition_behind_the_amendment_s_back_is_still_caught(repository: Path) -> None:
    verify(repository, '1. In clause 5.2, for "its clock" substitute "its clock and its registers".')
    amendment = read_amendment(repository / "MP901.amend")
    base = read_spec(repository / "specs" / "smets2.spec")
    for line, changed in ((7, "voltage at the premises"), (9, "voltage at the meter")):
        text = BASE.replace(changed, changed + " or the street").replace(
            "its clock", "its clock and its registers"
        )
        path = repository / "amended.spec"
        path.write_text(text, encoding="utf-8")
        problems = verify_scope(amendment, base.key, base, read_spec(path))
        assert [(p.line, p.message) for p in problems] == [
            (line, 'SMETS2@4.2 the definition of "Supply Outage" changed, but no instruction names it')
        ], changed
