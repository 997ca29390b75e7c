"""Build a folder beside its destination and move it into place whole, or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_directory(destination: Path) -> Iterator[Path]:
    """Yield an empty folder next to `destination`; on success it replaces `destination`.

    If the body raises, the staging folder is removed and `destination` is left as it was,
    so a failed run never leaves half a pack over a good one.
    """
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=destination.parent))
    try:
        yield staging
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
