"""What the assembler knows while it reads a document: where the next block goes and what is open."""

from __future__ import annotations

from spectool.docx_import.cover import CoverPage
from spectool.docx_import.drafts import BlockList, ContentsDraft, NoteDraft, ParagraphDraft, SectionDraft
from spectool.docx_import.issues import ImportIssue, excerpt
from spectool.docx_import.kept import Kept
from spectool.docx_import.origins import OriginLog
from spectool.docx_import.reading import WordParagraph
from spectool.model.document import Heading as HeadingBlock
from spectool.model.document import Placeholder
from spectool.model.numbers import ClauseNumber

# What the paragraph just placed was, for the unnumbered paragraph after it (`AssemblyState.last`).
TEXT, ITEMS, NOTE, TABLE, FREE = "text", "items", "note", "table", "free"


class AssemblyState:
    """The model being built in document order: front matter, sections, the paragraph that gets what
    follows, and what the import reports."""

    def __init__(
        self, footnotes: dict[str, str], endnotes: dict[str, str], name: str = "", version: str = ""
    ) -> None:
        self.cover = CoverPage(name, version)
        self.notes = {"Footnote": footnotes, "Endnote": endnotes}
        self.note_numbers: dict[str, dict[str, int]] = {"Footnote": {}, "Endnote": {}}  # by kind, then id
        self.front = BlockList(attaches=False)
        self.sections: list[SectionDraft] = []
        self.seen: dict[ClauseNumber, int] = {}
        self.stack: list[ClauseNumber] = []
        self.holder: ParagraphDraft | None = None
        self.last = ""
        self.last_note: NoteDraft | None = None
        self.caption = ""
        self.caption_source: WordParagraph | None = None
        self.title = ""
        self.contents: ContentsDraft | None = None  # the contents list being read, if any
        self.kept = Kept()
        self.named_source: WordParagraph | None = None  # the last heading kept as a "named heading"
        self.issues: list[ImportIssue] = []
        self.log = OriginLog()
        self.cited: set[int] = set()  # paragraphs whose notes have been placed
        self.blocks_read = 0

    @property
    def here(self) -> BlockList:
        """Where the next block goes: the open section, or the front matter before the first one."""
        return self.sections[-1] if self.sections else self.front

    def warn(self, paragraph: WordParagraph | None, message: str) -> None:
        if paragraph is None:
            self.issues.append(ImportIssue(0, "", message))
        else:
            self.issues.append(ImportIssue(paragraph.index, excerpt(paragraph.shown), message))

    def keep(self, block: HeadingBlock | Placeholder, source: WordParagraph) -> None:
        self.here.blocks.append(block)
        self.log.add(block, source.location)
