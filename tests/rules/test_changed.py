"""--changed-since: clauses and definitions new or reworded since a git revision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from spectool.errors import UsageError
from spectool.parsing import read_spec
from spectool.rules.changed import changed_owners

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BEFORE = """\
---
spec: SMETS2
version: 4.2
title: T
---
# 2 Glossary
"Supply Outage" means the absence of voltage.
# 5 ESME
5.1 ESME shall log each Supply Outage.
5.2 ESME shall keep time.
Note: to the second.
"""


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "s.spec").write_text(BEFORE, encoding="utf-8")
    git(tmp_path, "add", "s.spec")
    git(tmp_path, "commit", "-q", "-m", "baseline")
    return tmp_path


def test_reworded_and_new_clauses_and_definitions(repository: Path) -> None:
    after = BEFORE.replace("absence of voltage", "absence of voltage on every phase")
    after = after.replace("Note: to the second.", "Note: to the minute.") + "5.3 ESME shall keep data.\n"
    (repository / "s.spec").write_text(after, encoding="utf-8")
    spec = read_spec(repository / "s.spec")
    path = spec.path
    assert changed_owners([spec], "HEAD") == {
        (path, "Supply Outage"),
        (path, "5.2"),
        (path, "5.3"),
        (path, "5"),
    }


def test_nothing_changed_and_new_files(repository: Path) -> None:
    assert changed_owners([read_spec(repository / "s.spec")], "HEAD") == set()
    (repository / "new.spec").write_text(BEFORE, encoding="utf-8")
    new = read_spec(repository / "new.spec")
    assert (new.path, "5.1") in changed_owners([new], "HEAD")


def test_errors_outside_a_repository_and_for_an_unknown_revision(
    repository: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with pytest.raises(UsageError, match="'nope' is not a revision"):
        changed_owners([read_spec(repository / "s.spec")], "nope")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "s.spec").write_text(BEFORE, encoding="utf-8")
    with pytest.raises(UsageError, match="needs a git repository"):
        changed_owners([read_spec(outside / "s.spec")], "HEAD")
