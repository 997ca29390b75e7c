"""Parse one huge clause full of references: locating them must stay linear in the clause's size.

Run: .venv/bin/python bench/reference_bench.py [MEGABYTES]
Prints the clause's size, its references and lines, and the seconds to parse it at a quarter, half and
the whole size: a linear locator takes about twice as long for twice the text, a quadratic one four times.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spectool.parsing import parse_spec

HEADER = "---\nspec: SMETS2\nversion: 4.2\ntitle: One long clause\n---\n# 5 Requirements\n## 5.1 Power\n"
LINE = "  ESME shall meet clause 5.1.{n} and Sections 4.3 and 4.4 of the CHTS as set out in clause 5.2.{n}"


def huge_clause(megabytes: float) -> str:
    """A spec whose one clause spans `megabytes` MB over wrapped lines, four references a line."""
    lines = ["5.1.1 ESME shall meet every requirement that follows:"]
    size = 0
    while size < megabytes * 1e6:
        lines.append(LINE.format(n=len(lines)))
        size += len(lines[-1]) + 1
    return HEADER + "\n".join(lines) + ".\n"


def parse_seconds(text: str) -> tuple[float, int]:
    start = time.process_time()
    spec = parse_spec(text)
    seconds = time.process_time() - start
    return seconds, sum(1 for clause in spec.clauses() for _ in clause.all_references())


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    for share in (0.25, 0.5, 1.0):
        text = huge_clause(megabytes * share)
        seconds, references = parse_seconds(text)
        print(
            f"one clause of {len(text.encode()) / 1e6:5.2f} MB, {text.count(chr(10)):6} lines, "
            f"{references:6} references: parsed in {seconds:6.3f} s CPU"
        )


if __name__ == "__main__":
    main()
