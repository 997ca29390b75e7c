"""Which passages a terminology entry applies to."""

from __future__ import annotations

from spectool.rules.passages import Kind
from spectool.rules.terminology.table import Scope


def in_scope(scope: Scope, kind: Kind) -> bool:
    return scope is Scope.ALL or kind is Kind.REQUIREMENT


def shown(text: str) -> str:
    """Matched text as a reader sees it: line breaks and repeated spaces made single spaces."""
    return " ".join(text.split())
