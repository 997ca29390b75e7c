"""The cache entry of one check: where it is kept, the key its inputs give, and whether it may be cached."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spectool.cache.codec import CachedCheck
from spectool.cache.key import content_key, slot_of
from spectool.cache.settings import cache_settings
from spectool.cache.store import CheckCache
from spectool.config import Config
from spectool.sources import AMENDMENT_SUFFIX


class CacheEntry:
    """One check's entry in the cache folder."""

    def __init__(self, store: CheckCache, options: list[str], inputs: Sequence[Path]) -> None:
        self.store, self.slot, self.key = store, slot_of(options), content_key(inputs, options)

    def load(self) -> CachedCheck | None:
        return self.store.load(self.slot, self.key)

    def save(self, checked: CachedCheck) -> None:
        self.store.save(self.slot, self.key, checked)


def cache_entry(
    config: Config,
    use_cache: bool | None,
    paths: Sequence[Path],
    select: Sequence[str],
    ignore: Sequence[str],
    inputs: Sequence[Path],
    baseline: str | None,
) -> CacheEntry | None:
    """The entry, when the cache is on (`use_cache`, else `[cache] enabled`) and the result depends on
    files alone: not against a baseline (a git revision) nor with amendments (measured on their base)."""
    settings = cache_settings(config, override=use_cache)
    if not settings.enabled or baseline is not None or any(p.suffix == AMENDMENT_SUFFIX for p in paths):
        return None
    options = [str(config.path or ""), *map(str, paths), "--select", *select, "--ignore", *ignore]
    return CacheEntry(CheckCache(settings.folder), options, inputs)
