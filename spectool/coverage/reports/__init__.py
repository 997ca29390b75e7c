"""Coverage reporters: one module per format, each a set of functions of their input alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spectool.coverage.assess import Explanation, SpecCoverage
from spectool.coverage.compare import Comparison
from spectool.coverage.reports import as_html, as_json, as_markdown, as_text
from spectool.errors import UsageError


class Renderer(Protocol):
    """What every format module provides."""

    def render_matrices(self, coverages: Sequence[SpecCoverage]) -> str: ...

    def render_explanations(self, explanations: Sequence[Explanation]) -> str: ...

    def render_comparisons(self, comparisons: Sequence[Comparison]) -> str: ...


RENDERERS: dict[str, Renderer] = {
    "text": as_text,
    "markdown": as_markdown,
    "html": as_html,
    "json": as_json,
}


def renderer(name: str) -> Renderer:
    found = RENDERERS.get(name)
    if found is None:
        raise UsageError(f"no coverage format {name!r}: expected one of {', '.join(RENDERERS)}")
    return found
