"""Benchmark: a redline in place beside the template redline of the same change, on a ~20,000-clause
synthetic spec (5% of clauses reworded, a few inserted, deleted and moved). The old version is exported
to Word and imported back (with its provenance); both writers redline that base against the new one.
Each writer runs in its own process, so that its peak memory (ru_maxrss) is its own.

    .venv/bin/python bench/redline_inplace_bench.py [--clauses 20000] [--edited 0.05] [--seed 2024]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.redline_bench import AUTHOR, DATE, build, drafts, edited  # noqa: E402
from spectool.diff.document import diff_specs  # noqa: E402
from spectool.diff.summary import summarise  # noqa: E402
from spectool.docx_import import import_docx  # noqa: E402
from spectool.parsing import read_spec, render_spec  # noqa: E402
from spectool.redline.docx import redline_docx_bytes  # noqa: E402
from spectool.redline.export import export_spec  # noqa: E402
from spectool.redline.inplace import redline_onto_bytes  # noqa: E402

KINDS = ("template", "inplace")


def prepare(folder: Path, clauses: int, share: float, seed: int) -> None:
    """original.docx (the old version in Word), base.spec (its import) and new.spec in `folder`."""
    rng = random.Random(seed)
    sections = drafts(rng, clauses)
    old, new = build(sections, "1.0"), build(edited(rng, sections, share), "1.0")
    export_spec(old, folder / "original.docx")
    imported = import_docx(folder / "original.docx", name=old.name, version=old.version, title=old.title)
    (folder / "base.spec").write_text(imported.source, encoding="utf-8")
    (folder / "new.spec").write_text(render_spec(new), encoding="utf-8")


def run_one(folder: Path, kind: str) -> dict[str, float]:
    """Diff and write one kind of redline; CPU seconds for each step and the bytes written."""
    base, new = read_spec(folder / "base.spec"), read_spec(folder / "new.spec")
    started = time.process_time()
    redline = diff_specs(base, new)
    diffed = time.process_time()
    if kind == "template":
        data = redline_docx_bytes(redline, author=AUTHOR, date=DATE)
    else:
        data = redline_onto_bytes(redline, folder / "original.docx", base=base, author=AUTHOR, date=DATE)
    written = time.process_time()
    (folder / f"{kind}.docx").write_bytes(data)
    return {
        "diff": diffed - started,
        "write": written - diffed,
        "total": written - started,
        "bytes": len(data),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "units": len(redline.units),
        "summary": summarise(redline).line(),  # type: ignore[dict-item]
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=20_000)
    parser.add_argument("--edited", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--one", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.one:
        print(json.dumps(run_one(arguments.folder, arguments.one)))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        prepare(folder, arguments.clauses, arguments.edited, arguments.seed)
        size = (folder / "original.docx").stat().st_size / 1e6
        print(
            f"corpus: {arguments.clauses} clauses, {arguments.edited:.0%} reworded; exported and imported "
            f"in {time.perf_counter() - started:.1f} s ({size:.1f} MB)"
        )
        results = {}
        for kind in KINDS:
            command = [sys.executable, __file__, "--one", kind, "--folder", str(folder)]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[kind] = json.loads(output.splitlines()[-1])
        print(f"  {results['template']['summary']}")
        print(f"  {'redline':<10} {'diff s':>8} {'write s':>8} {'total s':>8} {'peak MB':>8} {'size MB':>8}")
        for kind in KINDS:
            r = results[kind]
            print(
                f"  {kind:<10} {r['diff']:8.2f} {r['write']:8.2f} {r['total']:8.2f} "
                f"{r['peak_mb']:8.0f} {r['bytes'] / 1e6:8.1f}"
            )
        ratio = results["inplace"]["total"] / results["template"]["total"]
        print(f"  in place / template, total CPU time: {ratio:.2f}x (times are CPU seconds)")


if __name__ == "__main__":
    main(sys.argv[1:])
