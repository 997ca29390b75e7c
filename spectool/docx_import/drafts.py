"""Clauses, definitions and sections while they are being filled, and the model nodes they become."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spectool.docx_import.list_numbers import roman
from spectool.docx_import.normalise import ITEM, PARAGRAPH, SUBITEM, safe_lines
from spectool.model.document import (
    Block,
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Section,
    SubItem,
    Table,
    Text,
)
from spectool.model.numbers import ClauseNumber, letter_value
from spectool.parsing.references import find_references

FIRST_LEVEL_LABEL = re.compile(r"[a-z]{1,2}")  # what the source format accepts as "(a)"
SECOND_LEVEL_LABEL = re.compile(r"[ivxl]+")  # and as "(iv)"


# A line that opens with "(iii)" reads back as a sub-item of its own.
LABEL_START = re.compile(r"\([a-z]{1,4}\)(?:\s|$)")


def append_line(lines: list[str], text: str) -> None:
    """`text` as a further line, or, where a line of its own would read back as a sub-item, on the
    end of the line before it."""
    if lines and LABEL_START.match(text):
        lines[-1] = f"{lines[-1]} {text}".strip()
    else:
        lines.append(text)


def contents_line(entry: str) -> str:
    """A contents entry as the source format can hold it: one that opens with a sub-item label
    ("(iv) Title") would read as a sub-item, so a backslash stands before it. Export writes the
    contents afresh from the headings, so the backslash never reaches Word."""
    return f"\\{entry}" if LABEL_START.match(entry) else entry


@dataclass
class ItemDraft:
    label: str
    lines: list[str]
    children: list[ItemDraft] = field(default_factory=list)

    def deepest(self) -> ItemDraft:
        return self.children[-1].deepest() if self.children else self

    def build(self, depth: int = 0) -> SubItem:
        text = Text(safe_lines(self.lines, ITEM if depth == 0 else SUBITEM))
        items = tuple(child.build(depth + 1) for child in self.children)
        return SubItem(self.label, text, items, find_references(text))


@dataclass
class NoteDraft:
    label: str
    lines: list[str]

    def build(self) -> Note:
        text = Text(safe_lines(self.lines, PARAGRAPH))
        return Note(text, self.label, find_references(text))


@dataclass
class ParagraphDraft:
    """A clause (with a number) or a definition (with a term) and what belongs to it."""

    lines: list[str]
    number: ClauseNumber | None = None
    term: str = ""
    items: list[ItemDraft] = field(default_factory=list)
    attachments: list[NoteDraft | Table | Footnote] = field(default_factory=list)
    label: str | None = None  # not None for free text: the number it shows, if any ("" for none)

    @property
    def is_free(self) -> bool:
        return self.label is not None

    @property
    def name(self) -> str:
        if self.label is not None:
            return f"the paragraph {self.label}".rstrip()
        return f"clause {self.number}" if self.number is not None else f'definition "{self.term}"'

    def add_item(self, label: str, is_roman: bool, text: str) -> str:
        """Add a sub-item; returns a warning when the format cannot hold it as one and it becomes text."""
        if is_roman and self.items:
            parent = self.items[-1]
            if SECOND_LEVEL_LABEL.fullmatch(label):
                parent.children.append(ItemDraft(label, [text]))
                return ""
            append_line(parent.deepest().lines, f"({label}) {text}")
            return f"sub-item ({label}) is not a roman numeral under ({parent.label}): kept as its text"
        if FIRST_LEVEL_LABEL.fullmatch(label):
            self.items.append(ItemDraft(label, [text]))
            return ""
        self.add_line(f"({label}) {text}")
        return f"sub-item ({label}) cannot stand as a first-level sub-item in the source format: kept as text"

    def add_line(self, text: str) -> None:
        """Text to the last sub-item, or to the paragraph itself when it has none."""
        append_line(self.items[-1].deepest().lines if self.items else self.lines, text)

    def follows_letter(self, label: str) -> bool:
        """True when `label` is the letter after the last first-level sub-item: "(i)" after "(h)"."""
        return bool(self.items) and letter_value(label) == letter_value(self.items[-1].label) + 1

    def build(self) -> Clause | Definition | Paragraph:
        text = Text(safe_lines(self.lines, PARAGRAPH))
        items = tuple(item.build() for item in self.items)
        if self.label is not None:
            return Paragraph(text, self.label, items, find_references(text))
        attachments = tuple(a.build() if isinstance(a, NoteDraft) else a for a in self.attachments)
        if self.number is not None:
            return Clause(self.number, text, items, attachments, find_references(text))
        return Definition(self.term, text, items, attachments, find_references(text))


def is_roman_item(draft: ParagraphDraft, label: str, number_format: str | None) -> bool:
    """Whether a sub-item goes under the last first-level one: Word's format says so, else the label does.

    "(i)" after "(h)" is a letter; a list that began "(i)", "(ii)" is a first-level roman list.
    """
    if not draft.items or not SECOND_LEVEL_LABEL.fullmatch(label):
        return False
    if number_format is not None and number_format != "lowerRoman":
        return False
    if number_format is None and draft.follows_letter(label):
        return False
    labels = [item.label for item in draft.items]
    return labels != [roman(value) for value in range(1, len(labels) + 1)]


@dataclass
class ContentsDraft:
    """A contents list while its entries are read."""

    entries: list[str] = field(default_factory=list)

    def build(self) -> Contents:
        return Contents(tuple(self.entries))


FreeDraft = Paragraph | Heading | Placeholder | Footnote | Note | Table
Draft = ParagraphDraft | NoteDraft | ContentsDraft | FreeDraft


@dataclass
class BlockList:
    """The blocks of a section, or of the front matter, in document order."""

    blocks: list[Draft] = field(default_factory=list)
    attaches: bool = True  # the front matter has no clauses to attach notes to

    def attach(self, attachment: NoteDraft | Table | Footnote) -> None:
        """A note, table or footnote belongs to the clause or definition before it, as the format reads it."""
        owner = self.blocks[-1] if self.blocks and self.attaches else None
        if isinstance(owner, ParagraphDraft) and not owner.is_free:
            owner.attachments.append(attachment)
        else:
            self.blocks.append(attachment)

    def build_blocks(self) -> tuple[Block, ...]:
        built: list[Block] = []
        for block in self.blocks:
            built.append(
                block.build() if isinstance(block, ParagraphDraft | NoteDraft | ContentsDraft) else block
            )
        return tuple(built)


_NO_NUMBER = ClauseNumber((0,))


@dataclass
class SectionDraft(BlockList):
    number: ClauseNumber = _NO_NUMBER
    title: str = ""

    def build(self) -> Section:
        return Section(self.number, self.title, self.build_blocks())
