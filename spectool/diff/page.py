"""What a spec shows on paper: units of styled paragraphs and tables, text cleaned for any output.

A unit is what a redline keeps, moves or elides as a whole: a section heading, a clause with its
sub-items, notes and tables, a glossary (a run of definitions), a note or table standing alone, or
a block of free text (a free paragraph, a heading that opens no section, the front matter's blocks,
the contents list, a picture), so that no difference between two versions goes unshown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spectool.model.document import (
    Block as SpecBlock,
)
from spectool.model.document import (
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Placeholder,
    Section,
    Spec,
    SubItem,
    Table,
)
from spectool.model.document import (
    Paragraph as FreeParagraph,
)
from spectool.wordml.captions import caption_line
from spectool.wordml.part_labels import counted_labels

# Characters XML 1.0 cannot carry (C0 controls but tab, lone surrogates, U+FFFE/U+FFFF); line breaks
# become spaces because a paragraph is one line of text in every rendering.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

HEADING_STYLES = 9  # Heading1 ... Heading9
GLOSSARY_HEADER = ("Term", "Definition")


class UnitKind(StrEnum):
    HEADING = "heading"
    CLAUSE = "clause"
    GLOSSARY = "glossary"
    NOTE = "note"
    TABLE = "table"
    FREE = "free"  # free text: a paragraph, a heading that opens no section, a block of the front matter
    CONTENTS = "contents"  # the contents list
    PICTURE = "picture"  # an image, chart, equation or embedded object


@dataclass(frozen=True, slots=True)
class Paragraph:
    style: str  # a paragraph style of templates/styles.xml.j2: "Clause", "SubItem1", "Note", ...
    text: str  # as shown, label included: "5.7.1 ESME shall ..."
    label: str = ""  # the leading number, "(a)" or "Note:"; aligners compare the text after it

    @property
    def body(self) -> str:
        return self.text[len(self.label) :].strip()


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[tuple[Block, ...], ...]
    header: bool = False
    key: str = ""  # a glossary row's term; "" for rows paired by their text


@dataclass(frozen=True, slots=True)
class TableBlock:
    style: str  # "SpecTable" or "Glossary"
    rows: tuple[Row, ...]

    @property
    def columns(self) -> int:
        return max((len(row.cells) for row in self.rows), default=0)


Block = Paragraph | TableBlock


@dataclass(frozen=True, slots=True)
class Unit:
    kind: UnitKind
    key: str  # unique within the page: "clause:5.7.1", "heading:5.7", "glossary:2", "note:5.7:1"
    label: str  # what a reader calls it: "5.7.1", "Section 5.7", "Glossary"
    blocks: tuple[Block, ...]
    number: str = ""  # the clause or section number, for pairing across versions


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    version: str
    title: str
    status: str
    date: str
    units: tuple[Unit, ...]


def clean_text(text: str) -> str:
    """Text any output can carry: no XML-invalid characters, no line breaks."""
    return _INVALID.sub("", _BREAKS.sub(" ", text))


def spec_page(spec: Spec) -> Page:
    """The units of a spec in reading order."""
    units: list[Unit] = [free_unit(block, "") for block in spec.front]
    for section, counted in zip(spec.sections, counted_labels(spec.sections), strict=True):
        units.extend(section_units(section, counted))
    return Page(
        clean_text(spec.name),
        clean_text(spec.version),
        clean_text(spec.title),
        clean_text(spec.status),
        clean_text(spec.date),
        tuple(_unique_keys(units)),
    )


def section_units(section: Section, counted: tuple[str, str] | None = None) -> list[Unit]:
    """The section's heading and its blocks; `counted` is the label ("Part I", "Scope") its heading
    shows instead of the number, as export writes it (spectool.wordml.part_labels)."""
    number = str(section.number)
    heading = Paragraph(
        f"Heading{min(section.number.depth, HEADING_STYLES)}",
        clean_text(section.title if counted else f"{number} {section.title}".rstrip()),
        counted[0] if counted else number,
    )
    units = [Unit(UnitKind.HEADING, f"heading:{number}", f"Section {number}", (heading,), number)]
    glossary: list[Definition] = []
    loose = 0
    for block in (*section.blocks, None):
        if isinstance(block, Definition):
            glossary.append(block)
            continue
        if glossary:
            units.append(_glossary_unit(section, glossary))
            glossary = []
        if isinstance(block, Clause):
            blocks = clause_blocks(block)
            units.append(Unit(UnitKind.CLAUSE, f"clause:{block.number}", block.id, blocks, block.id))
        elif isinstance(block, Note | Table):
            loose += 1
            kind = UnitKind.NOTE if isinstance(block, Note) else UnitKind.TABLE
            label = f"{kind.value.capitalize()} in Section {number}"
            units.append(Unit(kind, f"{kind.value}:{number}:{loose}", label, attachment_blocks(block)))
        elif block is not None:
            units.append(free_unit(block, number))
    return units


def free_unit(block: SpecBlock, section: str) -> Unit:
    """A block of free text (or one the front matter holds) as a unit of its own, keyed by its text so
    that identical blocks pair across versions; `section` is "" in the front matter."""
    where = f"Section {section}" if section else "the front matter"
    kind = UnitKind.FREE
    blocks: tuple[Block, ...]
    if isinstance(block, FreeParagraph):
        text = clean_text(f"{block.label} {block.text.flat}".strip())
        blocks = (Paragraph("Normal", text, block.label), *item_paragraphs(block.items, 1))
        name = f"{block.label or 'Text'} in {where}"
    elif isinstance(block, Heading):
        text = clean_text(f"{block.label} {block.title}".strip())
        blocks = (Paragraph(f"Heading{min(max(block.level, 1), HEADING_STYLES)}", text, block.label),)
        name = f"Heading {block.label or block.title}"
    elif isinstance(block, Contents):
        kind = UnitKind.CONTENTS
        blocks = tuple(Paragraph("Normal", clean_text(entry)) for entry in block.entries)
        name = f"Contents in {where}"
    elif isinstance(block, Placeholder):
        kind = UnitKind.PICTURE
        shown = f"[{block.kind}: {block.target}] {block.description}".strip()
        blocks = (Paragraph("Normal", clean_text(shown), f"[{block.kind}: {block.target}]"),)
        name = f"{block.kind} in {where}"
    else:
        blocks = attachment_blocks(block) if isinstance(block, Note | Table | Footnote) else ()
        name = f"{type(block).__name__} in {where}"
    blocks = blocks or (Paragraph("Normal", ""),)
    content = "\x00".join(_block_text(b) for b in blocks)
    return Unit(kind, f"{kind.value}:{content}", name, blocks)


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return "\x01".join("\x02".join(_block_text(b) for cell in row.cells for b in cell) for row in block.rows)


def clause_blocks(clause: Clause) -> tuple[Block, ...]:
    number = str(clause.number)
    blocks: list[Block] = [Paragraph("Clause", clean_text(f"{number} {clause.text.flat}".rstrip()), number)]
    blocks.extend(item_paragraphs(clause.items, 1))
    for attachment in clause.attachments:
        blocks.extend(attachment_blocks(attachment))
    return tuple(blocks)


def item_paragraphs(items: tuple[SubItem, ...], level: int) -> list[Paragraph]:
    out: list[Paragraph] = []
    for item in items:
        label = f"({item.label})"
        out.append(
            Paragraph(f"SubItem{min(level, 2)}", clean_text(f"{label} {item.text.flat}".rstrip()), label)
        )
        out.extend(item_paragraphs(item.items, level + 1))
    return out


def attachment_blocks(attachment: Note | Table | Footnote) -> tuple[Block, ...]:
    if isinstance(attachment, Note | Footnote):
        if isinstance(attachment, Footnote):
            label = f"{attachment.kind} {attachment.label}:"
        else:
            label = f"Note {attachment.label}:" if attachment.label else "Note:"
        return (Paragraph("Note", clean_text(f"{label} {attachment.text.flat}".rstrip()), label),)
    blocks: list[Block] = []
    if attachment.title:
        blocks.append(Paragraph("Caption", clean_text(caption_line(attachment.title)), "Table:"))
    rows: list[Row] = []
    for header in attachment.header_rows:
        rows.append(Row(tuple(_cell(text, "TableHeading") for text in header), header=True))
    rows.extend(Row(tuple(_cell(text, "TableText") for text in row)) for row in attachment.rows)
    if rows:
        blocks.append(TableBlock("SpecTable", _padded(rows)))
    return tuple(blocks)


def _glossary_unit(section: Section, definitions: list[Definition]) -> Unit:
    header = Row(tuple(_cell(text, "TableHeading") for text in GLOSSARY_HEADER), header=True)
    rows = [header]
    for definition in definitions:
        term = clean_text(definition.term)
        content: list[Block] = [Paragraph("TableText", clean_text(definition.text.flat))]
        content.extend(item_paragraphs(definition.items, 1))
        for attachment in definition.attachments:
            content.extend(attachment_blocks(attachment))
        rows.append(Row(((Paragraph("TableText", term),), tuple(content)), key=term))
    number = str(section.number)
    return Unit(
        UnitKind.GLOSSARY,
        f"glossary:{number}",
        f"Glossary in Section {number}",
        (TableBlock("Glossary", tuple(rows)),),
    )


def _cell(text: str, style: str) -> tuple[Block, ...]:
    """A cell's paragraphs: the model joins a cell's paragraphs with line breaks."""
    return tuple(Paragraph(style, clean_text(line)) for line in text.split("\n"))


def _padded(rows: list[Row]) -> tuple[Row, ...]:
    """Rows with as many cells as the widest: Word tables are rectangular."""
    width = max(len(row.cells) for row in rows)
    return tuple(
        Row(
            row.cells + tuple(_cell("", "TableText") for _ in range(width - len(row.cells))),
            row.header,
            row.key,
        )
        for row in rows
    )


def _unique_keys(units: list[Unit]) -> list[Unit]:
    """A spec with a duplicated number still gets one key per unit (the rules report the duplicate)."""
    seen: dict[str, int] = {}
    out: list[Unit] = []
    for unit in units:
        count = seen.get(unit.key, 0)
        seen[unit.key] = count + 1
        out.append(
            unit
            if count == 0
            else Unit(unit.kind, f"{unit.key}#{count}", unit.label, unit.blocks, unit.number)
        )
    return out
