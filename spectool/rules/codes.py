"""Rule codes as the command line gives them: `--select TERM,def001` is ("TERM", "DEF001")."""

from __future__ import annotations

from collections.abc import Sequence


def patterns(values: Sequence[str]) -> tuple[str, ...]:
    """`--select TERM,def001` -> ("TERM", "DEF001")."""
    return tuple(part.strip().upper() for value in values for part in value.split(",") if part.strip())
