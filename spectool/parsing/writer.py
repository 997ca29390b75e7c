"""Render a Spec back to source text; parsing the result gives the same model."""

from __future__ import annotations

import re

from spectool.model.document import (
    Attachment,
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
    Spec,
    SubItem,
    Table,
    Text,
)
from spectool.parsing.provenance import render_origins, render_source
from spectool.parsing.transformer import write_cell

_ITEM_INDENT = ("  ", "    ")
_ITEM_LIKE = re.compile(r"\([a-z]{1,5}\)[ \t]")  # the grammar's LETTER_ITEM and ROMAN_ITEM labels
_CONTINUED_ITEM = " " * 6


def render_spec(spec: Spec) -> str:
    """The whole spec in the source format of docs/format.md."""
    out = ["---", f"spec: {spec.name}", f"version: {spec.version}", f"title: {spec.title}"]
    if spec.status:
        out.append(f"status: {spec.status}")
    if spec.date:
        out.append(f"date: {spec.date}")
    out.extend(render_source(spec.source))
    out.append("---")
    if spec.front:
        out.append("")
    for block in spec.front:
        out.extend(render_block(block))
    for section in spec.sections:
        out.extend(render_section(section))
    out.extend(render_origins(spec.origins))
    return "\n".join(out) + "\n"


def render_section(section: Section) -> list[str]:
    out = ["", f"{'#' * section.number.depth} {section.number} {section.title}".rstrip()]
    for block in section.blocks:
        out.extend(render_block(block))
    return out


def render_block(block: Block) -> list[str]:
    """Any block of a section or of the front matter, as source lines."""
    if isinstance(block, Clause | Definition):
        return render_paragraph(block)
    if isinstance(block, Paragraph):
        # A label in brackets; "[]" keeps a text that itself opens with "[" from reading as one.
        label = f"[{block.label}] " if block.label or block.text.value.startswith("[") else ""
        out = _text_lines(f"> {label}", block.text, "  ")
        for item in block.items:
            out.extend(_item_lines(item, 0))
        return out
    if isinstance(block, Heading):
        return ["", f"{'#' * block.level} [{block.label}] {block.title}".rstrip()]
    if isinstance(block, Contents):
        return ["Contents:", *(f"  {entry}" for entry in block.entries)]
    if isinstance(block, Placeholder):
        about = f" -- {block.description}" if block.description else ""
        return [f"{block.kind}: {block.target}{about}"]
    return render_attachment(block)


def render_paragraph(paragraph: Clause | Definition) -> list[str]:
    """A clause or definition with its suppressions, sub-items, notes and tables."""
    out = [f"// spectool-disable: {', '.join(s.codes)} -- {s.reason}" for s in paragraph.suppressions]
    head = f"{paragraph.number} " if isinstance(paragraph, Clause) else f'"{paragraph.term}" '
    out.extend(_text_lines(head, paragraph.text, "  "))
    for item in paragraph.items:
        out.extend(_item_lines(item, 0))
    for attachment in paragraph.attachments:
        out.extend(render_attachment(attachment))
    return out


def render_clause(clause: Clause) -> str:
    """One clause as source text, as an amendment quotes it."""
    return "\n".join(render_paragraph(clause))


def render_attachment(attachment: Attachment) -> list[str]:
    if isinstance(attachment, Note):
        label = f"Note {attachment.label}:" if attachment.label else "Note:"
        return _text_lines(f"{label} ", attachment.text, "  ")
    if isinstance(attachment, Footnote):
        return _text_lines(f"{attachment.kind} {attachment.label}: ", attachment.text, "  ")
    return _table_lines(attachment)


def _item_lines(item: SubItem, depth: int) -> list[str]:
    indent = _ITEM_INDENT[min(depth, 1)]
    out = _text_lines(f"{indent}({item.label}) ", item.text, indent + "  ")
    for child in item.items:
        out.extend(_item_lines(child, depth + 1))
    return out


def _text_lines(head: str, text: Text, indent: str) -> list[str]:
    first, *rest = text.value.split("\n")
    return [f"{head}{first}".rstrip(), *(f"{_indent_for(line, indent)}{line}" for line in rest)]


def _indent_for(line: str, indent: str) -> str:
    """A line of text that opens like a sub-item ("(a) ", as a note's numbered paragraph does) goes six
    spaces in, where no sub-item stands, so it reads back as text and not as an item."""
    return _CONTINUED_ITEM if _ITEM_LIKE.match(line) else indent


def _table_lines(table: Table) -> list[str]:
    out = [f"Table: {table.title}".rstrip()]
    if table.header:
        out.extend(_row(row) for row in table.header_rows)
        out.append(_row(tuple("---" for _ in table.header)))
    out.extend(_row(row) for row in table.rows)
    out.append("End Table")
    return out


def render_row(cells: tuple[str, ...]) -> str:
    """One table row as source text, `| G07 | words | no |`."""
    return _row(cells)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(write_cell(cell) for cell in cells) + " |"
