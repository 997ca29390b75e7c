"""Typed reading of one configuration table, every mistake reported at the key's line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spectool.config import Config
from spectool.errors import ConfigError


class TableReader:
    """The table at `dotted` (e.g. `terminology.replace.supply-outage`) of a configuration."""

    def __init__(self, config: Config, dotted: str, data: dict[str, Any]) -> None:
        self.config = config
        self.dotted = dotted
        self.data = data

    @classmethod
    def top(cls, config: Config, name: str) -> TableReader:
        return cls(config, name, config.table(name))

    @property
    def name(self) -> str:
        """The last part of the dotted key: the entry's own name."""
        return self.dotted.rsplit(".", 1)[-1]

    def key(self, key: str) -> str:
        return f"{self.dotted}.{key}"

    def error(self, key: str, message: str, *, hint: str = "") -> ConfigError:
        return self.config.error(self.key(key) if key else self.dotted, message, hint=hint)

    def reject_unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"unknown key '{self.key(key)}': expected one of {', '.join(allowed)}")

    def string(self, key: str, *, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            raise self.error("", f"'{self.dotted}' needs '{key}'")
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"'{self.key(key)}' must be a non-empty string")
        return value.strip()

    def strings(
        self, key: str, *, default: tuple[str, ...] | None = None, verbatim: bool = False
    ) -> tuple[str, ...]:
        """A string or a list of strings, none of them empty; spacing made single unless `verbatim`."""
        value = self.data.get(key)
        if value is None:
            if default is None:
                raise self.error("", f"'{self.dotted}' needs '{key}'")
            return default
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise self.error(key, f"'{self.key(key)}' must be a string or a list of non-empty strings")
        return tuple(values) if verbatim else tuple(" ".join(v.split()) for v in values)

    def choice(self, key: str, choices: tuple[str, ...], *, default: str) -> str:
        value = self.string(key, default=default)
        if value not in choices:
            raise self.error(key, f"'{self.key(key)}' must be one of {', '.join(choices)}, not '{value}'")
        return value

    def entries(self, key: str) -> Iterator[TableReader]:
        """The named subtables of `[dotted.key]`, in file order."""
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, f"'{self.key(key)}' must be a table of named entries")
        yield from TableReader(self.config, self.key(key), value).subtables()

    def subtables(self) -> Iterator[TableReader]:
        """Every value of this table, each of which must itself be a table (a named entry)."""
        for name, entry in self.data.items():
            if not isinstance(entry, dict):
                raise self.error(name, f"'{self.key(name)}' must be a table")
            yield TableReader(self.config, self.key(name), entry)

    def records(self, key: str) -> list[dict[str, Any]]:
        """A list of inline tables, such as `states = [{ text = "...", value = "..." }]`."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error(key, f"'{self.key(key)}' must be a list of inline tables")
        return value
