"""Time the coverage matrix on the synthetic ~20,000-clause corpus of the check benchmark.

Run: .venv/bin/python bench/coverage_bench.py [CLAUSES]
Prints the corpus size, the CPU seconds to fill the project's default matrix for every spec version
(best of three), as the COV rules do and as a report does (both with the cyclic collector paused, as
`check` and `coverage` run them), and how many cells came out in each state.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.check_corpus import synthetic_corpus
from spectool.collector import collector_paused
from spectool.config import load_config
from spectool.coverage.assess import Assessor, assess, assess_all
from spectool.coverage.limits import limits_of
from spectool.coverage.load import load_coverage
from spectool.model.corpus import Corpus
from spectool.parsing import parse_spec

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    sources = synthetic_corpus(clauses)
    corpus = Corpus(tuple(parse_spec(text, name) for name, text in sources.items()))
    count = sum(1 for spec in corpus for _ in spec.clauses())
    size = sum(len(text.encode("utf-8")) for text in sources.values())
    print(f"corpus: {len(corpus)} specs, {count} clauses, {size / 1e6:.2f} MB")
    config = load_config(ROOT / "spectool.toml")
    matrix = load_coverage(config).matrix()
    rules, reports = [], []
    for _ in range(3):
        # What the COV rules do: every cell, without the cited clauses' texts.
        with collector_paused():
            start = time.process_time()
            assessor = Assessor(matrix, limits_of(config, corpus, matrix), corpus)
            coverages = tuple(assess(spec, matrix, assessor=assessor, excerpts=False) for spec in corpus)
            rules.append(time.process_time() - start)
        # What a report does (`spectool coverage`, the collector paused too): the cited clauses' texts.
        with collector_paused():
            start = time.process_time()
            assessor = Assessor(matrix, limits_of(config, corpus, matrix), corpus)
            assess_all(corpus, matrix, assessor=assessor)
            reports.append(time.process_time() - start)
    states = Counter(cell.status.value for coverage in coverages for cell in coverage.cells)
    unread = sum(len(coverage.unread) for coverage in coverages)
    print(f"coverage ({matrix.name}) as the rules fill it: {min(rules):.3f} s CPU best of 3")
    report = f"{min(reports):.3f} s CPU best of 3"
    print(f"coverage ({matrix.name}) with the cited clauses' texts, as a report: {report}")
    print(f"cells: {dict(sorted(states.items()))}; unreadable requirement sentences: {unread}")


if __name__ == "__main__":
    main()
