"""Typed configuration from spectool.toml (or [tool.spectool] in pyproject.toml).

Each feature reads its own table (`[terminology]`, `[coverage]`, ...) through `Config.table`, and
reports a bad value with `Config.error`, which points at the key's line in the file.
"""

from __future__ import annotations

import glob
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spectool.errors import ConfigError, InputError, Problem, UsageError
from spectool.inputs import read_input_bytes
from spectool.sources import decode_source

CONFIG_NAMES = ("spectool.toml", "pyproject.toml")
KNOWN_TABLES = ("corpus", "versions", "specs", "rules", "terminology", "parameters", "coverage", "cache")
# The keys whose value names a file the configuration reads, relative to the configuration's folder.
FILE_KEYS = ("coverage.file",)


@dataclass(frozen=True, slots=True)
class Config:
    """The configuration of one spec repository."""

    root: Path  # the folder paths in the configuration are relative to
    path: Path | None  # the file it came from; None for the built-in defaults
    data: dict[str, Any] = field(default_factory=dict)
    prefix: tuple[str, ...] = ()  # ("tool", "spectool") inside pyproject.toml

    def table(self, name: str) -> dict[str, Any]:
        """The `[name]` table, or an empty one."""
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.error(name, f"'{name}' must be a table")
        return value

    @property
    def spec_paths(self) -> list[Path]:
        """The spec sources that form the corpus: `[corpus] specs = [globs]`, default specs/."""
        patterns = self.table("corpus").get("specs", ["specs"])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise self.error("corpus.specs", "'corpus.specs' must be a list of paths or glob patterns")
        found: list[Path] = []
        for pattern in patterns:
            if any(c in pattern for c in "*?["):
                # Path.glob takes relative patterns only; glob.glob takes both.
                matches = sorted(Path(p) for p in glob.glob(str(self.root / pattern), recursive=True))
            else:
                matches = []
            found.extend(matches or [self.root / pattern])
        return found

    @property
    def live_versions(self) -> dict[str, list[str]]:
        """`[versions] SMETS2 = ["4.2", "5.0"]`: the versions of each spec kept in step."""
        table = self.table("versions")
        live: dict[str, list[str]] = {}
        for name, versions in table.items():
            if not isinstance(versions, list) or not all(isinstance(v, str) for v in versions):
                raise self.error(f"versions.{name}", f"'versions.{name}' must be a list of version strings")
            live[name] = versions
        return live

    def resolve(self, relative: str) -> Path:
        return self.root / relative

    def input_paths(self) -> list[Path]:
        """Every file this configuration reads: itself, each spec source of the corpus (folders as
        the *.spec files below them) and each file a key of FILE_KEYS names. A command that writes
        passes these, with its own inputs, to the atomic write, which refuses to write over them."""
        from spectool.sources import expand_spec_paths

        paths = [self.path] if self.path is not None else []
        paths.extend(expand_spec_paths(path for path in self.spec_paths if path.exists()))
        for dotted in FILE_KEYS:
            table, key = dotted.split(".")
            named = self.table(table).get(key)
            if isinstance(named, str) and named.strip():
                paths.append(self.resolve(named))
        return paths

    def error(self, dotted_key: str, message: str, *, hint: str = "") -> ConfigError:
        """A ConfigError at the line that sets `dotted_key` (or at the file, if it is not written there)."""
        where = str(self.path) if self.path else "<built-in configuration>"
        line, source = locate_key(self.path, (*self.prefix, *dotted_key.split("."))) if self.path else (0, "")
        column = len(source) - len(source.lstrip()) + 1 if source else 0
        width = len(source.strip().split("=")[0].strip()) if source else 1
        return ConfigError([Problem(where, line, column, message, source, width, hint)])


def find_config(start: Path) -> Path | None:
    """spectool.toml, or a pyproject.toml with [tool.spectool], in `start` or a folder above it."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name == "spectool.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read the configuration at `path`, else the one found from `start` (default: here)."""
    if path is None:
        path = find_config((start or Path.cwd()).resolve())
        if path is None:
            return Config(root=(start or Path.cwd()).resolve(), path=None)
    if not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    data = read_toml(path)
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("spectool", {})
        prefix = ("tool", "spectool")
    config = Config(root=path.parent.resolve(), path=path, data=data, prefix=prefix)
    for key in data:
        if key not in KNOWN_TABLES:
            raise config.error(
                key, f"unknown table or key '{key}': expected one of {', '.join(KNOWN_TABLES)}"
            )
    return config


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's tables; ConfigError at the line and column of what TOML cannot read."""
    text = read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([_toml_problem(path, text, error)]) from None


def read_config_text(path: Path) -> str:
    """A configuration file's text; ConfigError at the first byte that is not UTF-8."""
    data = read_input_bytes(path)
    try:
        return decode_source(data, str(path))
    except InputError as error:
        raise ConfigError(error.problems) from None


def _has_tool_table(path: Path) -> bool:
    try:
        return "spectool" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not a file spectool can read, so not one that configures spectool


_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    match = _POSITION.search(message)
    line, column = (int(match[1]), int(match[2])) if match else (0, 0)
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return Problem(str(path), line, column, _POSITION.sub("", message).strip(), source)


_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def locate_key(path: Path | None, keys: tuple[str, ...]) -> tuple[int, str]:
    """(line, text) of the line in a TOML file that sets `keys`, or the closest enclosing table's."""
    if path is None or not path.is_file():
        return (0, "")
    table: tuple[str, ...] = ()
    best_line, best_text, best_depth = 0, "", 0
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        header = _TABLE_HEADER.match(line)
        if header:
            table = tuple(_unquote(part) for part in header[1].split("."))
            full = table
        elif key := _KEY_LINE.match(line):
            full = table + tuple(_unquote(part) for part in key[1].split("."))
        else:
            continue
        if full == keys[: len(full)] and len(full) > best_depth:
            best_line, best_text, best_depth = number, line, len(full)
    return (best_line, best_text)


def _unquote(part: str) -> str:
    return part.strip().strip("\"'")
