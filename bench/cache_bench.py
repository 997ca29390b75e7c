"""Whole `spectool check` processes on the ~20,000-clause corpus: cold, filling the cache, from the cache.

Run: .venv/bin/python bench/cache_bench.py [CLAUSES] [RUNS]
Writes the synthetic corpus with the project's configuration into a temporary folder and prints the CPU
seconds (user + system of the child, best of RUNS) of each process, side by side with a bare Python start.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.check_corpus import synthetic_corpus

ROOT = Path(__file__).resolve().parent.parent
SPECTOOL = [sys.executable, "-c", "import sys; from spectool.cli import main; sys.exit(main())"]


def cpu_seconds(arguments: list[str], folder: Path, *, allowed: tuple[int, ...] = (0,)) -> float:
    """CPU seconds of one process run in `folder`, which must end with an `allowed` status."""
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(arguments, cwd=folder, capture_output=True, text=True, check=False)
    end = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in allowed:
        raise SystemExit(f"{' '.join(arguments[3:])} failed ({done.returncode}): {done.stderr[-500:]}")
    return end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime


def project(folder: Path, clauses: int) -> int:
    """The corpus and the project's configuration in `folder`; the corpus size in bytes."""
    (folder / "specs").mkdir()
    size = 0
    for name, text in synthetic_corpus(clauses).items():
        (folder / "specs" / name).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    shutil.copytree(ROOT / "config", folder / "config")
    shutil.copy(ROOT / "spectool.toml", folder / "spectool.toml")
    return size


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        size = project(folder, clauses)
        print(f"corpus: {clauses} clauses, {size / 1e6:.2f} MB; CPU seconds, best of {runs}")
        check = [*SPECTOOL, "check", "--format", "json", "--fail-on", "never"]
        bare = min(cpu_seconds([sys.executable, "-c", "pass"], folder) for _ in range(runs))
        cold = min(cpu_seconds([*check, "--no-cache"], folder) for _ in range(runs))
        filling = []
        for _ in range(runs):
            shutil.rmtree(folder / ".spectool_cache", ignore_errors=True)
            filling.append(cpu_seconds([*check, "--cache"], folder))
        cached = min(cpu_seconds([*check, "--cache"], folder) for _ in range(runs))
        print(f"bare python                      {bare:6.3f} s")
        print(f"check, no cache                  {cold:6.3f} s")
        print(f"check, filling the cache         {min(filling):6.3f} s")
        print(
            f"check, unchanged corpus, cached  {cached:6.3f} s  ({cold / cached:.1f}x faster than no cache)"
        )


if __name__ == "__main__":
    main()
