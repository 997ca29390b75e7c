"""The contents list export writes afresh: one entry per heading of the first three levels."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.diff.page import clean_text
from spectool.model.document import Heading, Section, Spec
from spectool.wordml.part_labels import counted_labels

CONTENTS_LEVELS = 3  # the TOC field's \o "1-3"


def contents_entries(spec: Spec) -> tuple[tuple[int, str], ...]:
    """(level, text) of each heading a contents list shows, in document order."""
    return tuple(entry for entry in _headings(spec) if entry[0] <= CONTENTS_LEVELS and entry[1])


def _headings(spec: Spec) -> Iterator[tuple[int, str]]:
    for block in spec.front:
        if isinstance(block, Heading):
            yield block.level, _entry(block.label, block.title)
    for section, counted in zip(spec.sections, counted_labels(spec.sections), strict=True):
        # A section counted from its label ("Part I Scope") shows as its heading does, with no "1".
        number = "" if counted else str(section.number)
        yield section_level(section), _entry(number, section.title)
        for block in section.blocks:
            if isinstance(block, Heading):
                yield block.level, _entry(block.label, block.title)


def section_level(section: Section) -> int:
    return min(section.number.depth, 9)


def _entry(label: str, title: str) -> str:
    return " ".join(clean_text(f"{label} {title}").split())
