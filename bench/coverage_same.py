"""Whether this tree fills coverage matrices exactly as an earlier commit does, on random specs.

Run: .venv/bin/python bench/coverage_same.py --against REV [--seeds 1-12] [--clauses 30,80,400]
For each seed and size, the random specs of bench/coverage_corpus.py (and once the bundled specs, as
they are and as MP102A leaves them) are assessed in both trees, each in its own process: the rules'
path, a report's path and (on the smallest size) the explanation of every cell. Each line shows the
SHA-256 of the whole result (`repr`) in both trees and whether they are the same; the exit status is
1 when any differs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import trees  # noqa: E402


def digests(seeds: list[int], sizes: list[int]) -> dict[str, str]:
    """Inside one tree: (seed, size) -> the digest of every result, and the bundled specs' digest."""
    from bench.coverage_corpus import coverage_corpus
    from spectool.config import load_config
    from spectool.coverage.assess import Assessor, assess, assess_all, explain
    from spectool.coverage.limits import limits_of
    from spectool.coverage.load import load_coverage
    from spectool.coverage.request import amend_corpus
    from spectool.model.corpus import Corpus
    from spectool.parsing import parse_spec

    config = load_config(ROOT / "spectool.toml")
    matrix = load_coverage(config).matrix()

    def digest(corpus: Corpus, explained: bool) -> str:
        limits = limits_of(config, corpus, matrix)
        ruled = tuple(
            assess(spec, matrix, assessor=Assessor(matrix, limits, corpus), excerpts=False) for spec in corpus
        )
        reported = assess_all(corpus, matrix, assessor=Assessor(matrix, limits, corpus))
        explanations = [
            explain(spec, matrix, row, column, assessor=Assessor(matrix, limits, corpus))
            for spec in (corpus if explained else ())
            for row in matrix.rows_for(spec.name)
            for column in matrix.columns
        ]
        return hashlib.sha256(repr((ruled, reported, explanations)).encode()).hexdigest()[:16]

    found = {}
    for seed in seeds:
        for size in sizes:
            sources = coverage_corpus(size, seed)
            corpus = Corpus(tuple(parse_spec(text, name) for name, text in sources.items()))
            found[f"seed {seed} size {size}"] = digest(corpus, size == min(sizes))
    paths = sorted((ROOT / "specs").glob("*.spec"))
    bundled = Corpus(tuple(parse_spec(path.read_text(encoding="utf-8"), path.name) for path in paths))
    found["bundled"] = digest(bundled, True)
    found["bundled + MP102A"] = digest(
        amend_corpus(bundled, ROOT / "amendments" / "MP102A.amend").after, True
    )
    return found


def run_in(tree: Path, seeds: list[int], sizes: list[int]) -> dict[str, str]:
    # Sets print in the order of their strings' hashes: both sides hash alike.
    call = f"digests({seeds!r}, {sizes!r})"
    result: dict[str, str] = trees.run_in(tree, "coverage_same", call, {"PYTHONHASHSEED": "0"})
    return result


def main(argv: list[str]) -> int:
    from bench.coverage_bench import PARTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="the earlier commit")
    parser.add_argument("--seeds", default="1-12", help="FIRST-LAST")
    parser.add_argument("--clauses", default="30,80,400", help="sizes, comma-separated")
    arguments = parser.parse_args(argv)
    first, _, last = arguments.seeds.partition("-")
    seeds = list(range(int(first), int(last or first) + 1))
    sizes = [int(size) for size in arguments.clauses.split(",")]
    with tempfile.TemporaryDirectory() as name:
        benches = ("coverage_bench.py", "coverage_corpus.py", "coverage_same.py")
        earlier = trees.earlier_tree(arguments.against, Path(name), PARTS, benches)
        before, after = run_in(earlier, seeds, sizes), run_in(ROOT, seeds, sizes)
    differ = 0
    for key, digest in after.items():
        same = before[key] == digest
        differ += not same
        verdict = "same" if same else "DIFFERENT"
        print(f"{key:<24} {arguments.against} {before[key]}  this tree {digest}  {verdict}")
    print(f"{len(after) - differ} of {len(after)} the same")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
