"""Time the coverage matrix on the synthetic ~20,000-clause corpus of the check benchmark.

Run: .venv/bin/python bench/coverage_bench.py [CLAUSES] [--against REV] [--rounds 2]
Prints the corpus size, the CPU seconds to fill the project's default matrix for every spec version
(best of three), as the COV rules do and as a report does (both with the cyclic collector paused, as
`check` and `coverage` run them), how many cells came out in each state, and the SHA-256 of the whole
result (every cell, its evidence and the cited clauses' texts, as `repr`). With `--against REV`, the
same runs in turns in this tree and in REV's (`git archive`), each in its own process, so both see the
same load and the digests show whether the results are the same.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import trees  # noqa: E402


def measure(clauses: int, repeat: int = 3) -> dict[str, object]:
    """Run inside one tree: the corpus, the CPU seconds of both paths, the cells' states, the digest."""
    import spectool
    from bench.check_corpus import synthetic_corpus
    from spectool.collector import collector_paused
    from spectool.config import load_config
    from spectool.coverage.assess import Assessor, SpecCoverage, assess, assess_all
    from spectool.coverage.limits import limits_of
    from spectool.coverage.load import load_coverage
    from spectool.model.corpus import Corpus
    from spectool.parsing import parse_spec

    sources = synthetic_corpus(clauses)
    corpus = Corpus(tuple(parse_spec(text, name) for name, text in sources.items()))
    config = load_config(ROOT / "spectool.toml")
    matrix = load_coverage(config).matrix()
    rules, reports = [], []
    coverages: tuple[SpecCoverage, ...] = ()
    reported: tuple[SpecCoverage, ...] = ()
    for _ in range(repeat):
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
            reported = assess_all(corpus, matrix, assessor=assessor)
            reports.append(time.process_time() - start)
    states = Counter(cell.status.value for coverage in coverages for cell in coverage.cells)
    return {
        "specs": len(corpus),
        "clauses": sum(1 for spec in corpus for _ in spec.clauses()),
        "megabytes": sum(len(text.encode("utf-8")) for text in sources.values()) / 1e6,
        "matrix": matrix.name,
        "rules": min(rules),
        "report": min(reports),
        "states": dict(sorted(states.items())),
        "unread": sum(len(coverage.unread) for coverage in coverages),
        "tree": str(Path(spectool.__file__).parent.parent),
        "sha256": hashlib.sha256(repr((coverages, reported)).encode()).hexdigest()[:16],
    }


# What an earlier tree needs to run this bench (with this bench over its own).
PARTS = ("spectool", "grammars", "templates", "bench", "config", "specs", "amendments", "spectool.toml")


def run_in(tree: Path, clauses: int) -> dict[str, object]:
    result: dict[str, object] = trees.run_in(tree, "coverage_bench", f"measure({clauses})")
    return result


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clauses", nargs="?", type=int, default=20_000)
    parser.add_argument("--against", help="an earlier commit to run in turns with this tree")
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args(argv)
    if arguments.against is None:
        result = measure(arguments.clauses)
        print(
            f"corpus: {result['specs']} specs, {result['clauses']} clauses, {result['megabytes']:.2f} MB\n"
            f"coverage ({result['matrix']}) as the rules fill it: {result['rules']:.3f} s CPU best of 3\n"
            f"coverage ({result['matrix']}) with the cited clauses' texts, as a report: "
            f"{result['report']:.3f} s CPU best of 3\n"
            f"cells: {result['states']}; unreadable requirement sentences: {result['unread']}\n"
            f"result sha256: {result['sha256']}"
        )
        return
    print(f"corpus: {arguments.clauses} clauses; CPU s best of 3, each side in its own process, in turns")
    with tempfile.TemporaryDirectory() as name:
        earlier = trees.earlier_tree(arguments.against, Path(name), PARTS, ("coverage_bench.py",))
        for number in range(arguments.rounds):
            for label, tree in ((arguments.against, earlier), ("this tree", ROOT)):
                r = run_in(tree, arguments.clauses)
                print(
                    f"  round {number + 1} {label:<10} rules {r['rules']:6.3f} s  report {r['report']:6.3f} s"
                    f"  cells {r['states']}  sha256 {r['sha256']}  ({r['tree']})"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
