"""A pack's manifest: every file spectool wrote into it, with its size and hash.

It is what proves a folder to be a pack that the next pack may replace: a folder is replaced only
when it holds exactly the files its manifest lists, unchanged, so nothing a user put there or edited
is ever lost.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from spectool import __version__

MANIFEST = "spectool-pack.json"
FORMAT = "spectool pack manifest"


def render_manifest(folder: Path, amendment_id: str) -> str:
    """The manifest of every file below `folder` (the manifest itself aside), as JSON text."""
    files = {name: _entry(folder / name) for name in _files_below(folder) if name != MANIFEST}
    document = {"format": FORMAT, "version": 1, "spectool": __version__, "amendment": amendment_id}
    return json.dumps({**document, "files": files}, indent=2, sort_keys=True) + "\n"


def why_not_a_pack(folder: Path) -> str | None:
    """None when `folder` is a pack whose files are all as spectool wrote them; else the reason."""
    try:
        document = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"it has no {MANIFEST}"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return f"its {MANIFEST} cannot be read"
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return f"its {MANIFEST} is not a spectool pack manifest"
    listed = document.get("files")
    if not isinstance(listed, dict):
        return f"its {MANIFEST} lists no files"
    present = set(_files_below(folder)) - {MANIFEST}
    extra = sorted(present - set(listed))
    if extra:
        return f"it holds {extra[0]}, which spectool did not write" + (
            f" (and {len(extra) - 1} more)" if len(extra) > 1 else ""
        )
    for name, entry in sorted(listed.items()):
        if name not in present:
            return f"{name} is missing from it"
        if _entry(folder / name) != entry:
            return f"{name} has changed since spectool wrote it"
    return None


def _files_below(folder: Path) -> list[str]:
    # Symbolic links count as files: spectool writes none, so one is a sign of someone else's hand.
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_symlink() or not path.is_dir()
    )


def _entry(path: Path) -> dict[str, object]:
    if path.is_symlink() or not path.is_file():
        return {"kind": "other"}
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
