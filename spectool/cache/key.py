"""The key of a cached check: a hash of spectool itself, the files it reads and the options it runs with."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import spectool

_PACKAGE = Path(spectool.__file__).resolve().parent
# What findings are made of besides the inputs: the code, the grammars, the shipped data.
_OWN_SUFFIXES = (".py", ".lark", ".toml", ".json", ".j2")


@lru_cache(maxsize=1)
def tool_digest() -> str:
    """A hash of spectool's version and its own files: an edited checkout or a new release never
    reuses what an older one cached."""
    digest = hashlib.sha256(f"spectool {spectool.__version__}\n".encode())
    # Plain strings and os calls: a check answered from the cache hashes these files on every run.
    for relative, path in sorted(_own_files(str(_PACKAGE))):
        digest.update(relative.encode() + b"\0")
        with open(path, "rb") as stream:
            digest.update(stream.read())
    return digest.hexdigest()


def _own_files(folder: str) -> Iterable[tuple[str, str]]:
    """(path relative to `folder` with "/" between parts, full path) of each of spectool's own files."""
    start = len(folder) + 1
    for root, folders, files in os.walk(folder, followlinks=True):
        folders[:] = [name for name in folders if name != "__pycache__"]
        for name in files:
            if name.endswith(_OWN_SUFFIXES):
                path = os.path.join(root, name)
                yield path[start:].replace(os.sep, "/"), path


def slot_of(options: Sequence[str]) -> str:
    """Where a check of these options is kept: one entry per way of calling it, so the cache holds the
    last result of each instead of growing with every edit."""
    return hashlib.sha256("\0".join([os.getcwd(), *options]).encode()).hexdigest()[:32]


def content_key(files: Iterable[Path], options: Sequence[str]) -> str:
    """A hash of spectool, the working folder (reports show paths relative to it), the options, and the
    name and bytes of every file read, in a stable order."""
    digest = hashlib.sha256(tool_digest().encode())
    digest.update("\0".join([os.getcwd(), *options]).encode() + b"\1")
    for path in sorted({Path(os.path.abspath(path)) for path in files}):
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"\2missing")
        digest.update(b"\1")
    return digest.hexdigest()
