"""Every command that writes a file refuses to write it over an input: the configuration, the files it
names, any spec of the corpus, and the command's own inputs (README: "nothing is written over an input")."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main

CONFIG = """\
[corpus]
specs = ["specs"]

[versions]
SMETS2 = ["4.2", "5.0"]
CHTS = ["1.5"]

[coverage]
file = "config/coverage.toml"
"""

MATRICES = """\
[matrices.demo]
title = "Demo matrix"
subject = ["power*"]

[matrices.demo.rows.esme]
label = "ESME"
spec = "SMETS2"
terms = ["ESME"]

[matrices.demo.columns.firmware]
label = "Firmware upgrade"
terms = ["firmware upgrade"]
"""

SPECS = {
    "smets2-v4.2.spec": ("SMETS2", "4.2", "5.1 ESME shall keep the hub powered while it restarts."),
    "smets2-v5.0.spec": ("SMETS2", "5.0", "5.1 ESME shall keep the hub powered during a firmware upgrade."),
    "chts-v1.5.spec": ("CHTS", "1.5", "5.1 The Communications Hub shall send the AD1 alert."),
}

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

REFUSED = "refusing to write over an input"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A spec repository whose corpus is a folder (so that its *.spec files must be found below it)."""
    (tmp_path / "spectool.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "coverage.toml").write_text(MATRICES, encoding="utf-8")
    (tmp_path / "specs").mkdir()
    for name, (spec, version, clause) in SPECS.items():
        header = f"---\nspec: {spec}\nversion: {version}\ntitle: T\n---\n"
        (tmp_path / "specs" / name).write_text(f"{header}# 5 Meters\n{clause}\n", encoding="utf-8")
    (tmp_path / "MP900.amend").write_text(AMENDMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_refused(repo: Path, target: str, *arguments: str) -> None:
    """`spectool ARGUMENTS` exits 2 with the refusal, and `target` keeps its bytes."""
    before = (repo / target).read_bytes()
    result = CliRunner().invoke(main, list(arguments))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert REFUSED in result.stderr, result.stderr
    assert (repo / target).read_bytes() == before


def test_check_output_over_the_configuration(repo: Path) -> None:
    assert_refused(repo, "spectool.toml", "check", "--output", "spectool.toml")


def test_check_output_over_a_spec_it_could_not_read(repo: Path) -> None:
    broken = repo / "drafts" / "broken.spec"
    broken.parent.mkdir()
    broken.write_text("---\nspec: SMETS2\n---\nnot a spec\n", encoding="utf-8")
    assert_refused(
        repo, "drafts/broken.spec", "check", "drafts", "--format", "json", "--output", "drafts/broken.spec"
    )


def test_coverage_output_over_the_matrix_file(repo: Path) -> None:
    assert_refused(repo, "config/coverage.toml", "coverage", "-o", "config/coverage.toml")


def test_export_output_over_another_corpus_spec(repo: Path) -> None:
    assert_refused(repo, "specs/chts-v1.5.spec", "export", "SMETS2@4.2", "-o", "specs/chts-v1.5.spec")


def test_export_of_a_file_output_over_the_configuration(repo: Path) -> None:
    assert_refused(repo, "spectool.toml", "export", "specs/smets2-v4.2.spec", "-o", "spectool.toml")


def test_redline_output_over_another_corpus_spec(repo: Path) -> None:
    old, new = "specs/smets2-v4.2.spec", "specs/smets2-v5.0.spec"
    assert_refused(repo, "specs/chts-v1.5.spec", "redline", old, new, "-o", "specs/chts-v1.5.spec")


def test_redline_of_an_amendment_output_over_the_matrix_file(repo: Path) -> None:
    assert_refused(
        repo,
        "config/coverage.toml",
        "redline",
        "MP900.amend",
        "--format",
        "markdown",
        "-o",
        "config/coverage.toml",
    )


def test_apply_output_into_the_corpus_folder(repo: Path) -> None:
    assert_refused(repo, "specs/smets2-v4.2.spec", "apply", "MP900.amend", "-o", "specs")


def test_import_output_over_a_corpus_spec(repo: Path) -> None:
    exported = CliRunner().invoke(main, ["export", "SMETS2@5.0", "-o", "out/smets2.docx"])
    assert exported.exit_code == 0, exported.stderr
    assert_refused(
        repo,
        "specs/smets2-v5.0.spec",
        "import",
        "out/smets2.docx",
        "-o",
        "specs/smets2-v5.0.spec",
        "--spec",
        "SMETS2",
        "--version",
        "5.0",
    )


def test_outputs_beside_the_inputs_are_written(repo: Path) -> None:
    """The near miss: the same commands with an output that is no input succeed."""
    runner = CliRunner()
    for arguments in (
        ["check", "--output", "out/findings.txt"],
        ["coverage", "-o", "out/coverage.txt"],
        ["export", "SMETS2@4.2", "-o", "out/smets2.docx"],
        ["redline", "specs/smets2-v4.2.spec", "specs/smets2-v5.0.spec", "-o", "out/redline.docx"],
    ):
        result = runner.invoke(main, arguments)
        assert result.exit_code in (0, 1), (arguments, result.stderr)
    assert sorted(path.name for path in (repo / "out").iterdir()) == [
        "coverage.txt",
        "findings.txt",
        "redline.docx",
        "smets2.docx",
    ]
