"""Build a folder beside its destination and swap it into place whole, or not at all.

The swap is one exchange of two names (Linux renameat2), so the destination is never missing; the
old pack, now under the staging name, is then removed. Where the system has no exchange, the old
pack moves aside under a name of spectool's own and the next run puts it back if it was killed in
between. Every name spectool uses beside the destination starts `.NAME.spectool-`, so a later run
knows which leftovers are its own to sweep.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spectool.atomic import exchange_paths, sync_folder
from spectool.errors import UsageError
from spectool.pack.manifest import MANIFEST, why_not_a_pack

STAGING, ASIDE = "spectool-pack-", "spectool-old-"
# How long a second pack into the same folder waits for the first before giving up.
LOCK_WAIT_SECONDS = 600.0


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
        reason = why_not_a_pack(destination) if any(destination.iterdir()) else None
        if reason is not None:
            raise UsageError(
                f"{destination}: refusing to replace it: {reason}, so its {MANIFEST} does not prove it "
                "to be a pack that spectool wrote (move it away, or choose another -o)"
            )
    return destination


def sweep_leftovers(destination: Path) -> list[Path]:
    """Restore a pack that a killed swap left aside, then remove staging folders of killed runs.

    Call only while holding `pack_lock(destination)`: no other run is using these names then.
    """
    removed: list[Path] = []
    # Only names this release makes: earlier ones (`.NAME.` and eight letters) are too plain to be
    # sure that a folder so named is spectool's.
    ours = re.compile(rf"\.{re.escape(destination.name)}\.(?:{STAGING}|{ASIDE})[a-z0-9_]+")
    try:
        entries = sorted(destination.parent.iterdir())
    except FileNotFoundError:
        return removed
    for entry in entries:
        if not ours.fullmatch(entry.name) or not entry.is_dir() or entry.is_symlink():
            continue
        aside = entry.name.startswith(f".{destination.name}.{ASIDE}")
        if aside and not destination.exists():
            os.replace(entry, destination)  # the pack a killed swap took away comes back
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    if removed:
        sync_folder(destination.parent)
    return removed


@contextmanager
def pack_lock(destination: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock on the folder that holds `destination`: one pack at a time is written there.

    The lock is on the folder itself, so no lock file is left behind; it goes when the process
    does, however it ends. After `wait` seconds of another pack holding it, UsageError.
    """
    folder = destination.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise UsageError(f"{destination}: cannot write: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UsageError(
                        f"{destination}: another spectool pack is writing in {folder}: "
                        f"gave up after waiting {wait:.0f} s (try again when it has finished)"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextmanager
def staged_directory(destination: Path, *, failed: Path | None = None) -> Iterator[Path]:
    """Yield an empty folder next to `destination`; when the body ends, it replaces `destination`.

    If the body raises Incomplete, the staged folder goes to `failed` instead (when given) and
    `destination` is left as it was; on any other error the staged folder is removed. Either way a
    failed run never leaves half a pack over a good one.
    """
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.{STAGING}", dir=destination.parent))
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
    """Put `source` where `destination` is, in one step where the system allows; the old folder goes."""
    if destination.exists() and not destination.is_dir():
        raise NotADirectoryError(f"{destination} exists and is not a folder")
    if not destination.exists():
        os.replace(source, destination)
    elif exchange_paths(source, destination):
        sync_folder(destination.parent)
        shutil.rmtree(source, ignore_errors=True)  # the old pack, now under the staging name
        return
    else:
        aside = Path(tempfile.mkdtemp(prefix=f".{destination.name}.{ASIDE}", dir=destination.parent))
        aside.rmdir()
        os.replace(destination, aside)
        try:
            os.replace(source, destination)
        except OSError:
            os.replace(aside, destination)
            raise
        shutil.rmtree(aside, ignore_errors=True)
    sync_folder(destination.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
