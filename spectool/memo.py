"""A run's memo: what one run works out once (tables, joined texts, glossaries, coverage), typed by kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

Value = TypeVar("Value")


@dataclass(frozen=True, slots=True, eq=False)
class MemoKind(Generic[Value]):
    """One kind of value a run works out once: `MemoKind[TerminologyTable]("terminology table")`."""

    name: str


class RunMemo:
    """Values worked out once per run, each by its kind and the objects it was worked out from.

    A run is one `spectool.api.Workspace` (or one check): the memo ends with it, so nothing is kept
    process-wide. It holds the objects a value was worked out from as well as the value, so that an
    object's identity cannot pass to another object while the memo lives.
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[tuple[MemoKind[Any], tuple[int, ...]], tuple[tuple[object, ...], object]] = {}

    def once(self, kind: MemoKind[Value], sources: tuple[object, ...], make: Callable[[], Value]) -> Value:
        """The value of `kind` for these very `sources` (by identity), made by `make` the first time."""
        key = (kind, tuple(id(source) for source in sources))
        hit = self._values.get(key)
        if hit is not None:
            return cast(Value, hit[1])
        value = make()
        self._values[key] = (sources, value)
        return value

    def __len__(self) -> int:
        return len(self._values)
