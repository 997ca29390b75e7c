"""Spec sources as files: finding them (every *.spec below a folder, in name order) and decoding them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from spectool.errors import InputError, Problem, UsageError

if TYPE_CHECKING:
    from spectool.config import Config  # which reads its own text through decode_source, below

SPEC_SUFFIX = ".spec"
AMENDMENT_SUFFIX = ".amend"
MAX_PROBLEMS = 50


def expand_spec_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Each path named, a folder as the *.spec files below it; UsageError for one that does not exist.

    Kept apart from the parser so that what only needs the list (the check cache's key, the
    configuration's inputs) does not load Lark and the grammars."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{SPEC_SUFFIX}")))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return found


def decode_source(data: bytes, path: str) -> str:
    """UTF-8 text with LF line ends; a clear error at the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        shown = data[line_start:].split(b"\n", 1)[0].decode("utf-8", errors="replace")
        raise InputError(
            [
                Problem(
                    path,
                    line,
                    column,
                    f"byte 0x{data[error.start]:02x} is not UTF-8: expected UTF-8 text",
                    shown,
                    1,
                    "save the file as UTF-8",
                )
            ]
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = [_control_problem(path, text, match.start(), match[0]) for match in _CONTROL.finditer(text)][
        :MAX_PROBLEMS
    ]
    if problems:
        raise InputError(problems)
    return text


# Control characters (text pasted from a PDF has them) cannot be written to Word and would vanish
# from a redline; tabs and line ends are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_problem(path: str, text: str, offset: int, char: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    source = text[line_start:].split("\n", 1)[0]
    return Problem(
        path,
        line,
        offset - line_start + 1,
        f"control character U+{ord(char):04X}: expected printable text",
        _CONTROL.sub("?", source),
        1,
        "delete it, or replace it with a space",
    )


def check_inputs(paths: Iterable[Path], config: Config) -> list[Path]:
    """What a check reads, and a report must never be written over: the configuration's files and the
    paths checked."""
    return [*config.input_paths(), *expand_spec_paths(path for path in paths if path.exists())]


def read_sources(paths: Iterable[str]) -> dict[str, list[str]]:
    """The lines of each file that can be read as text (a report quotes them); others are left out."""
    sources: dict[str, list[str]] = {}
    for path in paths:
        try:
            sources[path] = Path(path).read_text(encoding="utf-8-sig").split("\n")
        except (OSError, UnicodeDecodeError):
            continue
    return sources
