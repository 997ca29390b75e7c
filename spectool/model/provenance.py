"""Where an imported spec came from: its Word document, and the paragraph or table behind each block.

A block is named by a key that the spec's own structure gives (docs/format.md, "Provenance"):
a section or clause by its number (`5.7`, `5.7.1`), every other block by the numbered block it
follows and how far after it it stands (`5.7.1+2`: the second block after clause 5.7.1, counting its
notes, tables and footnotes), and the blocks before the first section by `front+N`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spectool.model.document import (
    NOWHERE,
    Block,
    Clause,
    Definition,
    Position,
    Section,
    Spec,
)

PARAGRAPH, TABLE, ROW, FOOTNOTE, ENDNOTE = "paragraph", "table", "row", "footnote", "endnote"
FRONT = "front"
_LOCATION = re.compile(
    r"(?:p(?P<paragraph>[0-9]{1,9})|t(?P<table>[0-9]{1,9})(?:r(?P<row>[0-9]{1,9}))?)"
    r"@(?P<path>[0-9]{1,9}(?:\.[0-9]{1,9}){0,15})"
    r"|(?P<note>footnote|endnote):(?P<id>-?[0-9]{1,9})"
)
_KEY = re.compile(r"(?:front|[0-9]{1,9}[A-Z]{0,3}(?:\.[0-9]{1,9}[A-Z]{0,3})*)(?:\+[0-9]{1,9})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The Word document a spec was imported from: its file name and the SHA-256 of its bytes."""

    name: str
    sha256: str

    @staticmethod
    def is_digest(value: str) -> bool:
        return _SHA256.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class WordLocation:
    """One `w:p`, `w:tbl` or `w:tr` of word/document.xml, or one footnote or endnote.

    `path` holds element-child indices (0-based) from `w:body` down to the element: `(11,)` is the
    body's twelfth child; `(16, 3, 2, 0)` a paragraph in a cell. `number` is the paragraph's
    1-based place in document order, counting the paragraphs inside tables (as the import's warnings
    number them), or the table's 1-based place among the tables; `row` is the row's 1-based place in
    its table. A footnote or endnote has its `w:id` in `number` and no path.
    """

    kind: str  # PARAGRAPH, TABLE, ROW, FOOTNOTE or ENDNOTE
    number: int
    path: tuple[int, ...] = ()
    row: int = 0

    def __str__(self) -> str:
        if self.kind in (FOOTNOTE, ENDNOTE):
            return f"{self.kind}:{self.number}"
        head = f"p{self.number}" if self.kind == PARAGRAPH else f"t{self.number}"
        if self.kind == ROW:
            head += f"r{self.row}"
        return f"{head}@{'.'.join(map(str, self.path))}"

    @classmethod
    def parse(cls, text: str) -> WordLocation | None:
        """`p14@13`, `t2@16`, `t2r3@16.4`, `footnote:2`; None for anything else."""
        match = _LOCATION.fullmatch(text)
        if match is None:
            return None
        if match["note"]:
            return cls(match["note"], int(match["id"]))
        path = tuple(int(part) for part in match["path"].split("."))
        if match["paragraph"]:
            return cls(PARAGRAPH, int(match["paragraph"]), path)
        if match["row"]:
            return cls(ROW, int(match["table"]), path, int(match["row"]))
        return cls(TABLE, int(match["table"]), path)

    def describe(self) -> str:
        """How a reader of the Word document finds it: "paragraph 14", "table 2, row 3"."""
        if self.kind == PARAGRAPH:
            return f"paragraph {self.number}"
        if self.kind == TABLE:
            return f"table {self.number}"
        if self.kind == ROW:
            return f"table {self.number}, row {self.row}"
        return f"{self.kind} {self.number}"


@dataclass(frozen=True, slots=True)
class BlockOrigin:
    """The Word elements one block was read from, in document order (its own paragraph first)."""

    key: str
    locations: tuple[WordLocation, ...]
    position: Position = field(default=NOWHERE, compare=False, repr=False)

    @staticmethod
    def is_key(text: str) -> bool:
        return _KEY.fullmatch(text) is not None


ProvenancedBlock = Section | Block


def keyed_blocks(spec: Spec) -> Iterator[tuple[str, ProvenancedBlock]]:
    """Every block of `spec` in reading order with its provenance key (see the module docstring)."""
    for index, block in enumerate(spec.front, 1):
        yield f"{FRONT}+{index}", block
    for section in spec.sections:
        anchor, after = str(section.number), 0
        yield anchor, section
        for block in section.blocks:
            if type(block) is Clause:
                anchor, after = str(block.number), 0
                yield anchor, block
            else:
                after += 1
                yield f"{anchor}+{after}", block
            if isinstance(block, Clause | Definition):
                for attachment in block.attachments:
                    after += 1
                    yield f"{anchor}+{after}", attachment


def origin_index(spec: Spec) -> dict[str, tuple[WordLocation, ...]]:
    """The spec's origins by key."""
    return {origin.key: origin.locations for origin in spec.origins}


def block_origins(spec: Spec) -> Iterator[tuple[ProvenancedBlock, tuple[WordLocation, ...]]]:
    """Each block that has a recorded origin, with it, in reading order."""
    by_key = origin_index(spec)
    if not by_key:
        return
    for key, block in keyed_blocks(spec):
        locations = by_key.get(key)
        if locations:
            yield block, locations
