"""A terminology-only check as whole processes: spectool against textlint with textlint-rule-terminology.

Run: .venv/bin/python bench/textlint_bench.py [CLAUSES] [RUNS]
Installs textlint and textlint-rule-terminology with npm into a temporary folder (skipped, with a note,
when npm is absent or the install fails), gives both tools the same ~20,000 clauses and the same
deprecated-to-preferred terms from the project's [terminology] table, and prints the CPU seconds (user +
system of each process and its children, best of RUNS) side by side: spectool cold, and from its cache.

spectool runs as an installed tool does, with its modules' bytecode compiled once (into a temporary
PYTHONPYCACHEPREFIX): where PYTHONDONTWRITEBYTECODE is set, as on the project's machine, every process
would compile spectool's modules again. The cached figure is printed both ways.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cache_bench import SPECTOOL, cpu_seconds, project
from spectool.config import load_config
from spectool.rules.terminology.table import load_terminology

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("textlint@14", "textlint-rule-terminology@5")


def install(folder: Path) -> Path | None:
    """textlint installed in `folder`; None, with the reason printed, when it cannot be."""
    npm = shutil.which("npm")
    if npm is None:
        print("skipped: npm is not installed")
        return None
    done = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), *PACKAGES],
        capture_output=True,
        text=True,
        check=False,
    )
    binary = folder / "node_modules" / ".bin" / "textlint"
    if done.returncode != 0 or not binary.exists():
        print(f"skipped: npm install {' '.join(PACKAGES)} failed: {done.stderr.strip()[-300:]}")
        return None
    return binary


def textlint_config() -> dict[str, object]:
    """The project's deprecated terms as textlint-rule-terminology's [wrong, right] pairs, and nothing
    else: its default dictionary is turned off."""
    table = load_terminology(load_config(ROOT / "spectool.toml"))
    terms = [[wrong, entry.preferred] for entry in table.replacements for wrong in entry.deprecated]
    return {"rules": {"terminology": {"defaultTerms": False, "terms": terms}}}


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        textlint = install(folder / "node")
        if textlint is None:
            return
        work = folder / "project"
        work.mkdir()
        size = project(work, clauses)
        texts = folder / "texts"
        texts.mkdir()
        for spec in sorted((work / "specs").glob("*.spec")):
            shutil.copy(spec, texts / f"{spec.stem}.txt")  # textlint reads .txt and .md out of the box
        (texts / ".textlintrc.json").write_text(json.dumps(textlint_config()), encoding="utf-8")
        print(f"corpus: {clauses} clauses, {size / 1e6:.2f} MB; CPU seconds, best of {runs}")
        lint = [str(textlint), "--format", "json", *sorted(path.name for path in texts.glob("*.txt"))]
        theirs = min(cpu_seconds(lint, texts, allowed=(0, 1)) for _ in range(runs))
        check = [*SPECTOOL, "check", "--select", "TERM", "--format", "json", "--fail-on", "never"]
        cpu_seconds([*check, "--cache"], work)
        uncompiled = min(cpu_seconds([*check, "--cache"], work) for _ in range(runs))
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
        cpu_seconds([*check, "--no-cache"], work)  # compiles every module a check loads
        cold = min(cpu_seconds([*check, "--no-cache"], work) for _ in range(runs))
        cached = min(cpu_seconds([*check, "--cache"], work) for _ in range(runs))
        print(f"textlint + textlint-rule-terminology  {theirs:6.3f} s")
        print(f"spectool check --select TERM, cold    {cold:6.3f} s  ({theirs / cold:.1f}x less)")
        print(f"spectool check --select TERM, cached  {cached:6.3f} s  ({theirs / cached:.1f}x less)")
        print(f"  the same without compiled bytecode  {uncompiled:6.3f} s  ({theirs / uncompiled:.1f}x less)")


if __name__ == "__main__":
    main()
