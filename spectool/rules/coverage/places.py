"""Where a coverage finding can be acted on: the row's definition in the coverage file, with the
column's definition and the spec's sections on that device and scenario as related places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spectool.config import Config, locate_key
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.findings import RelatedLocation
from spectool.model.document import Spec

MOST_SECTIONS = 3  # related sections per side: enough to start from, not a list of the whole spec


@dataclass(frozen=True, slots=True)
class Place:
    path: str
    line: int
    column: int
    end_column: int


class MatrixPlaces:
    """Lines of the rows and columns of the configured matrices, in the file that defines them."""

    def __init__(self, config: Config, coverage_file: Path | None) -> None:
        if coverage_file is not None:
            self._path: Path | None = coverage_file
            self._prefix: tuple[str, ...] = ("matrices",)
        else:  # inline in the configuration
            self._path = config.path
            self._prefix = (*config.prefix, "coverage", "matrices")

    def of(self, matrix: CoverageMatrix, kind: str, key: str) -> Place | None:
        """Where `[matrices.NAME.KIND.KEY]` is written (kind "rows" or "columns"); None if nowhere."""
        line, text = locate_key(self._path, (*self._prefix, matrix.name, kind, key))
        if self._path is None or not line:
            return None
        start = len(text) - len(text.lstrip()) + 1
        return Place(str(self._path), line, start, len(text.rstrip()) + 1)


def concerned_sections(spec: Spec, matrix: CoverageMatrix, row: Row, column: Column) -> list[RelatedLocation]:
    """The sections of `spec` whose headings name the row's device or the column's scenario, by the
    terms that are the row's (or column's) alone: "ESME", shared by every ESME row, picks none."""
    related = []
    rows, columns = matrix.rows, matrix.columns
    for label, terms in ((row.label, _own(row, rows)), (column.label, _own(column, columns))):
        pattern = _any_of(terms)
        found = [section for section in spec.sections if pattern and pattern.search(section.title)]
        for section in found[:MOST_SECTIONS]:
            related.append(
                RelatedLocation(
                    spec.path,
                    section.position.line,
                    section.position.column,
                    f"{spec.name} {spec.version} section {section.id} {section.title}: on {label}",
                )
            )
    return related


def _own(item: Row | Column, others: tuple[Row, ...] | tuple[Column, ...]) -> tuple[str, ...]:
    shared = {term.lower() for other in others if other.key != item.key for term in other.terms}
    return tuple(term for term in item.terms if term.lower() not in shared)


def _any_of(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = [re.escape(term.rstrip("*")) for term in terms if term.strip("*").strip()]
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)
