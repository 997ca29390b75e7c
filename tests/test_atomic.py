"""Atomic writes leave the old file whole when writing fails, and refuse to write over an input."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.atomic import write_bytes_atomic, write_text_atomic
from spectool.errors import UsageError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_text_atomic(target, "one\n")
    write_text_atomic(target, "two\n")
    assert target.read_text() == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "spec.spec"
    source.write_text("keep me")
    with pytest.raises(UsageError, match="refusing to write over an input"):
        write_text_atomic(tmp_path / "." / "spec.spec", "lost", inputs=[source])
    assert source.read_text() == "keep me"


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):  # the write itself fails half-way
        write_bytes_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_new_files_get_ordinary_permissions_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    import os

    fresh = tmp_path / "fresh.txt"
    write_text_atomic(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o640)
    write_text_atomic(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_an_unwritable_place_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match=r"cannot write"):
        write_text_atomic(blocker / "out.txt", "y")


def test_temporaries_of_killed_writes_are_swept_by_the_next_write(tmp_path: Path) -> None:
    import os
    import time

    target = tmp_path / "out.spec"
    stale = tmp_path / ".out.spec.k1ll3d_x.tmp"
    fresh = tmp_path / ".out.spec.runn1ng_.tmp"
    someone_elses = tmp_path / ".other.spec.k1ll3d_x.tmp"
    for path in (stale, fresh, someone_elses):
        path.write_text("half")
    an_hour_ago = time.time() - 3600
    for path in (stale, someone_elses):
        os.utime(path, (an_hour_ago, an_hour_ago))
    write_text_atomic(target, "whole\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [".out.spec.runn1ng_.tmp", ".other.spec.k1ll3d_x.tmp", "out.spec"]
    )


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    events: list[str] = []
    replace, fsync = os.replace, os.fsync

    def recording_replace(source: str, target: Path) -> None:
        events.append("rename")
        replace(source, target)

    def recording_fsync(descriptor: int) -> None:
        events.append("folder sync" if os.path.isdir(f"/proc/self/fd/{descriptor}") else "file sync")
        fsync(descriptor)

    monkeypatch.setattr("spectool.atomic.os.replace", recording_replace)
    monkeypatch.setattr("spectool.atomic.os.fsync", recording_fsync)
    write_text_atomic(tmp_path / "out.txt", "x")
    assert events == ["file sync", "rename", "folder sync"]
