"""`[cache]` in spectool.toml: whether `check` keeps its results, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spectool.cache.store import FOLDER
from spectool.config import Config

_KEYS = ("enabled", "folder")


@dataclass(frozen=True, slots=True)
class CacheSettings:
    enabled: bool
    folder: Path


def cache_settings(config: Config, *, override: bool | None = None) -> CacheSettings:
    """The `[cache]` table (off, in .spectool_cache/ beside the configuration, unless set);
    `override` is the command line's --cache or --no-cache."""
    table = config.table("cache")
    for key in table:
        if key not in _KEYS:
            raise config.error(
                f"cache.{key}", f"unknown key 'cache.{key}': expected one of {', '.join(_KEYS)}"
            )
    enabled = table.get("enabled", False)
    if not isinstance(enabled, bool):
        raise config.error("cache.enabled", "'cache.enabled' must be true or false")
    folder = table.get("folder", FOLDER)
    if not isinstance(folder, str) or not folder.strip():
        raise config.error("cache.folder", "'cache.folder' must be a folder path")
    return CacheSettings(enabled if override is None else override, config.resolve(folder))
