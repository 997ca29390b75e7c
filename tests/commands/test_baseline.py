"""`check --baseline`: in a git repository, a change fails only for the findings it brings in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.commands.test_check_command import ROOT, copy_project, git, run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "baseline")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_findings(*arguments: str) -> tuple[int, list[dict[str, object]], dict[str, int]]:
    code, out, err = run("check", "--format", "json", *arguments)
    assert code in (0, 1), err
    document = json.loads(out)
    return code, document["findings"], document["summary"]["baseline"]


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text().split("\n"), 1) if line.startswith(start))


def test_an_unchanged_corpus_with_old_findings_passes(repository: Path) -> None:
    code, findings, tally = new_findings("--baseline", "HEAD")
    assert code == 0 and findings == []
    assert tally["new"] == 0 and tally["unchanged"] > 0 and tally["absent"] == 0


def test_deleting_a_clause_that_another_cites_fails_at_the_citing_line(repository: Path) -> None:
    spec = repository / "specs" / "smets2-v4.2.spec"
    lines = spec.read_text(encoding="utf-8").split("\n")
    start = line_of(spec, "4.2.7 ")
    end = next(n for n in range(start, len(lines)) if not lines[n].startswith("  "))
    del lines[start - 1 : end]
    spec.write_text("\n".join(lines), encoding="utf-8")
    citing = line_of(spec, "  the button described in clause 4.2.7")
    code, findings, tally = new_findings("--baseline", "HEAD")
    assert code == 1
    # The dangling reference where it is written, and the gap the deletion left at the next clause.
    assert {(f["code"], f["path"], f["line"]) for f in findings} == {
        ("XREF001", "specs/smets2-v4.2.spec", citing),
        ("STRUCT001", "specs/smets2-v4.2.spec", line_of(spec, "4.2.8 ")),
    }
    assert tally["new"] == 2


def test_removing_the_requirements_that_close_coverage_gaps_fails(repository: Path) -> None:
    # The base holds the corrected MP102A; the working tree goes back to the text before it.
    code, out, err = run("apply", str(ROOT / "amendments" / "MP102A.amend"), "-o", "applied")
    assert code == 0, out + err
    originals = {path.name: path.read_text(encoding="utf-8") for path in (repository / "specs").iterdir()}
    for applied in (repository / "applied").iterdir():
        shutil.copy(applied, repository / "specs" / applied.name)
    shutil.rmtree(repository / "applied")
    git(repository, "commit", "-q", "-am", "MP102A")
    code, before, _ = new_findings("--baseline", "HEAD", "--select", "COV")
    assert code == 0 and before == []
    for name, text in originals.items():
        (repository / "specs" / name).write_text(text, encoding="utf-8")
    code, findings, tally = new_findings("--baseline", "HEAD", "--select", "COV")
    assert code == 1
    assert findings and {f["code"] for f in findings} == {"COV001"}
    assert tally["new"] == len(findings)


def test_changed_since_is_the_baseline_under_its_old_name(repository: Path) -> None:
    spec = repository / "specs" / "chts-v1.5.spec"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("4.3.5 Communications Hub shall resume", "4.3.5 Comms Hub shall resume Normal Service")
    )
    _, by_baseline, _ = new_findings("--baseline", "HEAD", "--ignore", "COV")
    _, by_changed, _ = new_findings("--changed-since", "HEAD", "--ignore", "COV")
    assert by_baseline == by_changed and {f["code"] for f in by_baseline} == {"TERM001", "DEF002"}


def test_a_saved_report_serves_as_the_baseline(repository: Path) -> None:
    code, out, _ = run("check", "--format", "sarif", "-o", "base.sarif", "--fail-on", "never")
    assert code == 0 and out == ""
    code, _, _ = run("check", "--format", "json", "-o", "base.json", "--fail-on", "never")
    spec = repository / "specs" / "chts-v1.5.spec"
    # Lines move above every finding, and nothing else changes.
    spec.write_text(spec.read_text(encoding="utf-8").replace("# 1 Introduction", "# 1 Introduction\n\n"))
    for saved in ("base.sarif", "base.json"):
        code, findings, tally = new_findings("--baseline", saved)
        assert code == 0 and findings == [], saved
        assert tally["absent"] == 0


def test_a_baseline_that_is_neither_file_nor_revision_is_a_usage_error(repository: Path) -> None:
    code, _, err = run("check", "--baseline", "no-such-thing")
    assert code == 2 and "neither a file nor a revision" in err


def test_a_coverage_gap_sits_where_the_matrix_names_the_device(repository: Path) -> None:
    code, out, err = run("check", "--select", "COV001", "--format", "sarif")
    assert code == 1, err
    results = json.loads(out)["runs"][0]["results"]
    coverage = (repository / "config" / "coverage.toml").read_text(encoding="utf-8").split("\n")
    for result in results:
        place = result["locations"][0]["physicalLocation"]
        assert place["artifactLocation"]["uri"] == "config/coverage.toml"
        row_header = coverage[place["region"]["startLine"] - 1]
        assert row_header.startswith("[matrices.ota-power.rows.")
        related = result["relatedLocations"]
        assert related[0]["physicalLocation"]["artifactLocation"]["uri"].startswith("specs/")
        column_header = coverage[related[1]["physicalLocation"]["region"]["startLine"] - 1]
        assert column_header.startswith("[matrices.ota-power.columns.")
    polyphase = [r for r in results if "ESME polyphase" in r["message"]["text"]]
    sections = {x["message"]["text"] for r in polyphase for x in r["relatedLocations"][2:]}
    assert any("Polyphase ESME" in text for text in sections)
