"""`spectool parse`: summaries, JSON output, and errors with exit status 2 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.model.serialize import spec_from_dict
from spectool.parsing import read_spec

FIXTURES = Path(__file__).parent.parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_summary_counts() -> None:
    code, out, _ = run("parse", str(FIXTURES))
    assert code == 0
    header, row, total = out.splitlines()
    assert header.split() == ["file", "spec", "version", "sections", "clauses", "definitions", "references"]
    assert row.split()[1:] == ["SMETS2", "4.2", "3", "2", "1", "2"]
    assert total == "1 spec parsed, no problems"


def test_json_dump_round_trips() -> None:
    code, out, _ = run("parse", "--format", "json", str(FIXTURES / "sample.spec"))
    assert code == 0
    (data,) = json.loads(out)
    assert data["schema"] == 1
    assert spec_from_dict(data) == read_spec(FIXTURES / "sample.spec")


def test_errors_exit_2_with_positions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spec"
    bad.write_text("---\nspec: S\nversion: 1\ntitle: T\n---\n# 5 A\n## 5.7 B\n5.8.1 X shall.\nloose\n")
    code, out, err = run("parse", str(bad))
    assert code == 2
    assert out == ""
    assert f"{bad}:8:1: clause 5.8.1 does not belong to section 5.7" in err
    assert f"{bad}:9:1: this line is not a heading" in err
    assert "2 problems found" in err
    assert "Traceback" not in err


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path / "nope.spec"))
    assert code == 2
    assert "no such file or folder" in err


def test_version_and_help() -> None:
    assert run("--version")[1].startswith("spectool, version ")
    code, out, _ = run("parse", "--help")
    assert code == 0 and "--format" in out
