"""`spectool check` on the bundled specs and in CI formats; `spectool rules`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.resources import resource_dir

ROOT = Path(__file__).resolve().parents[2]

# specs/README.md, "Where each planted phrase stands". The one undefined capitalised term, "Comms Hub",
# is a deprecated short form, reported once as TERM001 (one place, one finding).
# COV001 (coverage gaps, another family) is left out: these tests are about wording and structure.
MINE = ("--ignore", "COV")
PLANTED = {
    ("TERM002", "specs/smets2-v4.2.spec", 221, 55),
    ("TERM003", "specs/smets2-v4.2.spec", 233, 83),
    ("TERM001", "specs/smets2-v4.2.spec", 243, 39),
    ("TERM001", "specs/smets2-v4.2.spec", 245, 49),
    ("TERM002", "specs/smets2-v5.0.spec", 231, 55),
    ("TERM001", "specs/smets2-v5.0.spec", 264, 49),
}


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def findings_of(out: str) -> set[tuple[str, str, int, int]]:
    return {(f["code"], f["path"], f["line"], f["column"]) for f in json.loads(out)["findings"]}


def test_bundled_specs_report_exactly_the_planted_defects(at_root: Path) -> None:
    code, out, _ = run("check", *MINE, "--format", "json")
    assert code == 1
    assert findings_of(out) == PLANTED


def test_text_output_names_file_line_and_column(at_root: Path) -> None:
    code, out, _ = run("check", *MINE)
    assert code == 1
    assert 'specs/smets2-v4.2.spec:245:49: TERM001 error "mains power failure" is deprecated' in out
    assert "\x1b[" not in out
    assert out.rstrip().endswith("Found 5 errors, 1 warning in 2 files.")


def test_fail_on_and_select_choose_the_exit_status(at_root: Path) -> None:
    assert run("check", "--fail-on", "never")[0] == 0
    code, out, _ = run("check", "--select", "STRUCT,XREF", "--ignore", "XREF002")
    assert (code, out) == (0, "No findings in 3 files.\n")
    assert run("check", "--select", "TERM003")[0] == 0
    assert run("check", "--select", "TERM003", "--fail-on", "warning")[0] == 1
    code, _, err = run("check", "--select", "NOPE")
    assert code == 2 and "no rule code or prefix 'NOPE'" in err


def test_sarif_output_file_validates(at_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "check.sarif"
    code, out, _ = run("check", *MINE, "--format", "sarif", "--output", str(target))
    assert (code, out) == (1, "")
    document = json.loads(target.read_text(encoding="utf-8"))
    schema = json.loads((resource_dir("schemas") / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {"specs/smets2-v4.2.spec", "specs/smets2-v5.0.spec"}
    assert not list(target.parent.glob(".*.tmp"))


def test_output_never_overwrites_an_input(at_root: Path) -> None:
    code, _, err = run("check", "--output", "specs/chts-v1.5.spec")
    assert code == 2 and "refusing to write over an input file" in err


def test_github_format_annotates_and_writes_the_step_summary(at_root: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    code, out, _ = run("check", *MINE, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    assert out.splitlines()[0].startswith("::error file=specs/smets2-v4.2.spec,line=221,col=55,endColumn=63,")
    assert len(out.splitlines()) == 6
    assert "5 errors, 1 warning in 2 files." in summary.read_text(encoding="utf-8")


def test_junit_format(at_root: Path) -> None:
    code, out, _ = run("check", "--format", "junit", "--select", "TERM")
    assert code == 1
    assert out.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="spectool" tests="9" failures="4">'
    )


BROKEN = "---\nspec: S\nversion: 1\ntitle: T\n---\n# 5 A\n5.1 X shall.\nloose line\n"


def test_parse_errors_reach_ci_formats_as_parse_findings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spec"
    bad.write_text(BROKEN, encoding="utf-8")
    config = tmp_path / "spectool.toml"
    config.write_text("", encoding="utf-8")
    code, out, _ = run("check", "--config", str(config), "--format", "json", str(bad))
    assert code == 2
    (parse,) = json.loads(out)["findings"]
    assert (parse["code"], parse["line"], parse["column"]) == ("PARSE", 8, 1)
    code, out, err = run("check", "--config", str(config), str(bad))
    assert (code, out) == (2, "")
    assert f"{bad}:8:1: this line is not a heading" in err


def test_a_bad_configuration_exits_2_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "spectool.toml"
    config.write_text('[terminology.ban.x]\nwords = ["odd"]\nreason = "r"\nfires = "even"\npasses = "x"\n')
    code, _, err = run("check", "--config", str(config), "--format", "sarif")
    assert code == 2
    assert f"{config}:4:1: this example should fire but does not: 'even'" in err


def copy_project(folder: Path) -> None:
    """The bundled specs and the configuration (with the files it names) in another folder."""
    shutil.copytree(ROOT / "specs", folder / "specs")
    shutil.copytree(ROOT / "config", folder / "config")
    shutil.copy(ROOT / "spectool.toml", folder / "spectool.toml")


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_reports_only_changed_clauses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "baseline")
    spec = tmp_path / "specs" / "chts-v1.5.spec"
    text = spec.read_text(encoding="utf-8")
    # A deprecated short form (TERM001) and an undefined term (DEF002), in one changed clause.
    spec.write_text(
        text.replace("4.3.5 Communications Hub shall resume", "4.3.5 Comms Hub shall resume Normal Service")
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", *MINE, "--format", "json", "--changed-since", "HEAD")
    assert code == 1, err
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("4.3.5 "))) + 1
    assert findings_of(out) == {
        ("TERM001", "specs/chts-v1.5.spec", line, 7),
        ("DEF002", "specs/chts-v1.5.spec", line, 30),
    }


def test_changed_since_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "--changed-since", "HEAD")
    assert code == 2 and "needs a git repository" in err


AMENDMENT = """\
Modification MP102A: Power Outage Alerts triggered by an OTA firmware upgrade
Change request
Author: Test
Date: 2021-01-01
Reason for change: test
Summary of change: test
Consequences if not approved: test
Specs affected: CHTS 1.5
Clauses affected: 4.5.6

Amendments to CHTS 1.5
1. After clause 4.5.5 insert:
    4.5.6 Communications Hub shall not raise a spurious Power Outage Alert during its own firmware upgrade.
"""


def test_an_amendment_is_checked_as_it_leaves_the_corpus(at_root: Path, tmp_path: Path) -> None:
    amendment = tmp_path / "mp102a.amend"
    amendment.write_text(AMENDMENT, encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--select", "TERM002", str(amendment))
    assert code == 1, err
    # What the amendment introduces is shown; the base's own finding is counted, not listed.
    assert findings_of(out) == {("TERM002", str(amendment), 13, 48)}
    # The base's own: "spurious" in SMETS2 4.2 and 5.0.
    assert json.loads(out)["summary"]["baseline"] == {"new": 1, "unchanged": 2, "absent": 0}
    code, out, err = run("check", "--format", "json", "--select", "TERM002", "--show", "all", str(amendment))
    states = {(f["path"], f["baseline_state"]) for f in json.loads(out)["findings"]}
    assert states == {
        (str(amendment), "new"),
        ("specs/smets2-v4.2.spec", "unchanged"),
        ("specs/smets2-v5.0.spec", "unchanged"),
    }


def test_an_amendment_that_introduces_nothing_passes_on_a_base_with_findings(
    at_root: Path, tmp_path: Path
) -> None:
    amendment = tmp_path / "clean.amend"
    amendment.write_text(AMENDMENT.replace(" a spurious", " a"), encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--select", "TERM002", str(amendment))
    assert code == 0, out + err
    assert json.loads(out)["summary"]["baseline"] == {"new": 0, "unchanged": 2, "absent": 0}


def test_rules_lists_and_explains(at_root: Path) -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "TERM001    DeprecatedTerm" in out and "PARAM001" in out
    code, out, _ = run("rules", "--explain", "term002")
    assert code == 0 and out.startswith("# TERM002 BannedWord\n")
    assert "## What it does" in out and "## Example" in out
    code, _, err = run("rules", "--explain", "NOPE9")
    assert code == 2 and "no rule NOPE9" in err
