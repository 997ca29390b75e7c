"""A pack is built beside its destination and swapped in whole; a failure leaves the old one."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.pack.staging import staged_directory


def test_new_folder_moves_into_place(tmp_path: Path) -> None:
    destination = tmp_path / "out" / "MP102A"
    with staged_directory(destination) as staging:
        assert staging.parent == destination.parent.resolve()
        (staging / "index.html").write_text("new")
    assert (destination / "index.html").read_text() == "new"
    assert sorted(p.name for p in destination.parent.iterdir()) == ["MP102A"]


def test_replaces_an_old_pack(tmp_path: Path) -> None:
    destination = tmp_path / "MP102A"
    destination.mkdir()
    (destination / "stale.txt").write_text("old")
    with staged_directory(destination) as staging:
        (staging / "index.html").write_text("new")
    assert sorted(p.name for p in destination.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MP102A"]


def test_failure_keeps_the_old_pack(tmp_path: Path) -> None:
    destination = tmp_path / "MP102A"
    destination.mkdir()
    (destination / "index.html").write_text("good")
    with pytest.raises(RuntimeError), staged_directory(destination) as staging:
        (staging / "index.html").write_text("half")
        raise RuntimeError("step crashed")
    assert (destination / "index.html").read_text() == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MP102A"]
