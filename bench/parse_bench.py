"""Parse throughput on a synthetic ~20,000-clause spec: MB/s, clauses/s, peak memory, and where time goes.

Run: .venv/bin/python bench/parse_bench.py [CLAUSES]
Times are CPU seconds (best of three), so that a busy machine skews them less.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lark import Lark

from bench.synthetic import synthetic_spec
from spectool.parsing import parse_spec
from spectool.parsing.builder import SpecBuilder
from spectool.parsing.grammar import lark_parser
from spectool.parsing.transformer import SpecTransformer

# The floor of any Lark grammar over this text: one token a line, positions kept, no structure.
LINE_PROBE = r"""
start: _NL? (LINE _NL)*
LINE: /[^\n]+/
_NL: /\n+/
"""


def best_of(runs: int, action: object) -> float:
    assert callable(action)
    timings = []
    for _ in range(runs):
        start = time.process_time()
        action()
        timings.append(time.process_time() - start)
    return min(timings)


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    text = synthetic_spec(clauses)
    size_mb = len(text.encode("utf-8")) / 1e6
    parser = lark_parser("spec")
    spec = parse_spec(text)
    count = sum(1 for _ in spec.clauses())
    print(f"corpus: {count} clauses, {text.count(chr(10))} lines, {size_mb:.2f} MB")

    lex = best_of(3, lambda: sum(1 for _ in parser.lex(text)))
    with_tree = best_of(3, lambda: parser.parse(text))
    inline = lark_parser("spec", SpecTransformer)
    parse = best_of(3, lambda: inline.parse(text))
    blocks = inline.parse(text)
    build = best_of(3, lambda: SpecBuilder("<bench>", text.split("\n")).build(blocks))  # type: ignore[arg-type]
    total = best_of(3, lambda: parse_spec(text))
    probe = Lark(LINE_PROBE, parser="lalr", lexer="contextual")
    probe_tokens = best_of(3, lambda: sum(1 for _ in probe.lex(text)))
    probe_parse = best_of(3, lambda: probe.parse(text))

    tracemalloc.start()
    parse_spec(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"lexer alone                {lex:7.3f} s")
    print(f"lexer + parser, tree       {with_tree:7.3f} s   (for comparison: spectool builds no tree)")
    print(f"lexer + parser, inline     {parse:7.3f} s   (transformer run as rules reduce; references found)")
    print(f"builder                    {build:7.3f} s   (sections, numbering checks)")
    print(f"parse_spec in total        {total:7.3f} s")
    print(f"throughput                 {size_mb / total:7.2f} MB/s, {count / total:,.0f} clauses/s")
    print(f"line-level Lark probe      {probe_parse:7.3f} s   ({size_mb / probe_parse:.2f} MB/s; lexer alone")
    print(f"                                      {probe_tokens:.3f} s): one token a line, the floor of Lark")
    print(f"parse_spec / probe         {total / probe_parse:7.2f}x")
    print(f"peak memory                {peak / 1e6:7.1f} MB (tracemalloc, one parse)")


if __name__ == "__main__":
    main()
