"""Atomic writes: a temporary file in the target folder, then os.replace; never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from spectool.errors import UsageError


def write_bytes_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` so that a reader sees the old file or the whole new one, never half."""
    path = Path(path)
    for source in inputs:
        if Path(source).exists() and path.exists() and path.resolve() == Path(source).resolve():
            raise UsageError(f"{path}: refusing to write over an input file")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, *, inputs: Iterable[Path] = ()) -> None:
    """UTF-8 text, LF line ends, written atomically."""
    write_bytes_atomic(path, text.encode("utf-8"), inputs=inputs)
