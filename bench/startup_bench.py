"""CPU seconds of `spectool --help` and `spectool --version` over a bare Python start, side by side.

Run: .venv/bin/python bench/startup_bench.py [RUNS]
Each figure is the best of RUNS whole processes (user + system time of the child).
"""

from __future__ import annotations

import resource
import subprocess
import sys


def cpu_seconds(arguments: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(arguments, capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    spectool = [sys.executable, "-c", "import sys; from spectool.cli import main; sys.exit(main())"]
    bare = cpu_seconds([sys.executable, "-c", "pass"], runs)
    print(f"bare python            {bare:.3f} s CPU (best of {runs})")
    for label, extra in (("spectool --help", ["--help"]), ("spectool --version", ["--version"])):
        seconds = cpu_seconds([*spectool, *extra], runs)
        print(f"{label:<22} {seconds:.3f} s CPU, {seconds - bare:+.3f} s over bare python")


if __name__ == "__main__":
    main()
