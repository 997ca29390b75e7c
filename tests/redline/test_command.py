"""`spectool redline` and `spectool export` from the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.diff.model import Side
from tests.redline.helpers import ROOT, SAMPLE, body_lines

SPECS = ROOT / "specs"
AMENDMENT = ROOT / "amendments" / "MP102A.amend"
CONFIG = ROOT / "spectool.toml"


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def test_redline_of_two_versions_writes_a_docx_and_prints_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "smets2.docx"
    code, stdout, _ = run(
        "redline",
        str(SPECS / "smets2-v4.2.spec"),
        str(SPECS / "smets2-v5.0.spec"),
        "-o",
        str(out),
        "--date",
        "2024-05-01",
        "--author",
        "A. Drafter",
        "--summary",
    )
    assert code == 0
    assert "renumbered  Clause" in stdout
    assert stdout.splitlines()[-1].startswith(f"{out}: SMETS2@4.2 -> SMETS2@5.0: ")
    assert docx.Document(str(out)).core_properties.author == "A. Drafter"
    assert 'w:date="2024-05-01T00:00:00Z"' in _document_xml(out)


def test_redline_of_an_amendment_applied_to_a_target(tmp_path: Path) -> None:
    out = tmp_path / "mp102a.docx"
    code, stdout, _ = run(
        "redline",
        str(AMENDMENT),
        "--target",
        "CHTS@1.5",
        "-o",
        str(out),
        "--context",
        "1",
        "--config",
        str(CONFIG),
    )
    assert code == 0, stdout
    lines = body_lines(out, Side.NEW)
    assert "..." in lines
    assert any(line.startswith("4.4.3 Communications Hub shall ride through") for line in lines)
    assert "MP102A" in _document_xml(out)


def test_markdown_and_html_go_to_stdout_or_a_file(tmp_path: Path) -> None:
    edited = tmp_path / "new.spec"
    edited.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("shall not raise", "shall never raise"), encoding="utf-8"
    )
    code, stdout, _ = run("redline", str(SAMPLE), str(edited), "--format", "markdown", "--context", "0")
    assert code == 0
    assert "<del>not</del><ins>never</ins>" in stdout
    code, _, _ = run("redline", str(SAMPLE), str(edited), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_markdown_shows_context_by_default_and_html_the_reasons(tmp_path: Path) -> None:
    common = ("redline", str(AMENDMENT), "--target", "SMETS2@4.2", "--config", str(CONFIG))
    code, stdout, _ = run(*common, "--format", "markdown")
    assert code == 0
    assert "\n...\n" in stdout  # unchanged clauses left out
    assert "> **Why:** MP102A instruction 4 (SMETS2 4.2): " in stdout
    code, whole, _ = run(*common, "--format", "markdown", "--context", "all")
    assert code == 0 and "\n...\n" not in whole and len(whole) > len(stdout)
    code, page, _ = run(*common, "--format", "html")
    assert code == 0 and '<aside class="why"><p>MP102A instruction 1 (SMETS2 4.2): ' in page


def test_an_amendment_dated_otherwise_needs_a_date(tmp_path: Path) -> None:
    amendment = tmp_path / "undated.amend"
    amendment.write_text(
        AMENDMENT.read_text(encoding="utf-8").replace("Date: 2021-03-01", "Date: March 2021"),
        encoding="utf-8",
    )
    arguments = ("redline", str(amendment), "--target", "CHTS@1.5", "--config", str(CONFIG))
    code, _, stderr = run(*arguments, "-o", str(tmp_path / "r.docx"))
    assert code == 2 and "the change request's Date 'March 2021' is not YYYY-MM-DD" in stderr
    assert not (tmp_path / "r.docx").exists()
    code, _, _ = run(*arguments, "-o", str(tmp_path / "r.docx"), "--date", "2021-03-05")
    assert code == 0 and 'w:date="2021-03-05T00:00:00Z"' in _document_xml(tmp_path / "r.docx")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--date", "1 May 2024"), "expected YYYY-MM-DDTHH:MM:SSZ"),
        (("--context", "some"), "expected a whole number or 'all'"),
        (("--author", "  "), "must not be empty"),
        (("--target", "SMETS2@4.2"), "--target goes with an amendment"),
    ],
)
def test_usage_errors_exit_2_with_a_message(tmp_path: Path, arguments: tuple[str, ...], message: str) -> None:
    code, _, stderr = run("redline", str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "r.docx"), *arguments)
    assert code == 2
    assert message in stderr


def test_a_docx_needs_an_output_and_never_replaces_an_input(tmp_path: Path) -> None:
    code, _, stderr = run("redline", str(SAMPLE), str(SAMPLE))
    assert (code, "-o FILE" in stderr) == (2, True)
    copy = tmp_path / "old.spec"
    copy.write_bytes(SAMPLE.read_bytes())
    code, _, stderr = run("redline", str(copy), str(SAMPLE), "-o", str(copy))
    assert code == 2 and "input" in stderr
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_export_of_a_source_file_and_of_a_corpus_key(tmp_path: Path) -> None:
    code, stdout, _ = run("export", str(SAMPLE), "-o", str(tmp_path / "sample.docx"))
    assert code == 0 and "SMETS2@4.2, 2 clauses" in stdout
    code, stdout, _ = run("export", "CHTS@1.5", "-o", str(tmp_path / "chts.docx"), "--config", str(CONFIG))
    assert code == 0, stdout
    assert docx.Document(str(tmp_path / "chts.docx")).paragraphs[0].text.startswith("Communications Hub")


def _document_xml(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_two_versions_are_dated_by_source_date_epoch_when_no_date_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = ("redline", str(SPECS / "smets2-v4.2.spec"), str(SPECS / "smets2-v5.0.spec"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714555800")  # 2024-05-01 09:30:00 UTC
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    assert run(*arguments, "-o", str(first))[0] == 0
    assert 'w:date="2024-05-01T09:30:00Z"' in _document_xml(first)
    assert run(*arguments, "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    # --date still wins over the environment.
    assert run(*arguments, "-o", str(second), "--date", "2023-01-02", "--force")[0] == 0
    assert 'w:date="2023-01-02T00:00:00Z"' in _document_xml(second)


def test_a_source_date_epoch_that_is_not_seconds_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    out = tmp_path / "r.docx"
    code, _, stderr = run("redline", str(SAMPLE), str(SAMPLE), "-o", str(out))
    assert code == 2
    assert "SOURCE_DATE_EPOCH 'yesterday': expected whole seconds since 1970-01-01 UTC" in stderr
    assert not out.exists()
