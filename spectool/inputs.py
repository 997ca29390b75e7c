"""Read an input file whole: regular files only, and never more than a cap, so nothing reads forever."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from spectool.errors import UsageError

MB = 1024 * 1024
# Far above any specification (the bundled ones are tens of kilobytes; a whole SEC schedule is a
# few megabytes), far below what would exhaust a build machine's memory.
MAX_INPUT_BYTES = 32 * MB

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_input_bytes(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The whole of the regular file `path`; UsageError, saying why, for anything else or anything bigger.

    A pipe or a device could block or never end, so the file is opened without blocking and checked
    through its open descriptor (no gap between the check and the read for it to be swapped).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {_reason(error)}") from None
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        try:
            status = os.fstat(descriptor)
            refuse_unless_regular(path, status.st_mode)
            if status.st_size > limit:
                raise UsageError(_too_big(path, status.st_size, limit))
            # Read one byte past the file's size, so a buffer of its size, not of the cap, is taken;
            # a file that grows while it is read is read on to one byte past the cap, and refused.
            wanted = min(status.st_size, limit) + 1
            data = stream.read(wanted)
            if data is not None and len(data) == wanted and wanted <= limit:
                data += stream.read(limit + 1 - wanted) or b""
        except OSError as error:
            raise UsageError(f"{path}: cannot read: {_reason(error)}") from None
    if data is None:  # pragma: no cover - only a non-blocking pipe answers None, and it was refused
        raise UsageError(f"{path}: cannot read: no data")
    if len(data) > limit:
        raise UsageError(_too_big(path, len(data), limit))
    return data


def refuse_unless_regular(path: Path, mode: int) -> None:
    """UsageError naming what `path` is when it is not a regular file."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise UsageError(
        f"{path}: is {kind}, not a regular file: spectool reads its inputs only from regular files, "
        "which have an end and a size it can check"
    )


def _too_big(path: Path, size: int, limit: int) -> str:
    return (
        f"{path}: is {_size(size)}, over the {_size(limit)} limit for an input file: "
        "refusing to read it (is it the file you meant?)"
    )


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{count} bytes"


def _reason(error: OSError) -> str:
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return error.strerror or str(error)
