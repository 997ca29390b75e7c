"""The pack swap: DIR is never missing, leftovers of killed runs are swept, one pack at a time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.errors import UsageError
from spectool.pack import staging
from spectool.pack.manifest import MANIFEST, render_manifest, why_not_a_pack
from spectool.pack.staging import check_destination, pack_lock, staged_directory, sweep_leftovers

ROOT = Path(__file__).resolve().parents[2]


def write_pack(folder: Path, text: str) -> None:
    (folder / "redlines").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text)
    (folder / "redlines" / "SMETS2.html").write_text(text * 3)
    (folder / MANIFEST).write_text(render_manifest(folder, "MP102A"))


def good_pack(tmp_path: Path, text: str = "old") -> Path:
    destination = tmp_path / "MP102A"
    destination.mkdir()
    write_pack(destination, text)
    return destination


def test_a_folder_holding_only_a_pack_log_is_not_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "pack.log").write_text("my own log\n")
    (mine / "notes.amend").write_text("my amendment\n")
    result = CliRunner().invoke(main, ["pack", str(ROOT / "amendments" / "MP102A.amend"), "-o", str(mine)])
    assert result.exit_code == 2
    assert f"{mine}: refusing to replace it: it has no {MANIFEST}" in result.stderr
    assert sorted(path.name for path in mine.iterdir()) == ["notes.amend", "pack.log"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine"]


def test_a_pack_is_proved_by_its_manifest_and_nothing_else(tmp_path: Path) -> None:
    pack = good_pack(tmp_path)
    assert why_not_a_pack(pack) is None
    assert check_destination(pack, []) == pack.resolve()
    (pack / "my notes.txt").write_text("keep")
    assert why_not_a_pack(pack) == "it holds my notes.txt, which spectool did not write"
    (pack / "my notes.txt").unlink()
    (pack / "index.html").write_text("edited by hand")
    assert why_not_a_pack(pack) == "index.html has changed since spectool wrote it"
    with pytest.raises(UsageError, match=r"refusing to replace it: index\.html has changed"):
        check_destination(pack, [])
    (pack / "index.html").unlink()
    assert why_not_a_pack(pack) == "index.html is missing from it"
    (pack / MANIFEST).write_text('{"files": {}}')
    assert why_not_a_pack(pack) == f"its {MANIFEST} is not a spectool pack manifest"


def test_the_swap_is_one_exchange_and_a_kill_after_it_leaves_the_new_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = good_pack(tmp_path)

    def killed(path: Path, ignore_errors: bool = False) -> None:
        assert (destination / "index.html").read_text() == "new"  # swapped in before the old one goes
        raise KeyboardInterrupt  # the process dies before it removes the old pack

    monkeypatch.setattr("spectool.pack.staging.shutil.rmtree", killed)
    with pytest.raises(KeyboardInterrupt), staged_directory(destination) as folder:
        write_pack(folder, "new")
    monkeypatch.undo()
    (leftover,) = [path for path in tmp_path.iterdir() if path.name != "MP102A"]
    assert leftover.name.startswith(".MP102A.spectool-pack-")
    assert (leftover / "index.html").read_text() == "old"
    assert sweep_leftovers(destination) == [leftover]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["MP102A"]
    assert why_not_a_pack(destination) is None


def test_without_an_exchange_a_kill_between_the_renames_is_repaired_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = good_pack(tmp_path)
    renames: list[str] = []
    replace = os.replace

    def rename_then_die(source: Path, target: Path) -> None:
        renames.append(Path(target).name)
        if len(renames) == 2:
            raise KeyboardInterrupt  # killed after the old pack went aside, before the new one came
        replace(source, target)

    monkeypatch.setattr(staging, "exchange_paths", lambda first, second: False)
    monkeypatch.setattr("spectool.pack.staging.os.replace", rename_then_die)
    with pytest.raises(KeyboardInterrupt), staged_directory(destination) as folder:
        write_pack(folder, "new")
    monkeypatch.undo()
    assert not destination.exists()
    sweep_leftovers(destination)  # what the next pack does first, under the lock
    assert (destination / "index.html").read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["MP102A"]


KILLED_LOOP = """
import sys
from pathlib import Path
from spectool.pack.staging import pack_lock, staged_directory
from tests.pack.test_swap import write_pack

destination = Path(sys.argv[1])
round = 0
while True:
    round += 1
    with pack_lock(destination), staged_directory(destination) as folder:
        write_pack(folder, f"round {round} " * 200)
        print(round, flush=True)
"""


def test_packs_killed_at_random_moments_never_leave_the_folder_missing_or_partial(tmp_path: Path) -> None:
    destination = tmp_path / "MP102A"
    chooser = random.Random(16)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    kills = 0
    for _ in range(12):
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_LOOP, str(destination)],
            stdout=subprocess.PIPE,
            env=environment,
            cwd=ROOT,
        )
        assert process.stdout is not None
        process.stdout.readline()  # one pack is in place at least once
        time.sleep(chooser.uniform(0.0, 0.05))
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        assert destination.is_dir()
        assert why_not_a_pack(destination) is None
        with pack_lock(destination):
            sweep_leftovers(destination)
        assert sorted(path.name for path in tmp_path.iterdir()) == ["MP102A"]
    assert kills == 12


def test_a_second_pack_into_the_same_folder_waits_then_gives_up(tmp_path: Path) -> None:
    destination = tmp_path / "MP102A"
    refused = pytest.raises(UsageError, match="another spectool pack is writing in")
    with pack_lock(destination), refused, pack_lock(destination, wait=0.2):
        pass
    with pack_lock(destination, wait=0.2):
        pass  # free again once the first has finished


def test_two_packs_racing_into_one_folder_take_turns(tmp_path: Path) -> None:
    destination = tmp_path / "MP102A"
    errors: list[BaseException] = []

    def one_pack(text: str) -> None:
        try:
            for _ in range(5):
                with pack_lock(destination, wait=30), staged_directory(destination) as folder:
                    write_pack(folder, text)
        except BaseException as error:
            errors.append(error)

    racers = [threading.Thread(target=one_pack, args=(text,)) for text in ("first", "second")]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert errors == []
    assert why_not_a_pack(destination) is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["MP102A"]
