"""Where a line of an imported spec stands in its Word document: "paragraph 37", "table 2, row 3"."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spectool.model.document import Clause, Definition, Paragraph, Spec, SubItem, Table
from spectool.model.provenance import (
    PARAGRAPH,
    TABLE,
    ProvenancedBlock,
    WordLocation,
    keyed_blocks,
    origin_index,
)


class WordPlaces:
    """Finds the block that holds a source line, then the Word paragraph, row or cell behind it."""

    def __init__(self, spec: Spec) -> None:
        self.document = spec.source.name if spec.source is not None else ""
        by_key = origin_index(spec)
        blocks = [(_start_line(block), block, by_key.get(key, ())) for key, block in keyed_blocks(spec)]
        blocks = [entry for entry in blocks if entry[0] > 0]
        blocks.sort(key=lambda entry: entry[0])
        self._lines = [line for line, _, _ in blocks]
        self._blocks = [(block, locations) for _, block, locations in blocks]

    def place(self, line: int, column: int) -> str:
        """ "SMETS2 v5.0.docx, paragraph 37"; "" when the line comes from no recorded Word element."""
        at = bisect_right(self._lines, line) - 1
        if at < 0 or not self.document:
            return ""
        block, locations = self._blocks[at]
        location = _within(block, locations, line, column)
        return f"{self.document}, {location}" if location else ""


def _start_line(block: ProvenancedBlock) -> int:
    return block.position.line


def _within(block: ProvenancedBlock, locations: tuple[WordLocation, ...], line: int, column: int) -> str:
    """The paragraph, row or cell of `block` that source line `line` was read from."""
    if not locations:
        return ""
    if isinstance(block, Table):
        table = next((location for location in locations if location.kind == TABLE), None)
        if table is not None:
            return _cell(block, table, line, column)
    paragraphs = [location for location in locations if location.kind == PARAGRAPH]
    if isinstance(block, Clause | Definition | Paragraph) and paragraphs:
        lines = list(_text_lines(block))
        # One source line per Word paragraph: the line tells the paragraph; otherwise the block's first.
        if len(lines) == len(paragraphs) and line in lines:
            return paragraphs[lines.index(line)].describe()
    return locations[0].describe()


def _text_lines(block: Clause | Definition | Paragraph) -> Iterator[int]:
    yield from (start[0] for start in block.text.line_starts)
    for item in block.items:
        yield from _item_lines(item)


def _item_lines(item: SubItem) -> Iterator[int]:
    yield from (start[0] for start in item.text.line_starts)
    for child in item.items:
        yield from _item_lines(child)


def _cell(table: Table, location: WordLocation, line: int, column: int) -> str:
    for row, starts in enumerate(table.cell_starts, 1):
        if not starts or starts[0][0] != line:
            continue
        cell = sum(1 for start_line, start_column in starts if start_line == line and start_column <= column)
        return f"{location.describe()}, row {row}, cell {max(cell, 1)}"
    return location.describe()
