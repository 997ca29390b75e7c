"""Read a redline as if every revision were accepted (the new text) or rejected (the old text), through
the one accept/reject of `spectool.wordml.revisions`: python-docx's Paragraph.text reads neither."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from spectool.diff.model import Side
from spectool.wordml.names import Element
from spectool.wordml.text import ReadParagraph, settled_paragraphs

__all__ = ["ReadParagraph", "lines_after", "lines_before", "read_document_xml", "read_side"]


def read_document_xml(path: Path) -> Element:
    """The root element of word/document.xml in a .docx."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def read_side(root: Element, side: Side) -> list[ReadParagraph]:
    """The document's paragraphs after accepting all revisions (NEW) or rejecting them all (OLD);
    a table gives the paragraphs of its cells, row by row."""
    return settled_paragraphs(root, accepted=side is Side.NEW)


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
