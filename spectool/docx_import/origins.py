"""Which Word paragraphs and tables each imported block was read from, kept while the model is built."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spectool.docx_import.drafts import BlockList, ParagraphDraft, SectionDraft
from spectool.model.document import Clause, Definition, Spec
from spectool.model.provenance import BlockOrigin, WordLocation, keyed_blocks


class OriginLog:
    """Locations by draft (or by the model node put in place as it is); the entry keeps the draft alive
    so that its id is never reused while the log is."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[object, list[WordLocation]]] = {}

    def add(self, target: object, location: WordLocation) -> None:
        entry = self._by_id.setdefault(id(target), (target, []))
        if location not in entry[1]:
            entry[1].append(location)

    def of(self, target: object) -> list[WordLocation]:
        entry = self._by_id.get(id(target))
        return entry[1] if entry is not None else []

    def origins(
        self, front: BlockList, sections: Iterable[SectionDraft], spec: Spec
    ) -> tuple[BlockOrigin, ...]:
        """Each block of `spec` (built from these drafts) that came from somewhere, under its key."""
        by_block: dict[int, list[WordLocation]] = {}
        for draft, built in self._pairs(front, sections, spec):
            found = self.of(draft)
            if found:
                by_block[id(built)] = found
        origins: list[BlockOrigin] = []
        for key, block in keyed_blocks(spec):
            locations = by_block.get(id(block))
            if locations:
                origins.append(BlockOrigin(key, tuple(sorted(locations, key=_document_order))))
        return tuple(origins)

    @staticmethod
    def _pairs(
        front: BlockList, sections: Iterable[SectionDraft], spec: Spec
    ) -> Iterator[tuple[object, object]]:
        """Drafts and the model nodes built from them: the drafts mirror the model, block for block."""
        lists = [(front.blocks, spec.front)]
        for section_draft, section in zip(sections, spec.sections, strict=True):
            yield section_draft, section
            lists.append((section_draft.blocks, section.blocks))
        for drafts, blocks in lists:
            for draft, block in zip(drafts, blocks, strict=True):
                yield draft, block
                if isinstance(draft, ParagraphDraft) and isinstance(block, Clause | Definition):
                    yield from zip(draft.attachments, block.attachments, strict=True)


def _document_order(location: WordLocation) -> tuple[int, tuple[int, ...]]:
    # Notes live in their own parts; they come after the body's paragraphs.
    return (1, (location.number,)) if not location.path else (0, location.path)
