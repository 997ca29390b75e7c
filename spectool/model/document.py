"""The document model: a Spec of Sections holding Clauses, Definitions, Notes, Tables and free blocks.

Every node carries its source position; positions are left out of equality so that a model
rendered to text and parsed again compares equal to the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spectool.model.numbers import ClauseNumber

if TYPE_CHECKING:
    from spectool.model.provenance import BlockOrigin, SourceDocument

_SHALL = re.compile(r"\bshall\b")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a source file: 1-based line and column, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


NOWHERE = Position(0, 0, 0, 0)

# A table cell whose whole text is one of these is covered by a merged cell: the one above, or to the left.
MERGED_ABOVE, MERGED_LEFT = "^", "<"


def _position() -> Position:
    return field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Text:
    """Running text that may span several source lines (kept joined by "\\n")."""

    value: str
    line_starts: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    # Where each line of `value` begins, found on the first `locate`: counting newlines from the start
    # for every offset made a long clause with many references quadratic (bench/reference_bench.py).
    _line_begins: list[int] | None = field(default=None, init=False, compare=False, repr=False)

    def locate(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the source of character `offset` of `value`."""
        if not self.line_starts:
            return (0, 0)
        begins = self._line_begins
        if begins is None:
            begins = [0]
            begins.extend(match.end() for match in _NEWLINE.finditer(self.value))
            object.__setattr__(self, "_line_begins", begins)
        # The line holding `offset`: a newline at `offset` itself still belongs to the line before.
        line_index = bisect_right(begins, offset) - 1
        line, column = self.line_starts[min(line_index, len(self.line_starts) - 1)]
        return (line, column + offset - begins[line_index])

    @property
    def flat(self) -> str:
        """The text as one line, as a reader sees it."""
        return self.value.replace("\n", " ")

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference in running text to a clause or section, here or in another spec."""

    target: ClauseNumber
    spec: str | None  # None: the spec that contains the reference
    label: str  # the word the text used: "Section", "clause", ...
    offset: int  # where the reference starts in its Text's value
    length: int
    position: Position = _position()


@dataclass(frozen=True, slots=True)
class SubItem:
    """A lettered (a) or roman (i) sub-item of a clause or definition."""

    label: str
    text: Text
    items: tuple[SubItem, ...] = ()
    references: tuple[Reference, ...] = ()
    position: Position = _position()

    def walk(self) -> Iterator[SubItem]:
        yield self
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True, slots=True)
class Note:
    """Informative text; it states no requirement."""

    text: Text
    label: str = ""  # "" for "Note:", "2" for "Note 2:"
    references: tuple[Reference, ...] = ()
    position: Position = _position()


@dataclass(frozen=True, slots=True)
class Table:
    """A table, such as a list of alerts: a cell may hold several paragraphs (joined by "\\n") or be
    covered by a merged cell (MERGED_ABOVE, MERGED_LEFT)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    position: Position = _position()
    # Header rows after the first, for tables whose heading spans several rows.
    more_header: tuple[tuple[str, ...], ...] = ()
    # Where each cell's text starts in the source, (line, column), for header_rows then rows.
    cell_starts: tuple[tuple[tuple[int, int], ...], ...] = field(default=(), compare=False, repr=False)

    def cells(self) -> Iterator[Text]:
        """Every cell (title excluded) as running text that knows where it stands in the source."""
        for row_index, row in enumerate((*self.header_rows, *self.rows)):
            starts = self.cell_starts[row_index] if row_index < len(self.cell_starts) else ()
            for column, cell in enumerate(row):
                if cell in (MERGED_ABOVE, MERGED_LEFT) or not cell:
                    continue
                start = starts[column] if column < len(starts) else None
                # A cell's paragraphs stand on one source line, joined by "<br>": each line starts there.
                line_starts = tuple(start for _ in cell.split("\n")) if start else ()
                yield Text(cell, line_starts)

    @property
    def header_rows(self) -> tuple[tuple[str, ...], ...]:
        return (self.header, *self.more_header) if self.header else self.more_header


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or endnote, standing just after the paragraph that cites it."""

    kind: str  # "Footnote" or "Endnote"
    label: str  # its number, as the document shows it
    text: Text
    references: tuple[Reference, ...] = ()
    position: Position = _position()


Attachment = Note | Table | Footnote


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Free text that is no clause: a title-page line, text under an unnumbered heading, annex text."""

    text: Text
    label: str = ""  # the number as printed when it is no clause number: "A1.2", "(iv)", "Schedule 3"
    items: tuple[SubItem, ...] = ()
    references: tuple[Reference, ...] = ()
    position: Position = _position()

    def all_items(self) -> Iterator[SubItem]:
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading that opens no section: unnumbered ("Document Control"), or numbered in another shape."""

    level: int
    title: str
    label: str = ""  # "Annex B", "Appendix C", "Schedule 3", "Section V"; "" when it shows no number
    position: Position = _position()
    title_start: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    @property
    def title_text(self) -> Text:
        return Text(self.title, (self.title_start,) if self.title_start[0] else ())


@dataclass(frozen=True, slots=True)
class Contents:
    """The contents list: kept as it was read, written afresh on export, never checked as text."""

    entries: tuple[str, ...] = ()
    position: Position = _position()


@dataclass(frozen=True, slots=True)
class Placeholder:
    """An image, chart, equation or embedded object, by what export needs to put it back."""

    kind: str  # one of PLACEHOLDER_KINDS
    target: str  # where it came from, such as the package part "word/media/image1.png"
    description: str = ""  # its alternative text, or an equation's linear text
    position: Position = _position()


PLACEHOLDER_KINDS = ("Image", "Chart", "Equation", "Object")
FreeBlock = Paragraph | Heading | Contents | Placeholder


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline `// spectool-disable: CODE -- reason` for the paragraph that follows it."""

    codes: tuple[str, ...]
    reason: str
    position: Position = _position()


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered clause such as 5.7.4.12, with its sub-items and attached notes and tables."""

    number: ClauseNumber
    text: Text
    items: tuple[SubItem, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    references: tuple[Reference, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    position: Position = _position()

    @property
    def id(self) -> str:
        return str(self.number)

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(item for item in self.attachments if isinstance(item, Note))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(item for item in self.attachments if isinstance(item, Table))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(item for item in self.attachments if isinstance(item, Footnote))

    def all_items(self) -> Iterator[SubItem]:
        for item in self.items:
            yield from item.walk()

    def all_references(self) -> Iterator[Reference]:
        yield from self.references
        for item in self.all_items():
            yield from item.references
        for note in self.notes:
            yield from note.references

    @property
    def full_text(self) -> str:
        """The clause and its sub-items as one flat string (notes excluded: they are informative)."""
        parts = [self.text.flat]
        parts.extend(f"({item.label}) {item.text.flat}" for item in self.all_items())
        return " ".join(parts)

    @property
    def is_requirement(self) -> bool:
        return _SHALL.search(self.full_text) is not None


@dataclass(frozen=True, slots=True)
class Definition:
    """A glossary entry: `"Supply Outage" means ...`."""

    term: str
    text: Text  # everything after the quoted term
    items: tuple[SubItem, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    references: tuple[Reference, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    position: Position = _position()

    def all_items(self) -> Iterator[SubItem]:
        for item in self.items:
            yield from item.walk()


Block = Clause | Definition | Note | Table | Footnote | Paragraph | Heading | Contents | Placeholder


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered heading and the blocks that stand under it (not its subsections)."""

    number: ClauseNumber
    title: str
    blocks: tuple[Block, ...] = ()
    position: Position = _position()
    title_start: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    @property
    def title_text(self) -> Text:
        return Text(self.title, (self.title_start,) if self.title_start[0] else ())

    @property
    def id(self) -> str:
        return str(self.number)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(block for block in self.blocks if type(block) is Clause)

    @property
    def definitions(self) -> tuple[Definition, ...]:
        return tuple(block for block in self.blocks if type(block) is Definition)


@dataclass(frozen=True, slots=True)
class Spec:
    """One version of one specification, such as SMETS2 v4.2."""

    name: str
    version: str
    title: str
    sections: tuple[Section, ...]
    status: str = ""
    date: str = ""
    # What stands before the first numbered heading: title-page lines, document control, contents.
    front: tuple[Block, ...] = ()
    path: str = field(default="", compare=False)
    # Where an imported spec came from (spectool.model.provenance): not part of what the spec says.
    source: SourceDocument | None = field(default=None, compare=False)
    origins: tuple[BlockOrigin, ...] = field(default=(), compare=False, repr=False)
    # Indexes built once: rules ask for these per clause, on specs of 20,000 clauses.
    _by_number: dict[ClauseNumber, Clause | Section] = field(
        init=False, compare=False, repr=False, default_factory=dict
    )
    _section_by_clause: dict[ClauseNumber, Section] = field(
        init=False, compare=False, repr=False, default_factory=dict
    )
    _clauses: tuple[Clause, ...] = field(init=False, compare=False, repr=False, default=())
    _definitions: tuple[Definition, ...] = field(init=False, compare=False, repr=False, default=())

    def __post_init__(self) -> None:
        index: dict[ClauseNumber, Clause | Section] = {}
        section_by_clause: dict[ClauseNumber, Section] = {}
        clauses: list[Clause] = []
        definitions: list[Definition] = []
        for section in self.sections:
            index.setdefault(section.number, section)
            for block in section.blocks:
                if type(block) is Clause:
                    index.setdefault(block.number, block)
                    section_by_clause.setdefault(block.number, section)
                    clauses.append(block)
                elif type(block) is Definition:
                    definitions.append(block)
        object.__setattr__(self, "_by_number", index)
        object.__setattr__(self, "_section_by_clause", section_by_clause)
        object.__setattr__(self, "_clauses", tuple(clauses))
        object.__setattr__(self, "_definitions", tuple(definitions))

    @property
    def key(self) -> str:
        """`SMETS2@4.2`, the way the command line names a spec version."""
        return f"{self.name}@{self.version}"

    def clauses(self) -> Iterator[Clause]:
        return iter(self._clauses)

    def definitions(self) -> Iterator[Definition]:
        return iter(self._definitions)

    def clause(self, number: ClauseNumber | str) -> Clause | None:
        found = self.find(number)
        return found if isinstance(found, Clause) else None

    def section(self, number: ClauseNumber | str) -> Section | None:
        found = self.find(number)
        return found if isinstance(found, Section) else None

    def find(self, number: ClauseNumber | str) -> Clause | Section | None:
        """The clause or section with this number, if there is one."""
        wanted = ClauseNumber.parse(number) if isinstance(number, str) else number
        return self._by_number.get(wanted)

    def section_of(self, clause: Clause) -> Section:
        """The section that holds the clause with this clause's number."""
        section = self._section_by_clause.get(clause.number)
        if section is None:
            raise LookupError(f"clause {clause.id} is not in {self.key}")
        return section

    def has_number(self, number: ClauseNumber) -> bool:
        """True when a clause or a section has this number."""
        return number in self._by_number
