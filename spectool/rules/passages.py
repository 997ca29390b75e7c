"""The running text of a spec as passages: requirement text, notes, definitions, free text, headings, table
cells and footnotes, each with its owner."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from spectool.memo import MemoKind, RunMemo
from spectool.model.document import (
    Block,
    Clause,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Spec,
    Table,
    Text,
)
from spectool.rules.phrases import PhraseMatch, PhraseSet, fold

# Between passages in a joined text: neither a word character nor whitespace, so no phrase spans two.
SEPARATOR = "\x00"


class Kind(StrEnum):
    REQUIREMENT = "requirement"  # a clause's own text and its sub-items
    NOTE = "note"  # notes and footnotes: informative
    DEFINITION = "definition"
    TEXT = "text"  # free paragraphs and their sub-items: no clause, so no requirement
    HEADING = "heading"  # section titles and headings that open no section
    CELL = "cell"  # table cells


FRONT = "front matter"  # the owner of what stands before the first numbered heading


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of running text and the clause (or defined term) it belongs to."""

    text: Text
    owner: str  # the clause or section id, or the defined term
    kind: Kind


def all_passages(spec: Spec) -> Iterator[Passage]:
    """Every piece of running text, in document order: the front matter, then each section's title
    and blocks. Only clauses (and their sub-items) are requirement text."""
    for block in spec.front:
        yield from _block_passages(block, FRONT)
    for section in spec.sections:
        if section.title:
            yield Passage(section.title_text, section.id, Kind.HEADING)
        for block in section.blocks:
            yield from _block_passages(block, section.id)


def _block_passages(block: Block, where: str) -> Iterator[Passage]:
    if isinstance(block, Clause):
        owner = block.id
        yield Passage(block.text, owner, Kind.REQUIREMENT)
        for item in block.all_items():
            yield Passage(item.text, owner, Kind.REQUIREMENT)
        yield from _attachment_passages(block.attachments, owner)
    elif isinstance(block, Definition):
        yield Passage(block.text, block.term, Kind.DEFINITION)
        for item in block.all_items():
            yield Passage(item.text, block.term, Kind.DEFINITION)
        yield from _attachment_passages(block.attachments, block.term)
    elif isinstance(block, Paragraph):
        owner = f"{where} {block.label}" if block.label else where
        yield Passage(block.text, owner, Kind.TEXT)
        for item in block.all_items():
            yield Passage(item.text, owner, Kind.TEXT)
    elif isinstance(block, Heading):
        if block.title:
            yield Passage(block.title_text, where, Kind.HEADING)
    else:
        yield from _attachment_passages((block,), where) if isinstance(block, Note | Footnote | Table) else ()


def _attachment_passages(attachments: tuple[Note | Table | Footnote, ...], owner: str) -> Iterator[Passage]:
    for attachment in attachments:
        if isinstance(attachment, Table):
            for cell in attachment.cells():
                yield Passage(cell, owner, Kind.CELL)
        else:
            yield Passage(attachment.text, owner, Kind.NOTE)


def tables(spec: Spec) -> Iterator[tuple[Table, str]]:
    """Every table and the clause, term or section it belongs to."""
    for block in spec.front:
        if isinstance(block, Table):
            yield block, FRONT
    for section in spec.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                yield block, section.id
            elif isinstance(block, Clause | Definition):
                owner = block.id if isinstance(block, Clause) else block.term
                for attachment in block.attachments:
                    if isinstance(attachment, Table):
                        yield attachment, owner


def table_text(table: Table) -> str:
    """A table's title and cells, one per line: enough to count words in, not to place findings."""
    cells = [table.title, *(cell for row in (*table.header_rows, *table.rows) for cell in row)]
    return "\n".join(cells)


@dataclass(frozen=True, slots=True)
class JoinedText:
    """A spec's passages joined into one string, so that one regex pass covers them all."""

    passages: tuple[Passage, ...]
    value: str = field(init=False)
    folded: str = field(init=False, repr=False)  # lower case, for case-insensitive phrase sets
    starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts, position = [], 0
        for passage in self.passages:
            starts.append(position)
            position += len(passage.text.value) + len(SEPARATOR)
        value = SEPARATOR.join(passage.text.value for passage in self.passages)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "folded", fold(value))
        object.__setattr__(self, "starts", tuple(starts))

    def locate(self, offset: int) -> tuple[Passage, int]:
        """The passage holding character `offset`, and where that passage starts."""
        index = bisect_right(self.starts, offset) - 1
        return self.passages[index], self.starts[index]

    def find(self, phrases: PhraseSet) -> Iterator[tuple[Passage, PhraseMatch]]:
        """Every match of `phrases`, with its passage and offsets within that passage."""
        for match in phrases.finditer(self.value, self.folded):
            passage, start = self.locate(match.start)
            yield passage, match.shifted(start)


_JOINED: MemoKind[JoinedText] = MemoKind("joined text")
_JOINED_REQUIREMENTS: MemoKind[JoinedText] = MemoKind("joined requirement text")


def joined(spec: Spec, memo: RunMemo, *, requirements_only: bool = False) -> JoinedText:
    """The joined text of a spec's passages (requirement text only, or all), built once per run and spec."""
    if requirements_only:
        # The same passage objects as in the joined text of all passages, found once.
        return memo.once(
            _JOINED_REQUIREMENTS,
            (spec,),
            lambda: JoinedText(tuple(p for p in joined(spec, memo).passages if p.kind is Kind.REQUIREMENT)),
        )
    return memo.once(_JOINED, (spec,), lambda: JoinedText(tuple(all_passages(spec))))
