"""Inputs are read from regular files only, up to a cap; anything else is refused with the reason."""

from __future__ import annotations

import os
import threading
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.errors import UsageError
from spectool.inputs import read_input_bytes

SAMPLE = Path(__file__).parent / "fixtures" / "sample.spec"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    assert read_input_bytes(SAMPLE) == SAMPLE.read_bytes()
    exact = tmp_path / "exact.spec"
    exact.write_bytes(b"x" * 100)
    assert read_input_bytes(exact, limit=100) == b"x" * 100


def test_a_file_over_the_cap_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.spec"
    big.write_bytes(b"x" * 101)
    with pytest.raises(UsageError, match=r"big.spec: is 101 bytes, over the 100 bytes limit"):
        read_input_bytes(big, limit=100)


@pytest.mark.parametrize("command", [("parse",), ("check",), ("apply", "--verify")])
def test_a_device_is_refused_not_read_for_ever(command: tuple[str, ...]) -> None:
    code, stderr = run(*command, os.devnull if command[0] == "apply" else "/dev/zero")
    assert code == 2
    assert "is a character device, not a regular file: spectool reads its inputs only from regular files" in (
        stderr
    )


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "spec.spec"
    os.mkfifo(pipe)
    outcome: list[tuple[int, str]] = []
    # Were the pipe opened for a blocking read, this thread would wait for a writer for ever.
    worker = threading.Thread(target=lambda: outcome.append(run("parse", str(pipe))), daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():
        with open(pipe, "wb"):  # release the reader, then fail
            pass
        pytest.fail("parse of a named pipe blocked")
    ((code, stderr),) = outcome
    assert code == 2
    assert f"{pipe}: is a named pipe, not a regular file" in stderr


def test_a_spec_over_the_cap_is_refused_by_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("spectool.inputs.MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(read_input_bytes, "__kwdefaults__", {"limit": 1000})
    big = tmp_path / "big.spec"
    big.write_bytes(SAMPLE.read_bytes() * 3)
    code, stderr = run("parse", str(big))
    assert code == 2
    assert "over the 1000 bytes limit for an input file: refusing to read it" in stderr


def test_a_folder_without_specs_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a spec\n")
    code, stderr = run("parse", str(tmp_path))
    assert code == 2
    assert f"spectool: {tmp_path}: no .spec files in this folder or below it" in stderr


def test_a_small_file_is_read_into_a_buffer_of_its_size_not_of_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "small.spec"
    path.write_bytes(b"x" * 10_000)
    tracemalloc.start()
    data = read_input_bytes(path, limit=50 * 1024 * 1024)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert data == b"x" * 10_000
    assert peak < 1024 * 1024  # not the 50 MB the cap would allow
