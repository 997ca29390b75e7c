"""Mutate real inputs and run spectool commands on them; an outcome says how each run ended.

Shared by the bounded fuzz tests in CI (tests/fuzz/) and the long nightly run (bench/fuzz.py).
A run passes when it exits 0, 1 or 2, prints no traceback, and stays within the time and memory caps.
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import time
import traceback
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.parsing import read_spec
from spectool.redline.export import export_docx_bytes

ROOT = Path(__file__).resolve().parents[2]
SECONDS_CAP = 20.0  # per run; the seeds take well under a second each
MEMORY_CAP_MB = 1500  # the process's peak resident size, which only ever grows

# Pieces of the spec and amending languages: inserted, they reach further than random bytes do.
TOKENS = (
    b"---\n",
    b"\n",
    b"\n\n",
    b"  ",
    b"\t",
    b"# 5 ",
    b"## 5.7 ",
    b"5.7.1 ",
    b"5.4A.2 ",
    b"(a) ",
    b"(iv) ",
    b"Note: ",
    b"Table: Alerts\n",
    b"| a | b |\n",
    b"| --- |\n",
    b"End Table\n",
    b'"Supply Outage" means ',
    b"// spectool-disable: TERM001\n",
    b"Amendments to SMETS2 4.2\n",
    b"Amendments to CHTS 1.5\n",
    b"1. ",
    b" insert:\n",
    b"omit clause 5.4.5.3",
    b' for "a" substitute "b"',
    b"renumber",
    b"clause 4.4.2 of the CHTS",
    b"Section 4.3",
    b'"',
    b"\xef\xbb\xbf",
    b"\xff",
    b"\r",
    b"\x00",
    "\u00e9\u2019\u00a0".encode(),
)


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to a byte string: at `at` (a fraction of its length), `kind` over `length` bytes."""

    kind: str  # "delete", "insert", "replace", "duplicate", "truncate", "token"
    at: float
    length: int
    payload: bytes = b""


def mutate(data: bytes, edits: Sequence[Edit]) -> bytes:
    """`data` with each edit applied in turn."""
    for edit in edits:
        start = min(int(edit.at * len(data)), len(data))
        end = min(start + edit.length, len(data))
        if edit.kind == "delete":
            data = data[:start] + data[end:]
        elif edit.kind == "insert":
            data = data[:start] + edit.payload + data[start:]
        elif edit.kind == "replace":
            data = data[:start] + edit.payload + data[start + len(edit.payload) :]
        elif edit.kind == "duplicate":
            data = data[:end] + data[start:end] + data[end:]
        elif edit.kind == "truncate":
            data = data[:start]
        elif edit.kind == "token":
            data = data[:start] + TOKENS[edit.length % len(TOKENS)] + data[start:]
    return data


def mutate_docx_part(docx: bytes, part: str, edits: Sequence[Edit]) -> bytes:
    """The .docx with one member's bytes mutated and the zip rebuilt whole around it."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, mutate(data, edits) if info.filename == part else data)
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    """The unmutated inputs: a bundled spec, a bundled amendment and a Word export of a spec."""
    spec = ROOT / "specs" / "smets2-v4.2.spec"
    return {
        "spec": spec.read_bytes(),
        "amendment": (ROOT / "amendments" / "MP102A.amend").read_bytes(),
        "docx": export_docx_bytes(read_spec(ROOT / "tests" / "fixtures" / "sample.spec")),
    }


DOCX_PARTS = ("word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")


@dataclass(frozen=True, slots=True)
class Outcome:
    args: tuple[str, ...]
    exit_code: int
    seconds: float
    memory_mb: float
    crash: str = ""  # the traceback, when the command raised instead of exiting

    @property
    def problems(self) -> list[str]:
        """Everything wrong with how the run ended; empty when it ended as a command should."""
        found = []
        if self.crash:
            found.append(f"crashed:\n{self.crash}")
        if self.exit_code not in (0, 1, 2):
            found.append(f"exit status {self.exit_code}")
        if self.seconds > SECONDS_CAP:
            found.append(f"took {self.seconds:.1f} s, over the {SECONDS_CAP:.0f} s cap")
        if self.memory_mb > MEMORY_CAP_MB:
            found.append(f"peak memory {self.memory_mb:.0f} MB, over the {MEMORY_CAP_MB} MB cap")
        return found


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run(*args: str) -> Outcome:
    """`spectool ARGS` in this process."""
    start = time.perf_counter()
    result = CliRunner().invoke(main, list(args))
    seconds = time.perf_counter() - start
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
    elif "Traceback" in result.stderr:
        crash = result.stderr
    return Outcome(tuple(args), result.exit_code, seconds, peak_memory_mb(), crash)


class Workspace:
    """A copy of the bundled specs and configuration, where mutated inputs are written and run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        for name in ("specs", "config"):
            shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
        shutil.copy(ROOT / "spectool.toml", folder / "spectool.toml")
        self.config = str(folder / "spectool.toml")

    def write(self, name: str, data: bytes) -> str:
        path = self.folder / name
        path.write_bytes(data)
        return str(path)

    def out(self, name: str) -> str:
        return str(self.folder / "out" / name)

    def parse(self, spec: bytes) -> list[Outcome]:
        return [run("parse", self.write("fuzzed.spec", spec))]

    def check(self, spec: bytes) -> list[Outcome]:
        return [run("check", "--config", self.config, self.write("fuzzed.spec", spec))]

    def redline(self, spec: bytes) -> list[Outcome]:
        old = str(self.folder / "specs" / "smets2-v4.2.spec")
        new = self.write("fuzzed.spec", spec)
        return [run("redline", old, new, "-o", self.out("fuzzed.docx"), "--config", self.config)]

    def apply(self, amendment: bytes) -> list[Outcome]:
        return [run("apply", self.write("fuzzed.amend", amendment), "--verify", "--config", self.config)]

    def redline_amendment(self, amendment: bytes) -> list[Outcome]:
        path = self.write("fuzzed.amend", amendment)
        target = ("--target", "SMETS2@4.2")
        return [run("redline", path, *target, "-o", self.out("amended.docx"), "--config", self.config)]

    def import_docx(self, docx: bytes) -> list[Outcome]:
        document = self.write("fuzzed.docx", docx)
        spec = ("--spec", "SMETS2", "--version", "9.9")
        return [run("import", document, "-o", self.out("imported.spec"), *spec, "--force")]


@contextmanager
def workspace(folder: Path) -> Iterator[Workspace]:
    """A workspace in `folder`, with the working folder moved there for the commands that look."""
    here = Path.cwd()
    made = Workspace(folder)
    os.chdir(folder)
    try:
        yield made
    finally:
        os.chdir(here)
