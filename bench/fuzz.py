"""Nightly fuzzing: mutated specs, amendments and Word files through every command, for as long as asked.

    python -m bench.fuzz --seconds 3600 [--engine atheris|random] [--findings DIR]

atheris (coverage-guided) is used when it is installed, else a seeded random search over the same
mutations as the CI tests (tests/fuzz/). Each input that crashes a command, exits other than 0, 1
or 2, or runs over the time or memory cap is saved to the findings folder with what went wrong.
At the end it prints the inputs tried per command, their exit statuses and the findings.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.fuzz.harness import Edit, Outcome, Workspace

KINDS = ("delete", "insert", "replace", "duplicate", "truncate", "token", "token")
# Which seed each command reads, and the Workspace method that runs it.
TARGETS = {
    "parse": ("spec", "parse"),
    "check": ("spec", "check"),
    "redline": ("spec", "redline"),
    "apply": ("amendment", "apply"),
    "redline-amendment": ("amendment", "redline_amendment"),
    "import": ("docx", "import_docx"),
    "import-part": ("docx", "import_docx"),
}


def run_target(
    space: Workspace, target: str, originals: dict[str, bytes], edits: list[Edit], part: str
) -> list[Outcome]:
    """One mutated input through one command."""
    from tests.fuzz.harness import mutate, mutate_docx_part

    seed, method = TARGETS[target]
    if target == "import-part":
        data = mutate_docx_part(originals[seed], part, edits)
    else:
        data = mutate(originals[seed], edits)
    command: Callable[[bytes], list[Outcome]] = getattr(space, method)
    return command(data)


class Tally:
    """Inputs tried and exit statuses per command, and the inputs that found something."""

    def __init__(self, findings: Path) -> None:
        self.findings = findings
        self.tried: collections.Counter[str] = collections.Counter()
        self.statuses: dict[str, collections.Counter[int]] = collections.defaultdict(collections.Counter)
        self.found: list[str] = []
        self.start = time.perf_counter()

    def record(self, target: str, edits: list[Edit], part: str, outcomes: list[Outcome]) -> None:
        self.tried[target] += 1
        for outcome in outcomes:
            self.statuses[target][outcome.exit_code] += 1
            if outcome.problems:
                self.save(target, edits, part, outcome)

    def save(self, target: str, edits: list[Edit], part: str, outcome: Outcome) -> None:
        self.findings.mkdir(parents=True, exist_ok=True)
        text = f"{target} {part}\n{edits!r}\n{' '.join(outcome.args)}\n" + "\n".join(outcome.problems)
        name = hashlib.sha256(text.encode()).hexdigest()[:12]
        (self.findings / f"{target}-{name}.txt").write_text(text, encoding="utf-8")
        self.found.append(f"{target}: {outcome.problems[0].splitlines()[-1]} ({name})")

    def report(self) -> None:
        seconds = time.perf_counter() - self.start
        total = sum(self.tried.values())
        print(f"fuzzed {total} inputs in {seconds:.0f} s ({total / max(seconds, 1e-9):.1f}/s)")
        for target in TARGETS:
            statuses = ", ".join(
                f"exit {code}: {count}" for code, count in sorted(self.statuses[target].items())
            )
            print(f"  {target:18} {self.tried[target]:6} inputs  {statuses}")
        print(f"{len(self.found)} finding(s)" + "".join(f"\n  {line}" for line in self.found))


def random_edits(chooser: random.Random) -> list[Edit]:
    from tests.fuzz.harness import TOKENS, Edit

    return [
        Edit(
            chooser.choice(KINDS),
            chooser.random(),
            chooser.randint(0, 600),
            chooser.choice(TOKENS) if chooser.random() < 0.5 else chooser.randbytes(chooser.randint(0, 40)),
        )
        for _ in range(chooser.randint(1, 4))
    ]


def run_random(space: Workspace, tally: Tally, seconds: float, seed: int) -> None:
    from tests.fuzz.harness import DOCX_PARTS, seeds

    chooser = random.Random(seed)
    originals = seeds()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        target = chooser.choice(list(TARGETS))
        edits, part = random_edits(chooser), chooser.choice(DOCX_PARTS)
        tally.record(target, edits, part, run_target(space, target, originals, edits, part))


def run_atheris(folder: Path, tally: Tally, seconds: float) -> None:
    import atheris

    # Instrumented before anything imports spectool, so that new branches guide the mutations.
    with atheris.instrument_imports(include=["spectool"]):
        from tests.fuzz.harness import DOCX_PARTS, Edit, seeds, workspace
    originals = seeds()
    names = list(TARGETS)
    deadline = time.monotonic() + seconds

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:
            tally.report()
            sys.stdout.flush()
            os._exit(0)  # libFuzzer's own exit skips Python's, so the report is printed here
        provider = atheris.FuzzedDataProvider(data)
        target = names[provider.ConsumeIntInRange(0, len(names) - 1)]
        part = DOCX_PARTS[provider.ConsumeIntInRange(0, len(DOCX_PARTS) - 1)]
        edits = [
            Edit(
                KINDS[provider.ConsumeIntInRange(0, len(KINDS) - 1)],
                provider.ConsumeProbability(),
                provider.ConsumeIntInRange(0, 600),
                provider.ConsumeBytes(provider.ConsumeIntInRange(0, 40)),
            )
            for _ in range(provider.ConsumeIntInRange(1, 4))
        ]
        tally.record(target, edits, part, run_target(space, target, originals, edits, part))

    with workspace(folder) as space:
        atheris.Setup([sys.argv[0], "-rss_limit_mb=4096"], one_input)
        atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--engine", choices=["atheris", "random"], default=None)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--findings", type=Path, default=Path("bench/fuzz-findings"))
    options = parser.parse_args()
    engine = options.engine or ("atheris" if _has_atheris() else "random")
    tally = Tally(options.findings.resolve())
    print(f"engine: {engine}; seeds: bundled SMETS2 4.2 spec, MP102A amendment, sample spec as .docx")
    folder = Path(tempfile.mkdtemp(prefix="spectool-fuzz-"))
    if engine == "atheris":
        run_atheris(folder, tally, options.seconds)
        return
    from tests.fuzz.harness import workspace

    with workspace(folder) as space:
        run_random(space, tally, options.seconds, options.seed)
    tally.report()


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
