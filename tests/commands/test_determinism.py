"""Every output is byte-identical across runs and hash seeds: CI diffs and code scanning rely on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("1", "4242")
CONSULTATION = "amendments/MP102A-consultation.amend"


def spectool(seed: str, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    environment.pop("GITHUB_STEP_SUMMARY", None)
    script = "import sys; from spectool.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github"])
def test_check_of_an_amendment_is_the_same_under_every_hash_seed(output_format: str) -> None:
    runs = [
        spectool(seed, "check", CONSULTATION, "--show", "all", "--format", output_format) for seed in SEEDS
    ]
    assert runs[0].returncode == 1, runs[0].stderr.decode()
    assert runs[0].stdout == runs[1].stdout


def test_coverage_page_is_the_same_under_every_hash_seed() -> None:
    runs = [spectool(seed, "coverage", "--format", "html") for seed in SEEDS]
    assert runs[0].returncode in (0, 1), runs[0].stderr.decode()
    assert runs[0].stdout == runs[1].stdout


def test_pack_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    packs = []
    for seed in SEEDS:
        out = tmp_path / f"pack-{seed}"
        run = spectool(seed, "pack", CONSULTATION, "-o", str(out))  # dated by its change request
        assert run.returncode in (0, 1), run.stderr.decode()
        packs.append({path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()})
    assert packs[0].keys() == packs[1].keys()
    differing = [str(name) for name in packs[0] if packs[0][name] != packs[1][name]]
    assert differing == []
