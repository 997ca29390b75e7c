"""Read a WordprocessingML document as if every revision were accepted (the new text) or rejected
(the old text), with lxml alone: python-docx's Paragraph.text reads neither w:ins nor w:del."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from spectool.diff.model import Side
from spectool.redline.templates import W

_GONE_CONTENT = {Side.NEW: ("del", "moveFrom"), Side.OLD: ("ins", "moveTo")}
_SKIPPED = ("pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "pPrChange", "rPrChange")


def _local(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


@dataclass(frozen=True, slots=True)
class ReadParagraph:
    text: str
    bookmarks: tuple[str, ...] = ()  # names of the bookmarks that start in it


def read_document_xml(path: Path) -> Any:
    """The root element of word/document.xml in a .docx."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def read_side(root: Any, side: Side) -> list[ReadParagraph]:
    """The document's paragraphs after accepting all revisions (NEW) or rejecting them all (OLD);
    a table gives the paragraphs of its cells, row by row."""
    body = root.find(f"{{{W}}}body")
    return _container(body if body is not None else root, side)


def lines_after(paragraphs: list[ReadParagraph], bookmark: str) -> list[str]:
    """The text of the paragraphs from the one holding `bookmark` on (all of them if it is missing)."""
    for index, paragraph in enumerate(paragraphs):
        if bookmark in paragraph.bookmarks:
            return [p.text for p in paragraphs[index:]]
    return [p.text for p in paragraphs]


def lines_before(paragraphs: list[ReadParagraph], bookmark: str) -> list[str]:
    for index, paragraph in enumerate(paragraphs):
        if bookmark in paragraph.bookmarks:
            return [p.text for p in paragraphs[:index]]
    return []


def _container(container: Any, side: Side) -> list[ReadParagraph]:
    out: list[ReadParagraph] = []
    carried: ReadParagraph | None = None  # a paragraph whose mark is gone joins the next paragraph
    for child in container:
        name = _local(child)
        if name == "p":
            text, bookmarks = _paragraph(child, side)
            if carried is not None:
                text, bookmarks = carried.text + text, carried.bookmarks + bookmarks
                carried = None
            paragraph = ReadParagraph(text, bookmarks)
            if _mark_gone(child, side):
                carried = paragraph
            else:
                out.append(paragraph)
            continue
        if carried is not None:  # a mark cannot go where a table follows: the paragraph stays
            out.append(carried)
            carried = None
        if name == "tbl":
            out.extend(_table(child, side))
        elif name in ("sdt", "sdtContent", "customXml"):
            out.extend(_container(child, side))
    if carried is not None:
        out.append(carried)
    return out


def _table(table: Any, side: Side) -> list[ReadParagraph]:
    out: list[ReadParagraph] = []
    for row in table.iter(f"{{{W}}}tr"):
        if row.getparent() is not table or _revision_gone(row.find(f"{{{W}}}trPr"), side):
            continue
        for cell in row.iter(f"{{{W}}}tc"):
            if cell.getparent() is row:
                out.extend(_container(cell, side))
    return out


def _paragraph(paragraph: Any, side: Side) -> tuple[str, tuple[str, ...]]:
    parts: list[str] = []
    bookmarks: list[str] = []
    _collect(paragraph, side, parts, bookmarks)
    return "".join(parts), tuple(bookmarks)


def _collect(element: Any, side: Side, parts: list[str], bookmarks: list[str]) -> None:
    for child in element:
        name = _local(child)
        if name in _SKIPPED or name in _GONE_CONTENT[side]:
            continue
        if name in ("t", "delText"):
            parts.append(child.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "bookmarkStart":
            bookmarks.append(child.get(f"{{{W}}}name") or "")
        else:
            _collect(child, side, parts, bookmarks)


def _mark_gone(paragraph: Any, side: Side) -> bool:
    return _revision_gone(paragraph.find(f"{{{W}}}pPr/{{{W}}}rPr"), side)


def _revision_gone(properties: Any, side: Side) -> bool:
    if properties is None:
        return False
    return any(_local(child) in _GONE_CONTENT[side] for child in properties)
