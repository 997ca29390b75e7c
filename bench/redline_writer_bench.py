"""Benchmark: writing the template DOCX redline, this tree side by side with an earlier commit, on the
same synthetic redline (bench/redline_bench.py's corpus), and the peak memory of a whole redline.

Each side runs in its own process (the earlier one from `git archive REV`), alternately, so that both
see the same load: CPU seconds of writing the .docx (best of `--repeat`), the SHA-256 of the bytes
written (the same when the output is byte-identical), and the process's peak memory.

    .venv/bin/python bench/redline_writer_bench.py [--against REV] [--clauses 20000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import trees  # noqa: E402


def measure(clauses: int, repeat: int) -> dict[str, object]:
    """Run inside one tree: build, diff and write the redline; CPU seconds and the bytes' digest."""
    from bench.redline_bench import AUTHOR, DATE, build, drafts, edited
    from spectool.diff.document import diff_specs
    from spectool.redline.docx import redline_docx_bytes

    rng = random.Random(2024)
    base = drafts(rng, clauses)
    old, new = build(base, "1.0"), build(edited(rng, base, 0.05), "2.0")
    started = time.process_time()
    redline = diff_specs(old, new)
    diffed = time.process_time() - started
    writes, data = [], b""
    for _ in range(repeat):
        started = time.process_time()
        data = redline_docx_bytes(redline, author=AUTHOR, date=DATE)
        writes.append(time.process_time() - started)
    return {
        "diff": diffed,
        "write": min(writes),
        "sha256": hashlib.sha256(data).hexdigest()[:16],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_in(tree: Path, clauses: int, repeat: int) -> dict[str, object]:
    result: dict[str, object] = trees.run_in(tree, "redline_writer_bench", f"measure({clauses}, {repeat})")
    return result


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--against", default="bb60862", help="the earlier commit (default: before issue 15's writer)"
    )
    parser.add_argument("--clauses", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args(argv)
    print(f"corpus: {arguments.clauses} clauses, 5% reworded; writing best of {arguments.repeat} (CPU s)")
    with tempfile.TemporaryDirectory() as name:
        parts = ("spectool", "templates", "grammars", "bench")
        earlier = trees.earlier_tree(arguments.against, Path(name), parts, ("redline_writer_bench.py",))
        for number in range(arguments.rounds):
            for label, tree in ((arguments.against, earlier), ("this tree", ROOT)):
                r = run_in(tree, arguments.clauses, arguments.repeat)
                print(
                    f"  round {number + 1} {label:<10} write {r['write']:6.2f} s  diff {r['diff']:6.2f} s  "
                    f"peak {r['peak_mb']:6.0f} MB  sha256 {r['sha256']}"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
