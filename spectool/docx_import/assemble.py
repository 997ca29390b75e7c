"""Put classified paragraphs and tables into the model in document order, keeping every one of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spectool.docx_import.classify import (
    Blank,
    Caption,
    ClauseStart,
    Contents,
    DefinitionStart,
    Heading,
    Item,
    Line,
    NoteStart,
    Piece,
    PlaceholderLine,
    Title,
    classify,
)
from spectool.docx_import.drafts import BlockList
from spectool.docx_import.normalise import clean_line
from spectool.docx_import.reading import Block, WordTable
from spectool.docx_import.table_placing import TablePlacing
from spectool.docx_import.tables import caption_title
from spectool.model.document import Block as ModelBlock
from spectool.model.document import Placeholder, Section
from spectool.model.provenance import BlockOrigin


class SpecAssembler(TablePlacing):
    """A state machine over the document: where the next block goes, the paragraph that gets what follows.

    Its layers, each a module: the state (assembly_state), notes where cited (citations), paragraphs
    (paragraph_placing), headings and sections (section_placing), tables (table_placing)."""

    def add(self, blocks: Iterable[Block]) -> None:
        """Take the blocks in document order; each is let go once the next has been read."""
        pending = iter(blocks)
        following = next(pending, None)
        while following is not None:
            block, following = following, next(pending, None)
            self.blocks_read += 1
            if isinstance(block, WordTable):
                self.contents = None
                self.table(block)
                continue
            piece = classify(block)
            for warning in block.ignored:
                self.warn(block, warning)
            if block.unterminated_fields:
                self.kept.add("unterminated field", block)
            if isinstance(piece, Caption) and isinstance(following, WordTable):
                self.caption = caption_title(piece.title)
                self.caption_source = block
                continue
            if not isinstance(piece, Contents | Blank):
                self.contents = None
            self.piece(piece)
            self.placeholders(block)
            self.cite_uncited(block)
        for paragraph, message in self.kept.summary():
            self.warn(paragraph, message)

    def piece(self, piece: Piece) -> None:
        if isinstance(piece, Contents):
            self.contents_entry(piece.source)
        elif isinstance(piece, Title):
            if self.title:
                self.line(piece.source, piece.source.text)
            else:  # the header keeps it, and export writes it back as the title
                self.title = clean_line(piece.source.text)
        elif isinstance(piece, Heading):
            self.heading(piece)
        elif isinstance(piece, ClauseStart):
            self.clause(piece)
        elif isinstance(piece, DefinitionStart):
            self.definition(piece)
        elif isinstance(piece, Item):
            self.item(piece)
        elif isinstance(piece, NoteStart):
            self.note(piece)
        elif isinstance(piece, Line):
            if piece.warning:
                self.warn(piece.source, piece.warning)
            if not self.cover_line(piece):
                self.line(piece.source, piece.text, piece.label)
        elif isinstance(piece, Caption):
            self.line(piece.source, piece.source.text)
        elif isinstance(piece, PlaceholderLine):
            self.holder, self.last = None, ""
            self.keep(Placeholder(piece.kind, piece.target, piece.description), piece.source)
            self.kept.add("exported placeholder", piece.source)
            self.cite(piece.source, None)
        elif not isinstance(piece, Blank):
            raise AssertionError(f"unhandled piece {piece!r}")

    def build(self) -> BuiltSpec:
        """The front matter and the sections, each built and its origins found before the next, and its
        drafts let go: drafts and model never both take the memory of the whole document."""
        front = self.front.build_blocks()
        origins = self.log.origins(self.front, front)
        self.front = BlockList(attaches=False)
        drafts, self.sections = self.sections, []
        drafts.reverse()
        sections: list[Section] = []
        while drafts:
            draft = drafts.pop()
            section = draft.build()
            origins.extend(self.log.origins(draft, section))
            sections.append(section)
        return BuiltSpec(front, tuple(sections), tuple(origins))


@dataclass(frozen=True, slots=True)
class BuiltSpec:
    """What the assembler built: the front matter, the sections, and where each block came from."""

    front: tuple[ModelBlock, ...]
    sections: tuple[Section, ...]
    origins: tuple[BlockOrigin, ...]
