"""Diff lists of blocks (paragraphs and tables) and the rows and cells of tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from spectool.diff.model import (
    BlockDiff,
    CellDiff,
    Op,
    ParagraphDiff,
    Presence,
    RowDiff,
    Segment,
    TableDiff,
)
from spectool.diff.page import Block, Paragraph, Row, TableBlock
from spectool.diff.words import diff_words

# Two blocks that are not identical are paired (and diffed word by word) at this similarity (0-100).
PAIR_CUTOFF = 50.0

Item = TypeVar("Item")


def align(
    old: Sequence[Item],
    new: Sequence[Item],
    identity: Callable[[Item], str],
    similarity_text: Callable[[Item], str],
    *,
    anchor_first: bool = False,
) -> list[tuple[Item | None, Item | None]]:
    """Pairs in reading order: identical items first (longest common run), then similar ones in
    order; what is left is deleted (old only) or inserted (new only), deletions first."""
    if anchor_first and old and new:
        rest = align(old[1:], new[1:], identity, similarity_text)
        return [(old[0], new[0]), *rest]
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(identity(item), len(vocabulary)) for item in old]
    new_ids = [vocabulary.setdefault(identity(item), len(vocabulary)) for item in new]
    out: list[tuple[Item | None, Item | None]] = []
    old_at = new_at = 0
    for opcode in Indel.opcodes(old_ids, new_ids):
        if opcode.tag != "equal":
            continue
        similar = _pair_similar(
            old[old_at : opcode.src_start], new[new_at : opcode.dest_start], similarity_text
        )
        out.extend(similar)
        out.extend(
            zip(old[opcode.src_start : opcode.src_end], new[opcode.dest_start : opcode.dest_end], strict=True)
        )
        old_at, new_at = opcode.src_end, opcode.dest_end
    similar = _pair_similar(old[old_at:], new[new_at:], similarity_text)
    out.extend(similar)
    return out


def _pair_similar(
    old: Sequence[Item], new: Sequence[Item], text: Callable[[Item], str]
) -> list[tuple[Item | None, Item | None]]:
    out: list[tuple[Item | None, Item | None]] = []
    next_new = 0
    for item in old:
        scores = [fuzz.ratio(text(item), text(candidate)) for candidate in new[next_new:]]
        best = max(range(len(scores)), key=scores.__getitem__, default=None)
        if best is None or scores[best] < PAIR_CUTOFF:
            out.append((item, None))
            continue
        out.extend((None, inserted) for inserted in new[next_new : next_new + best])
        out.append((item, new[next_new + best]))
        next_new += best + 1
    out.extend((None, inserted) for inserted in new[next_new:])
    return out


def diff_blocks(old: Sequence[Block], new: Sequence[Block], *, anchor_first: bool = False) -> list[BlockDiff]:
    """Paragraphs diffed word by word, tables row by row; unpaired blocks whole."""
    out: list[BlockDiff] = []
    for before, after in align(old, new, _identity, _similarity_text, anchor_first=anchor_first):
        if before is None:
            assert after is not None
            out.append(whole(after, Presence.NEW))
        elif after is None:
            out.append(whole(before, Presence.OLD))
        elif isinstance(before, Paragraph) and isinstance(after, Paragraph):
            out.append(ParagraphDiff(after.style, diff_words(before.text, after.text)))
        elif (
            isinstance(before, TableBlock)
            and isinstance(after, TableBlock)
            and before.columns == after.columns
        ):
            out.append(diff_tables(before, after))
        else:
            out.extend((whole(before, Presence.OLD), whole(after, Presence.NEW)))
    return out


def diff_tables(old: TableBlock, new: TableBlock) -> TableDiff:
    rows: list[RowDiff] = []
    for before, after in align(old.rows, new.rows, _row_identity, _row_text):
        if before is None or after is None or before.header != after.header:
            rows.extend(
                whole_row(row, presence)
                for row, presence in ((before, Presence.OLD), (after, Presence.NEW))
                if row
            )
            continue
        cells = tuple(
            CellDiff(tuple(diff_blocks(a, b, anchor_first=True)))
            for a, b in zip(before.cells, after.cells, strict=True)
        )
        rows.append(RowDiff(cells, Presence.BOTH, after.header, _row_label(after)))
    return TableDiff(new.style, new.columns, tuple(rows))


def whole(block: Block, presence: Presence) -> BlockDiff:
    """A block that only one version has."""
    if isinstance(block, Paragraph):
        op = Op.INSERT if presence is Presence.NEW else Op.DELETE
        segments = (Segment(op, block.text),) if block.text else ()
        return ParagraphDiff(block.style, segments, presence)
    return TableDiff(
        block.style, block.columns, tuple(whole_row(row, presence) for row in block.rows), presence
    )


def whole_row(row: Row, presence: Presence) -> RowDiff:
    cells = tuple(CellDiff(tuple(whole(block, presence) for block in cell)) for cell in row.cells)
    return RowDiff(cells, presence, row.header, _row_label(row))


def unchanged(block: Block) -> BlockDiff:
    """A block both versions hold as it is."""
    if isinstance(block, Paragraph):
        return ParagraphDiff(block.style, (Segment(Op.EQUAL, block.text),) if block.text else ())
    rows = tuple(
        RowDiff(
            tuple(CellDiff(tuple(unchanged(b) for b in cell)) for cell in row.cells),
            Presence.BOTH,
            row.header,
            _row_label(row),
        )
        for row in block.rows
    )
    return TableDiff(block.style, block.columns, rows)


def _identity(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"p\x00{block.body}"
    return f"t\x00{block.columns}\x00" + "\x00".join(_row_text(row) for row in block.rows)


def _similarity_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.body
    return " ".join(_row_text(row) for row in block.rows)


def _row_identity(row: Row) -> str:
    return f"k\x00{row.key}" if row.key else f"r\x00{row.header}\x00{_row_text(row)}"


def _row_text(row: Row) -> str:
    return " | ".join(_cell_text(cell) for cell in row.cells)


def _cell_text(cell: tuple[Block, ...]) -> str:
    return " ".join(_similarity_text(block) for block in cell)


def _row_label(row: Row) -> str:
    return row.key or (_cell_text(row.cells[0]) if row.cells else "")
