"""The two views of a Word document with tracked changes (all rejected = base, all accepted = edited),
and what the document says of its changes: who made them and when, and the comments on them."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from spectool.docx_import.importer import import_docx
from spectool.model.document import Spec
from spectool.wordml.names import Element, safe_parser, w
from spectool.wordml.package import open_word_package
from spectool.wordml.revisions import DELETIONS, INSERTIONS

_CLAUSE_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)+[A-Z]?)\b")
_TEXT_CHANGES = (*INSERTIONS, *DELETIONS)


@dataclass(frozen=True, slots=True)
class Revision:
    """One author's tracked text changes: how many, and the dates they span (as Word wrote them)."""

    author: str
    count: int
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the document and the clause whose paragraph it is anchored in ("" if none)."""

    clause: str
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class DraftViews:
    """The base and edited spec read from the document, and what it says of its changes."""

    base: Spec
    edited: Spec
    title: str
    revisions: tuple[Revision, ...] = ()
    comments: tuple[Comment, ...] = ()


def read_tracked(path: Path, name: str, version: str) -> DraftViews:
    """Both views of a document whose tracked changes are the proposed amendment."""
    base = import_docx(path, name=name, version=version, reject_changes=True).spec
    edited = import_docx(path, name=name, version=version, accept_changes=True).spec
    package = open_word_package(path)
    parts = [part for part in (package.body, package.footnotes, package.endnotes) if part is not None]
    return DraftViews(
        base, edited, package.core_title, tuple(revisions_of(*parts)), tuple(read_comments(path))
    )


def read_compared(original: Path, edited_path: Path, name: str, version: str) -> DraftViews:
    """The views of two clean documents: the designated one and an edited copy."""
    base = import_docx(original, name=name, version=version).spec
    edited = import_docx(edited_path, name=name, version=version).spec
    package = open_word_package(edited_path)
    return DraftViews(base, edited, package.core_title, (), tuple(read_comments(edited_path)))


def revisions_of(*roots: Element) -> list[Revision]:
    """Tracked text changes by author, in the order authors first appear; formatting changes left out."""
    found: dict[str, list[str]] = {}
    changes = tuple(w(name) for name in _TEXT_CHANGES)
    for element in (found_element for root in roots for found_element in root.iter(*changes)):
        author = str(element.get(w("author")) or "unknown")
        found.setdefault(author, []).append(str(element.get(w("date")) or ""))
    out = []
    for author, dates in found.items():
        known = sorted(date for date in dates if date)
        out.append(Revision(author, len(dates), known[0] if known else "", known[-1] if known else ""))
    return out


def read_comments(path: Path) -> list[Comment]:
    """The comments of a document with the clause each is anchored in."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "word/comments.xml" not in names:
            return []
        comments = etree.fromstring(archive.read("word/comments.xml"), safe_parser())
        body = etree.fromstring(archive.read("word/document.xml"), safe_parser())
    anchored: dict[str, str] = {}
    for paragraph in body.iter(w("p")):
        starts = [
            str(mark.get(w("id"))) for mark in paragraph.iter(w("commentRangeStart"), w("commentReference"))
        ]
        if not starts:
            continue
        text = "".join(node.text or "" for node in paragraph.iter(w("t"), w("delText")))
        number = _CLAUSE_NUMBER.match(text)
        for identity in starts:
            anchored.setdefault(identity, number.group(1) if number else "")
    out = []
    for comment in comments.iter(w("comment")):
        identity = str(comment.get(w("id")))
        words = " ".join(
            "".join(node.text or "" for node in paragraph.iter(w("t"))) for paragraph in comment.iter(w("p"))
        ).strip()
        if words:
            out.append(Comment(anchored.get(identity, ""), str(comment.get(w("author")) or ""), words))
    return out
