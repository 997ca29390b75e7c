"""The text of paragraphs as Word shows it, read with lxml: runs, tabs, breaks, and what bookmarks start."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from spectool.wordml.names import Element, local_name, w
from spectool.wordml.revisions import accept_revisions, reject_revisions

# Properties and recorded changes hold no text a reader sees.
_SKIPPED = frozenset(("pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "pPrChange", "rPrChange"))
_CONTAINERS = ("sdt", "sdtContent", "customXml")


@dataclass(frozen=True, slots=True)
class ReadParagraph:
    text: str
    bookmarks: tuple[str, ...] = ()  # names of the bookmarks that start in it


def paragraph_text(paragraph: Element) -> str:
    """The text of one paragraph's runs: `w:t` and `w:delText`, tabs as "\\t", breaks as "\\n"."""
    parts: list[str] = []
    _collect(paragraph, parts, [])
    return "".join(parts)


def settled_paragraphs(root: Element, *, accepted: bool) -> list[ReadParagraph]:
    """The paragraphs of `root`'s body once every tracked change is accepted (or rejected), on a copy;
    a table gives the paragraphs of its cells, row by row."""
    settled = copy.deepcopy(root)
    (accept_revisions if accepted else reject_revisions)(settled)
    body = settled.find(w("body"))
    return read_paragraphs(body if body is not None else settled)


def read_paragraphs(container: Element) -> list[ReadParagraph]:
    """The paragraphs of a body or cell in order, the cells of its tables row by row."""
    out: list[ReadParagraph] = []
    for node in container:
        name = local_name(node)
        if name == "p":
            parts: list[str] = []
            bookmarks: list[str] = []
            _collect(node, parts, bookmarks)
            out.append(ReadParagraph("".join(parts), tuple(bookmarks)))
        elif name == "tbl":
            for row in node.iterchildren(w("tr")):
                for cell in row.iterchildren(w("tc")):
                    out.extend(read_paragraphs(cell))
        elif name in _CONTAINERS:
            out.extend(read_paragraphs(node))
    return out


def _collect(element: Element, parts: list[str], bookmarks: list[str]) -> None:
    for node in element:
        name = local_name(node)
        if name in _SKIPPED:
            continue
        if name in ("t", "delText"):
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "bookmarkStart":
            bookmarks.append(node.get(w("name")) or "")
        else:
            _collect(node, parts, bookmarks)
