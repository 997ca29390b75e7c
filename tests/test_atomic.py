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
