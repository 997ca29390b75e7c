"""Write files atomically (a temporary file in the target folder, then os.replace), never over an input."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from spectool.errors import UsageError


def write_atomically(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Replace `path` with `data` in one step; refuse to write over any of `inputs`."""
    target = path.resolve()
    for source in inputs:
        if source.exists() and target.exists() and os.path.samefile(source, target):
            raise UsageError(f"{path}: will not write over an input file")
        if source.resolve() == target:
            raise UsageError(f"{path}: will not write over an input file")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"{path}: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def zip_package(parts: Iterable[tuple[str, bytes]], date: str) -> bytes:
    """An OPC package (a zip) of `parts`, every entry stamped with `date` so that output is repeatable."""
    stamp = (
        max(int(date[0:4]), 1980),
        int(date[5:7]),
        int(date[8:10]),
        int(date[11:13]),
        int(date[14:16]),
        int(date[17:19]),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
