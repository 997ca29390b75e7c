"""`spectool coverage` end to end: formats, -o, --explain, --compare, --amendment and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from spectool.cli import main

CONFIG = """\
[corpus]
specs = ["*.spec"]

[versions]
SMETS2 = ["4.2", "5.0"]

[coverage.matrices.demo]
title = "Demo matrix"
subject = ["power*"]

[coverage.matrices.demo.rows.esme]
label = "ESME"
spec = "SMETS2"
terms = ["ESME"]

[coverage.matrices.demo.columns.firmware]
label = "Firmware upgrade"
terms = ["firmware upgrade"]

[coverage.matrices.demo.columns.reboot]
label = "Reboot"
terms = ["restart*"]
"""

OLD = "# 5 Meters\n5.1 ESME shall keep the hub powered while it restarts.\n"
NEW = "# 5 Meters\n5.1 ESME shall keep the hub powered during a firmware upgrade or a restart.\n"
AMENDMENT = """\
Modification MP900: Firmware upgrades keep the hub powered
Change request
Author: A. Drafter
Date: 2024-01-01
Reason for change: a gap
Summary of change: one clause
Consequences if not approved: the gap stays
Specs affected: SMETS2 4.2
Clauses affected: SMETS2 4.2: 5.2

Amendments to SMETS2 4.2

1. After clause 5.1 insert:
    5.2 ESME shall keep the hub powered through a firmware upgrade.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spectool.toml").write_text(CONFIG, encoding="utf-8")
    for version, body in (("4.2", OLD), ("5.0", NEW)):
        header = f"---\nspec: SMETS2\nversion: {version}\ntitle: T\n---\n"
        (tmp_path / f"smets2-{version}.spec").write_text(header + body, encoding="utf-8")
    (tmp_path / "MP900.amend").write_text(AMENDMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["coverage", *args])


def test_text_report_per_spec_version(repo: Path) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert "SMETS2@4.2  (smets2-4.2.spec)" in result.output
    assert "SMETS2@5.0  (smets2-5.0.spec)" in result.output
    assert "  gap: ESME x Firmware upgrade" in result.output
    assert result.output.count("gap: ") == 1
    assert "states: covered = an obligation" in result.output  # the legend


def test_json_to_a_file_written_atomically(repo: Path) -> None:
    result = run("SMETS2@5.0", "--format", "json", "-o", "out/coverage.json")
    assert result.exit_code == 0, result.output
    data = json.loads((repo / "out" / "coverage.json").read_text(encoding="utf-8"))
    [coverage] = data["coverage"]
    assert coverage["spec"] == "SMETS2" and coverage["version"] == "5.0"
    assert [(cell["column"], cell["status"], cell["clauses"]) for cell in coverage["cells"]] == [
        ("firmware", "covered", ["5.1"]),
        ("reboot", "covered", ["5.1"]),
    ]
    assert coverage["clauses"][0]["matched"] == ["ESME", "firmware upgrade", "powered", "restart"]
    assert sorted(path.name for path in (repo / "out").iterdir()) == ["coverage.json"]


def test_explain_names_what_matched_and_what_was_missing(repo: Path) -> None:
    result = run("--explain", "esme", "firmware", "SMETS2@4.2")
    assert result.exit_code == 0, result.output
    assert "SMETS2@4.2  ESME x Firmware upgrade: a GAP" in result.output
    # The deciding sentence quoted, with its actor, modality, scope and condition.
    assert (
        '5.1 other scenario: "ESME shall keep the hub powered while it restarts." (its text, line 7);'
        ' actor ESME; obligation; action "keep the hub powered while it restarts"; binds ESME;'
        " conditions: while it restarts" in " ".join(result.output.split())
    )


def test_compare_shows_where_one_version_covers_and_the_other_does_not(repo: Path) -> None:
    result = run("--compare", "SMETS2@4.2", "SMETS2@5.0", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "| **ESME** | **gap** → 5.1 (closed) | 5.1 |" in result.output
    assert "ESME x Firmware upgrade: a gap in SMETS2@4.2, covered in SMETS2@5.0 by 5.1" in result.output


def test_amendment_closes_the_gap_and_before_after_shows_it(repo: Path) -> None:
    after = run("SMETS2@4.2", "--amendment", "MP900.amend")
    assert after.exit_code == 0, after.output
    assert "SMETS2@4.2 as amended by MP900" in after.output and "  gap:" not in after.output
    both = run("--amendment", "MP900.amend", "--before-after", "--format", "json")
    assert both.exit_code == 0, both.output
    [comparison] = json.loads(both.output)["comparisons"]
    assert (comparison["left"], comparison["right"]) == ("SMETS2@4.2 before MP900", "SMETS2@4.2 after MP900")
    closed = [cell for cell in comparison["cells"] if cell["change"] != "same"]
    assert [(c["column"], c["change"], c["right"]["clauses"]) for c in closed] == [
        ("firmware", "closed", ["5.2"])
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--explain", "gsme", "firmware"), "matrix demo has no row 'gsme': expected one of esme"),
        (("CHTS@1.5",), "no spec CHTS@1.5 in the corpus"),
        (("--matrix", "other"), "no coverage matrix 'other' (configured: demo)"),
        (("--before-after",), "--before-after needs --amendment FILE"),
    ],
)
def test_usage_errors_exit_2(repo: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_config_error_points_at_the_line(repo: Path) -> None:
    config = repo / "spectool.toml"
    config.write_text(CONFIG.replace('terms = ["restart*"]', 'terms = ["re*start"]'), encoding="utf-8")
    result = run()
    assert result.exit_code == 2
    assert (
        "spectool.toml:22:1: 'coverage.matrices.demo.columns.reboot.terms': the term 're*start'"
        in result.output
    )
