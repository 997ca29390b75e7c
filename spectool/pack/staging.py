"""Build a folder beside its destination and move it into place whole, or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spectool.errors import UsageError

# A folder holding this file was written by spectool pack, and may be replaced by the next pack.
MARKER = "pack.log"


class Incomplete(Exception):
    """Raised inside `staged_directory` to keep the staged folder aside instead of moving it in."""


def check_destination(destination: Path, inputs: Iterable[Path]) -> Path:
    """The resolved destination, or UsageError when replacing it could lose something the user has."""
    destination = destination.resolve()
    here = Path.cwd().resolve()
    if here == destination or here.is_relative_to(destination):
        raise UsageError(f"{destination}: refusing to write a pack over the working folder or one above it")
    for source in inputs:
        if source.resolve().is_relative_to(destination):
            raise UsageError(f"{destination}: refusing to write a pack over a folder that holds {source}")
    if destination.exists():
        if not destination.is_dir():
            raise UsageError(f"{destination}: exists and is not a folder")
        if any(destination.iterdir()) and not (destination / MARKER).is_file():
            raise UsageError(
                f"{destination}: exists and is not a spectool pack (no {MARKER}): refusing to replace it"
            )
    return destination


@contextmanager
def staged_directory(destination: Path, *, failed: Path | None = None) -> Iterator[Path]:
    """Yield an empty folder next to `destination`; when the body ends, it replaces `destination`.

    If the body raises Incomplete, the staged folder goes to `failed` instead (when given) and
    `destination` is left as it was; on any other error the staged folder is removed. Either way a
    failed run never leaves half a pack over a good one.
    """
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=destination.parent))
    except OSError as error:
        raise UsageError(f"{destination}: cannot write: {error.strerror or error}") from None
    # mkdtemp makes the folder private; a pack is for reading, so give it a plain folder's mode.
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
    except Incomplete:
        if failed is None:
            shutil.rmtree(staging, ignore_errors=True)
        else:
            replace_directory(staging, failed)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_directory(staging, destination)


def replace_directory(source: Path, destination: Path) -> None:
    """Put `source` where `destination` is: the old folder moves aside first, then goes."""
    if not destination.exists():
        os.replace(source, destination)
        return
    if not destination.is_dir():
        raise NotADirectoryError(f"{destination} exists and is not a folder")
    aside = Path(tempfile.mkdtemp(prefix=f".{destination.name}.old.", dir=destination.parent))
    aside.rmdir()
    os.replace(destination, aside)
    try:
        os.replace(source, destination)
    except OSError:
        os.replace(aside, destination)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
