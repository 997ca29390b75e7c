"""CPU of the MP102A pack with every step on one workspace, against a fresh workspace per step (what
running each step as its own command costs: the corpus parsed, the amendment read and applied, the
rule tables compiled again each time). Both build the same bytes.

Run: .venv/bin/python bench/pack_bench.py [RUNS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spectool.api import Workspace
from spectool.pack import build
from spectool.pack.plan import PackOptions
from spectool.pack.steps import Outcome, Step, run_step

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = PackOptions(Path("amendments/MP102A.amend"), "SECAS", "2026-11-25T09:00:00Z")


def fresh_per_step(step: Step, folder: Path, workspace: Workspace) -> Outcome:
    return run_step(step, folder, Workspace(workspace.config))


def one_pack(out: Path, runner: Callable[[Step, Path, Workspace], Outcome]) -> tuple[float, bytes]:
    with mock.patch.object(build, "run_step", runner):
        start = time.process_time()
        Workspace.open(ROOT / "spectool.toml").pack(OPTIONS, out)
        seconds = time.process_time() - start
    return seconds, (out / "redlines" / "SMETS2-4.2.docx").read_bytes() + (out / "index.html").read_bytes()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.chdir(ROOT)
    shared: list[float] = []
    fresh: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            seconds, made = one_pack(Path(folder) / f"shared{run}", run_step)
            shared.append(seconds)
            seconds, again = one_pack(Path(folder) / f"fresh{run}", fresh_per_step)
            fresh.append(seconds)
            assert made == again, "the two ways built different packs"
    best_shared, best_fresh = min(shared), min(fresh)
    print(f"MP102A pack, 15 steps, {runs} runs each, CPU seconds (best)")
    print(f"  one workspace for every step:  {best_shared:.2f} s")
    print(f"  a fresh workspace per step:    {best_fresh:.2f} s")
    print(f"  ratio: {best_fresh / best_shared:.2f}x")


if __name__ == "__main__":
    main()
