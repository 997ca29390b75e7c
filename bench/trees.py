"""Another commit's tree beside this one, for benches that run both sides in turns in their own processes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def earlier_tree(revision: str, folder: Path, parts: tuple[str, ...], benches: tuple[str, ...] = ()) -> Path:
    """`revision`'s `parts` (`git archive`) in `folder`, with this tree's `benches` (files of bench/, and
    this module for them) over its own."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, *parts], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="tar")
    for bench in ("trees.py", *benches) if benches else ():
        (folder / "bench" / bench).write_bytes((ROOT / "bench" / bench).read_bytes())
    return folder


def run_in(tree: Path, module: str, call: str, environment: dict[str, str] | None = None) -> Any:
    """What `call` (a function of `bench.module` with its arguments) returns, in a fresh process on
    `tree`'s code."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(tree)!r}); import bench.{module} as measured; "
        f"print(json.dumps(measured.{call}))"
    )
    env = {**os.environ, **environment} if environment else None
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"{module} in {tree} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])
