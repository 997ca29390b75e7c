"""Atomic writes: a temporary file in the target folder, then os.replace; never over an input."""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

from spectool.errors import UsageError


def write_bytes_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` so that a reader sees the old file or the whole new one, never half."""
    path = Path(path)
    refuse_inputs(path, inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        sweep_stale_temporaries(path)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
        )
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            mark_as_written(stream.fileno(), data)
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        sync_folder(path.parent)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# The hash of what spectool wrote, kept beside the file's bytes (an extended attribute), so that `-o`
# can tell its own unedited output from a person's file without adding anything to the output itself.
WRITTEN_ATTRIBUTE = "user.spectool.sha256"


def mark_as_written(descriptor: int, data: bytes) -> None:
    """Record on the open file that spectool wrote `data` to it (where the filesystem keeps attributes)."""
    setxattr = getattr(os, "setxattr", None)
    if setxattr is None:
        return  # a platform without extended attributes: -o then needs --force to replace the file
    try:
        setxattr(descriptor, WRITTEN_ATTRIBUTE, hashlib.sha256(data).hexdigest().encode("ascii"))
    except OSError:
        return  # a filesystem that keeps no user attributes: the same


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """UsageError when `path` is one of `inputs` (through any name or link)."""
    for source in inputs:
        if Path(source).exists() and path.exists() and path.resolve() == Path(source).resolve():
            raise UsageError(f"{path}: refusing to write over an input file")


TEMPORARY_SUFFIX = ".tmp"
# A temporary file untouched for this long belongs to a write that was killed: a live write keeps
# its file's time fresh, and renames it away within moments of its last byte.
STALE_AFTER_SECONDS = 15 * 60


def sweep_stale_temporaries(path: Path, *, now: float | None = None) -> list[Path]:
    """Remove what killed writes of `path` left: `.NAME.XXXXXXXX.tmp` beside it, if stale; those removed."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}{re.escape(TEMPORARY_SUFFIX)}")
    cutoff = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = []
    try:
        candidates = [entry for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return []
    for entry in candidates:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove: either way nothing to do
    return removed


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so that a rename in it survives a power cut."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a platform whose folders cannot be opened has no folder sync either
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step (Linux renameat2); False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a filesystem or kernel without the exchange
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    # ctypes is loaded only for a swap: importing it costs a check answered from its cache a tenth.
    import ctypes
    import ctypes.util

    try:
        function = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).renameat2
    except (OSError, AttributeError):
        return None  # not Linux, or a C library older than glibc 2.28
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return cast("Callable[[int, bytes, int, bytes, int], int]", function)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or 0666 less the umask for a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str, *, inputs: Iterable[Path] = ()) -> None:
    """UTF-8 text, LF line ends, written atomically."""
    write_bytes_atomic(path, text.encode("utf-8"), inputs=inputs)
