"""docs/check.md, the example workflow and the pre-commit hook say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from spectool.reporting import FORMATS
from spectool.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]
CHECK_DOC = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
MINE = ("TERM", "DEF", "XREF", "STRUCT", "PARAM", "SUPP", "COV", "XVER")


def test_every_check_rule_is_in_the_table_with_its_name_and_severity() -> None:
    for code, rule in all_rules().items():
        if code.startswith(MINE):
            row = f"| {code} | {rule.name} | {rule.severity.value} |"
            assert row in CHECK_DOC, f"docs/check.md lacks the row for {code}"


def test_every_format_and_option_is_documented() -> None:
    for name in FORMATS:
        assert f"`{name}`" in CHECK_DOC
    for option in (
        "--select",
        "--ignore",
        "--format",
        "--output",
        "--fail-on",
        "--changed-since",
        "--baseline",
        "--show",
        "--config",
    ):
        assert f"`{option}" in CHECK_DOC


def test_the_workflow_uploads_the_sarif_that_check_writes() -> None:
    workflow = (ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8")
    written = re.search(r"--format sarif -o (\S+)", workflow)
    uploaded = re.search(r"sarif_file: (\S+)", workflow)
    assert written and uploaded and written[1] == uploaded[1]
    assert "github/codeql-action/upload-sarif@" in workflow
    assert "security-events: write" in workflow


def test_the_pre_commit_hook_runs_check_on_the_whole_corpus() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: spectool-check" in hooks
    assert "entry: spectool check\n" in hooks
    assert "pass_filenames: false" in hooks
