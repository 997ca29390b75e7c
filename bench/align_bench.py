"""Clause alignment of two synthetic ~20,000-clause versions, 5% reworded or renumbered: time and accuracy.

Run: .venv/bin/python bench/align_bench.py [CLAUSES] [SHARE]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.versions import version_pair
from spectool.diff.align import align_specs


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
    start = time.perf_counter()
    pair = version_pair(clauses, share=share)
    built = time.perf_counter() - start
    old_count = sum(1 for _ in pair.old.clauses())
    new_count = sum(1 for _ in pair.new.clauses())
    print(f"corpus: {old_count} clauses -> {new_count} clauses (built in {built:.2f} s)")
    print(
        f"changes: {pair.reworded} reworded, {pair.renumbered} renumbered by {pair.inserted} insertions "
        f"and {pair.removed} removals"
    )
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        alignment = align_specs(pair.old, pair.new)
        timings.append(time.perf_counter() - start)
    found = {p.old.number: (p.new.number if p.new else None) for p in alignment.pairs if p.old is not None}
    wrong = sum(1 for old, new in pair.truth.items() if found.get(old) != new)
    kinds = Counter(p.kind.value for p in alignment.pairs)
    print(f"align_specs: best {min(timings):.3f} s, worst {max(timings):.3f} s of {len(timings)} runs")
    print(f"pairs: {', '.join(f'{count} {kind}' for kind, count in sorted(kinds.items()))}")
    print(f"accuracy: {len(pair.truth) - wrong} of {len(pair.truth)} old clauses paired as generated")


if __name__ == "__main__":
    main()
