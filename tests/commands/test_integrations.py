"""The files a spec repository copies: the GitHub workflow (against its schema) and the pre-commit hooks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands.test_check_command import AMENDMENT, ROOT, copy_project, git

BIN = Path(sys.executable).parent


def test_the_workflow_is_valid_and_gates_on_the_pull_requests_base() -> None:
    checker = BIN / "check-jsonschema"
    if not checker.exists():
        pytest.skip("check-jsonschema is not installed")
    workflow = ROOT / "docs" / "github-actions.yml"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text(encoding="utf-8")
    assert '--baseline "origin/${{ github.base_ref }}"' in text
    assert "--format sarif -o spectool.sarif --fail-on never" in text
    # Installed from the project's own repository at a tag, never by a bare registry name.
    assert "pip install spectool" not in text and "git+https://github.com/spectool/spectool@v" in text


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (BIN / "pre-commit").exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    return tmp_path_factory.mktemp("pre-commit-home")


def try_hook(repository: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(ROOT), hook, "--files", *files],
        cwd=repository,
        env={"PRE_COMMIT_HOME": str(home), "PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_amendment_hook_checks_staged_amendments(tmp_path: Path, pre_commit_home: Path) -> None:
    copy_project(tmp_path)
    (tmp_path / "clean.amend").write_text(AMENDMENT.replace(" a spurious", " a"), encoding="utf-8")
    (tmp_path / "slip.amend").write_text(AMENDMENT, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    # One run (pre-commit builds spectool's environment once, which takes most of the time).
    run = try_hook(tmp_path, pre_commit_home, "spectool-check-amendments", "clean.amend", "slip.amend")
    assert run.returncode == 1, run.stdout + run.stderr
    assert 'slip.amend:13:48: TERM002 error "spurious"' in run.stdout
    assert "clean.amend:" not in run.stdout  # the base's own "spurious" is not the amendment's
