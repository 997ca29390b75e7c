"""The test side of the LibreOffice worker: one office process per test session, asked over a pipe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from spectool.diff.model import Side
from spectool.diff.plain import normalise_lines

WORKER = Path(__file__).with_name("office_worker.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-uno is built for the system interpreter


def office_missing() -> str | None:
    """Why LibreOffice cannot be used here, or None when it can."""
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import uno (install python3-uno)"
    return None


class OfficeError(AssertionError):
    """LibreOffice could not do what a test asked."""


class Office:
    """A headless LibreOffice that opens .docx files, accepts or rejects every change, saves as text."""

    def __init__(self) -> None:
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )
        self._reply()  # ready

    def lines(self, path: Path, side: Side | None) -> list[str]:
        """The document's text, one line a paragraph, after accepting (NEW) or rejecting (OLD) all."""
        revisions = {Side.NEW: "accept", Side.OLD: "reject", None: "keep"}[side]
        reply = self._ask({"op": "text", "path": str(path), "revisions": revisions})
        return normalise_lines(str(reply["text"]).split("\n"))

    def comments(self, path: Path) -> list[tuple[str, str]]:
        """(comment text, the text it is anchored on) for each comment, in document order."""
        reply = self._ask({"op": "comments", "path": str(path)})
        return [(str(item["content"]), str(item["anchor"])) for item in reply["comments"]]

    def notes(self, path: Path, side: Side | None = None) -> dict[str, list[list[str]]]:
        """The lines of each footnote and endnote ("footnotes", "endnotes"), list labels first, after
        accepting (NEW) or rejecting (OLD) every change."""
        revisions = {Side.NEW: "accept", Side.OLD: "reject", None: "keep"}[side]
        reply = self._ask({"op": "notes", "path": str(path), "revisions": revisions})
        return {
            kind: [[str(line) for line in note] for note in reply[kind]] for kind in ("footnotes", "endnotes")
        }

    def compare(self, old: Path, new: Path, out: Path) -> dict[str, float]:
        """LibreOffice's own Compare Document on the pair, result saved to `out`: seconds to load,
        compare and save, and the number of changes it found."""
        reply = self._ask({"op": "compare", "old": str(old), "new": str(new), "out": str(out)})
        return {key: float(reply[key]) for key in ("load", "compare", "save", "changes")}

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def _ask(self, request: dict[str, str]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._reply()

    def _reply(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise OfficeError(f"the LibreOffice worker stopped (exit status {self.process.poll()})")
        reply: dict[str, Any] = json.loads(line)
        if not reply.get("ok"):
            raise OfficeError(f"LibreOffice: {reply.get('error')}")
        return reply
