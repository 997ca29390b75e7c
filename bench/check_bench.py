"""Time every check rule on a synthetic ~20,000-clause corpus, against the time it takes to parse it.

Run: .venv/bin/python bench/check_bench.py [CLAUSES]
Figures are CPU seconds (time.process_time), the parse with the collector paused as `parse_spec` runs it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.check_corpus import synthetic_corpus
from spectool.config import load_config
from spectool.model.corpus import Corpus
from spectool.parsing import parse_spec
from spectool.rules.base import RuleContext
from spectool.rules.engine import run_rules, select_rules
from spectool.rules.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
# The families of `spectool check` proper; coverage (COV) and cross-version (XVER) rules are timed too.
WORDING_FAMILIES = ("TERM", "DEF", "XREF", "STRUCT", "PARAM")


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    sources = synthetic_corpus(clauses)
    size = sum(len(text.encode("utf-8")) for text in sources.values())
    lines = sum(text.count("\n") for text in sources.values())

    start = time.process_time()
    specs = [parse_spec(text, name) for name, text in sources.items()]
    parse_seconds = time.process_time() - start
    corpus = Corpus(tuple(specs))
    count = sum(1 for spec in corpus for _ in spec.clauses())
    print(f"corpus: {len(specs)} specs, {count} clauses, {lines} lines, {size / 1e6:.2f} MB")

    # The project's own configuration: its terminology and parameter tables are what users run.
    config = load_config(ROOT / "spectool.toml")
    registry = all_rules()
    start = time.process_time()
    result = run_rules(RuleContext(corpus=corpus, config=config), select_rules(registry))
    total = time.process_time() - start

    print(f"{'rule':<10} {'CPU s':>8}  findings")
    for code, seconds in sorted(result.seconds.items(), key=lambda item: -item[1]):
        found = sum(1 for finding in result.findings if finding.code == code)
        print(f"{code:<10} {seconds:8.3f}  {found}")
    print(f"{'all rules':<10} {total:8.3f}  {len(result.findings)}  (engine: sorting, suppressions included)")
    print(f"{'parse':<10} {parse_seconds:8.3f}  ({size / 1e6 / parse_seconds:.2f} MB/s)")
    verdict = "less" if total < parse_seconds else "MORE"
    print(f"all rules cost {total / parse_seconds:.0%} of the parse time: {verdict} than parsing")
    wording = sum(seconds for code, seconds in result.seconds.items() if code.startswith(WORDING_FAMILIES))
    verdict = "less" if wording < parse_seconds else "MORE"
    print(
        f"wording and structure rules ({', '.join(WORDING_FAMILIES)}): {wording:.3f} s, "
        f"{wording / parse_seconds:.0%} of the parse time: {verdict} than parsing"
    )


if __name__ == "__main__":
    main()
