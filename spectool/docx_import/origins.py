"""Which Word paragraphs and tables each imported block was read from, kept while the model is built."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.docx_import.drafts import BlockList, ParagraphDraft, SectionDraft
from spectool.model.document import Block, Clause, Definition, Section, Spec
from spectool.model.provenance import BlockOrigin, WordLocation, keyed_blocks


class OriginLog:
    """Locations by draft (or by the model node put in place as it is); the entry keeps the draft alive
    so that its id is never reused while the entry is in the log."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[object, list[WordLocation]]] = {}

    def add(self, target: object, location: WordLocation) -> None:
        entry = self._by_id.setdefault(id(target), (target, []))
        if location not in entry[1]:
            entry[1].append(location)

    def take(self, target: object) -> list[WordLocation]:
        """The locations of `target`, which leaves the log (and, with it, memory once built)."""
        entry = self._by_id.pop(id(target), None)
        return entry[1] if entry is not None else []

    def origins(self, drafts: BlockList, built: Section | tuple[Block, ...]) -> list[BlockOrigin]:
        """Each block built from `drafts` (a section's, or the front matter's) that came from somewhere,
        under its key; the drafts leave the log."""
        by_block: dict[int, list[WordLocation]] = {}
        for draft, block in _pairs(drafts, built):
            found = self.take(draft)
            if found:
                by_block[id(block)] = found
        # The keys a spec of this piece alone gives are the keys it has in the whole: a section's keys
        # count from its own number, the front matter's from "front".
        if isinstance(built, Section):
            piece = Spec("", "", "", (built,))
        else:
            piece = Spec("", "", "", (), front=built)
        origins: list[BlockOrigin] = []
        for key, block in keyed_blocks(piece):
            locations = by_block.get(id(block))
            if locations:
                origins.append(BlockOrigin(key, tuple(sorted(locations, key=_document_order))))
        return origins


def _pairs(drafts: BlockList, built: Section | tuple[Block, ...]) -> Iterator[tuple[object, object]]:
    """Drafts and the model nodes built from them: the drafts mirror the model, block for block."""
    if isinstance(built, Section):
        assert isinstance(drafts, SectionDraft)
        yield drafts, built
    blocks = built.blocks if isinstance(built, Section) else built
    for draft, block in zip(drafts.blocks, blocks, strict=True):
        yield draft, block
        if isinstance(draft, ParagraphDraft) and isinstance(block, Clause | Definition):
            yield from zip(draft.attachments, block.attachments, strict=True)


def _document_order(location: WordLocation) -> tuple[int, tuple[int, ...]]:
    # Notes live in their own parts; they come after the body's paragraphs.
    return (1, (location.number,)) if not location.path else (0, location.path)
