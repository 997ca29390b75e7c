"""Write the imported source atomically, and never over the document it came from."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from spectool.errors import UsageError


def check_target(target: Path, source: Path) -> None:
    """Refuse an output path that is the input document itself."""
    same = target.resolve() == source.resolve()
    if not same and target.exists() and source.exists():
        same = os.path.samefile(target, source)
    if same:
        raise UsageError(f"{target}: this is the input document; choose another output path with -o")


def write_atomically(text: str, target: Path) -> None:
    """A temporary file in the target's folder, then os.replace: readers never see half a file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError(f"{target}: cannot write: {error.strerror or error}") from None
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"{target}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The mode a new file gets (mkstemp makes it 0600), or the mode of the file being replaced."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
