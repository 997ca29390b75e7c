"""The plain text of a page or of one side of a redline, as a word processor saves it as text.

One line per paragraph; a table gives one line per paragraph of each cell, row by row, cell by cell.
Blank lines are left out: Word cannot always avoid an empty paragraph where a table meets a
deleted paragraph, and an empty paragraph carries no text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spectool.diff.model import BlockDiff, Elision, ParagraphDiff, Redline, Side
from spectool.diff.page import Block, Page, Paragraph

ELISION_TEXT = "..."


def page_lines(page: Page) -> list[str]:
    return normalise_lines(line for unit in page.units for line in _block_lines(unit.blocks))


def redline_lines(redline: Redline, side: Side) -> list[str]:
    """The text of `side` as the redline shows it: what accepting (NEW) or rejecting (OLD) all gives."""
    lines: list[str] = []
    for unit in redline.units:
        if isinstance(unit, Elision):
            lines.append(ELISION_TEXT)
        elif unit.side is None or unit.side is side:
            lines.extend(_diff_lines(unit.blocks, side))
    return normalise_lines(lines)


def normalise_lines(lines: Iterable[str]) -> list[str]:
    """Trailing spaces dropped, blank lines left out."""
    return [line.rstrip() for line in lines if line.strip()]


def _block_lines(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
            continue
        for row in block.rows:
            for cell in row.cells:
                yield from _block_lines(cell)


def _diff_lines(blocks: Iterable[BlockDiff], side: Side) -> Iterator[str]:
    for block in blocks:
        if not block.presence.on(side):
            continue
        if isinstance(block, ParagraphDiff):
            yield block.text(side)
            continue
        for row in block.rows:
            if row.presence.on(side):
                for cell in row.cells:
                    yield from _diff_lines(cell.blocks, side)
