"""Whether an existing output file is spectool's own, so that `-o` may replace it without `--force`.

Every file spectool writes carries the hash of its bytes in an extended attribute (where the filesystem
keeps them); a spec source that `import` writes also ends with a signature line holding the hash of the
text above it, and a Word file that spectool writes names spectool as its application, which Word
rewrites on saving. Either way, a file a person has written or edited since is not spectool's to replace.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from spectool.atomic import WRITTEN_ATTRIBUTE, refuse_inputs
from spectool.errors import UsageError

_SIGNATURE = re.compile(r"// spectool import of (?P<name>.*), sha256 (?P<hash>[0-9a-f]{64})\n\Z")
_APPLICATION = re.compile(rb"<Application>spectool</Application>")


def sign_spec_source(text: str, document: str) -> str:
    """`text` with the signature line that lets the next import replace it while it is unedited."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{text}// spectool import of {document}, sha256 {digest}\n"


def written_by_spectool(path: Path) -> bool:
    """True when `path` is, unedited, a file that spectool wrote."""
    try:
        data = path.read_bytes() if path.stat().st_size <= 64 * 1024 * 1024 else b""
    except OSError:
        return False
    if _recorded_hash(path) == hashlib.sha256(data).hexdigest():
        return True
    if data.startswith(b"PK"):
        return _is_spectool_docx(path)
    text = data.decode("utf-8", errors="replace")
    body, _, last = text[:-1].rpartition("\n")
    match = _SIGNATURE.fullmatch(last + "\n")
    return match is not None and hashlib.sha256((body + "\n").encode("utf-8")).hexdigest() == match["hash"]


def _recorded_hash(path: Path) -> str | None:
    getxattr = getattr(os, "getxattr", None)
    if getxattr is None:
        return None
    try:
        return bytes(getxattr(path, WRITTEN_ATTRIBUTE)).decode("ascii", errors="replace")
    except OSError:
        return None


def _is_spectool_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            properties = archive.read("docProps/app.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError, EOFError):
        return False
    return _APPLICATION.search(properties) is not None


def refuse_to_overwrite(path: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """UsageError when `path` is an input, or exists and is not spectool's own unedited output
    (unless `force`: which never lets an input be written over)."""
    refuse_inputs(path, inputs)
    if force or not path.exists():
        return
    if path.is_dir():
        raise UsageError(f"{path}: is a folder: expected a file to write")
    if not path.is_file():
        raise UsageError(f"{path}: exists and is not a regular file: refusing to replace it")
    if not written_by_spectool(path):
        raise UsageError(
            f"{path}: exists, and spectool did not write it (or it has been edited since): "
            "refusing to overwrite it; pass --force to replace it"
        )
