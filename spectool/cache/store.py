"""The cache folder (.spectool_cache/): one JSON file per way of calling a check, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from spectool.cache.codec import CachedCheck, from_json, to_json

FOLDER = ".spectool_cache"
FORMAT = 1  # the layout of an entry; a file of another layout is a miss
# CACHEDIR.TAG tells backup tools to skip the folder (https://bford.info/cachedir/), as ruff's does.
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks a cache folder made by spectool.\n"


class CheckCache:
    """Checks kept in a folder: a read gives the stored check only when its key is the one asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, slot: str, key: str) -> CachedCheck | None:
        """The check stored under `slot` for `key`; None when there is none, it was made from other
        inputs, or the file is damaged in any way (then the check simply runs again)."""
        try:
            data = json.loads((self.folder / f"{slot}.json").read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            return from_json(data["check"])
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, slot: str, key: str, check: CachedCheck) -> None:
        """Store `check` under `slot`; a cache that cannot be written is skipped, never an error."""
        text = json.dumps({"format": FORMAT, "key": key, "check": to_json(check)}, ensure_ascii=False)
        try:
            self._prepare()
            handle, temporary = tempfile.mkstemp(prefix=f".{slot}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(temporary, self.folder / f"{slot}.json")
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return

    def _prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(_TAG, encoding="utf-8")
            (self.folder / ".gitignore").write_text("# made by spectool\n*\n", encoding="utf-8")
