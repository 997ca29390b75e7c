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


def test_incomplete_goes_aside_and_keeps_the_old_pack(tmp_path: Path) -> None:
    from spectool.pack.staging import Incomplete

    destination = tmp_path / "MP102A"
    destination.mkdir()
    (destination / "index.html").write_text("good")
    with (
        pytest.raises(Incomplete),
        staged_directory(destination, failed=tmp_path / "MP102A.failed") as staging,
    ):
        (staging / "index.html").write_text("half")
        raise Incomplete
    assert (destination / "index.html").read_text() == "good"
    assert (tmp_path / "MP102A.failed" / "index.html").read_text() == "half"


def test_staged_folder_is_readable_by_others(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        with staged_directory(tmp_path / "out") as staging:
            assert staging.stat().st_mode & 0o777 == 0o755
    finally:
        os.umask(mask)


@pytest.mark.parametrize("where", [".", "..", "specs", "holder"])
def test_destinations_that_would_lose_inputs_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    from spectool.errors import UsageError
    from spectool.pack.staging import check_destination

    work = tmp_path / "repo"
    (work / "specs").mkdir(parents=True)
    (work / "holder").mkdir()
    (work / "holder" / "notes.txt").write_text("mine")
    spec = work / "specs" / "a.spec"
    spec.write_text("x")
    monkeypatch.chdir(work)
    with pytest.raises(UsageError, match="refusing"):
        check_destination(Path(where), [spec])


def test_a_previous_pack_or_an_empty_folder_may_be_replaced(tmp_path: Path) -> None:
    from spectool.pack.manifest import MANIFEST, render_manifest
    from spectool.pack.staging import check_destination

    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "pack.log").write_text("")
    (tmp_path / "old" / MANIFEST).write_text(render_manifest(tmp_path / "old", "MP102A"))
    (tmp_path / "empty").mkdir()
    assert check_destination(tmp_path / "old", []) == (tmp_path / "old").resolve()
    assert check_destination(tmp_path / "empty", []) == (tmp_path / "empty").resolve()
