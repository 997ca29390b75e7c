"""XREF003 on the bundled corpus: an amendment to the CHTS that renumbers the clause both live SMETS2
versions refer to is an error at its instruction, and applying it rewrites the CHTS only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main

ROOT = Path(__file__).resolve().parents[2]

AMENDMENT = """\
Modification MP903: Detection folded into the alert

Change request
Author: A. Drafter
Date: 2024-01-01
Reason for change: detecting a loss of power is part of sending the alert.
Summary of change: omit CHTS clause 4.4.1 and renumber.
Consequences if not approved: two clauses say one thing.
Specs affected: CHTS 1.5
Clauses affected: CHTS 1.5: 4.4.1

Amendments to CHTS 1.5

1. Omit clause 4.4.1 and renumber the following clauses.
"""


@pytest.fixture
def amendment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    path = tmp_path / "MP903.amend"
    path.write_text(AMENDMENT, encoding="utf-8")
    return path


def test_the_instruction_names_each_referring_clause_and_proposes_the_fix(amendment: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(amendment), "--select", "XREF003", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["column"]) == (str(amendment), 14, 1)
    assert finding["message"].startswith(
        "instruction 1 renumbers CHTS 1.5 clause 4.4.2 as 4.4.1, but SMETS2 4.2 clause 5.4.4.6 and "
        "SMETS2 5.0 clause 5.4.5.6 refer to it, which would then point at another requirement"
    )
    for version, clause in (("4.2", "5.4.4.6"), ("5.0", "5.4.5.6")):
        assert (
            f'under "Amendments to SMETS2 {version}", "In clause {clause}, for "clause 4.4.2 of the CHTS" '
            'substitute "clause 4.4.1 of the CHTS"."'
        ) in finding["message"]


def test_applying_rewrites_only_the_spec_it_targets(amendment: Path, tmp_path: Path) -> None:
    before = {path.name: path.read_bytes() for path in (ROOT / "specs").glob("*.spec")}
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["apply", str(amendment), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["chts-v1.5.spec"]
    assert {path.name: path.read_bytes() for path in (ROOT / "specs").glob("*.spec")} == before
