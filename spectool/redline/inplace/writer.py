"""A redline written into a copy of the Word original a spec was imported from: the change request as a
first section, tracked changes in the original's own paragraphs, a comment on each change; every other
part of the package copied as it was."""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2
from lxml import etree

from spectool.atomic import write_bytes_atomic
from spectool.diff.model import Redline
from spectool.diff.summary import Summary, change_anchor
from spectool.docx_import.styles import StyleSheet
from spectool.errors import InputError, Problem
from spectool.model.document import Spec
from spectool.redline.check import RedlineStructureError, StructureProblem, check_document
from spectool.redline.cover import CoverView, Modification, cover_view, summary_view
from spectool.redline.docx import highest_id
from spectool.redline.inplace.body import BodyChanges, BodyWriter, UnplacedChange
from spectool.redline.inplace.locate import PlacementError, added_headings, free_texts, locate
from spectool.redline.inplace.originals import check_original
from spectool.redline.inplace.recorded import note_paragraphs, recorded_places
from spectool.redline.inplace.runs import w_element
from spectool.redline.marks import CommentView
from spectool.redline.package import zip_package
from spectool.redline.rationale import Rationale
from spectool.redline.revisions import RevisionIds
from spectool.redline.templates import render_fragment, render_part, template_environment
from spectool.wordml.names import Element, w
from spectool.wordml.package import (
    ENDNOTES,
    FOOTNOTES,
    OpenedPackage,
    parse_part,
    read_word_parts,
    word_package,
)
from spectool.wordml.revisions import summarise_revisions

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COVER_BOOKMARK = "_SpectoolCover"  # on the first paragraph of the change request's section


def write_redline_onto(
    redline: Redline,
    original: Path,
    path: Path,
    *,
    base: Spec,
    author: str,
    date: str,
    modification: Modification | None = None,
    notes: Sequence[Rationale] = (),
    template_dir: Path | None = None,
    inputs: Iterable[Path] = (),
) -> None:
    """The redline written into a copy of `original`, saved at `path`; `original` is never written."""
    data = redline_onto_bytes(
        redline,
        original,
        base=base,
        author=author,
        date=date,
        modification=modification,
        notes=notes,
        template_dir=template_dir,
    )
    write_bytes_atomic(path, data, inputs=[original, *inputs])


def redline_onto_bytes(
    redline: Redline,
    original: Path,
    *,
    base: Spec,
    author: str,
    date: str,
    modification: Modification | None = None,
    notes: Sequence[Rationale] = (),
    template_dir: Path | None = None,
) -> bytes:
    """The .docx's bytes: the same for the same inputs (every date is `date`)."""
    opened = read_word_parts(original)
    package = word_package(opened)
    _refuse_tracked(package.body, str(original))
    check_original(original, base)
    document = opened.parts.root(opened.main)
    assert document is not None  # word_package has found its body
    ids = RevisionIds(author, date, start=_highest_id(opened) + 1)
    try:
        recorded = recorded_places(base, redline)
        located = locate(redline, package, free_texts(base), added_headings(base), recorded)
        styles = StyleSheet.from_element(package.styles)
        writer = BodyWriter(redline, located, ids, note_paragraphs(package, recorded), styles)
        changes = writer.write()
    except PlacementError as error:
        message = f"the document does not hold the text of {base.name} {base.version}: {error}"
        raise _refused(original, message) from None
    except UnplacedChange as error:
        raise _refused(original, f"cannot write this change into the document: {error}") from None
    summary = summary_view(redline)
    _bookmark_changes(redline, changes, {row.anchor for row in summary.rows if row.anchor}, ids)
    comments = _anchor_comments(notes, changes, ids)
    environment = template_environment(template_dir)
    cover = cover_view(redline, author, date, modification)
    _add_cover(package.body, environment, cover, summary, ids)
    problems = _new_problems(opened, opened.main, document)
    if problems:
        raise RedlineStructureError(problems)
    replaced = {opened.main: _serialise(document, opened.parts.data[opened.main])}
    if writer.notes_written:
        for name, root in _note_parts(opened):
            problems = _new_problems(opened, name, root)
            if problems:
                raise RedlineStructureError(problems)
            replaced[name] = _serialise(root, opened.parts.data[name])
    if comments:
        replaced.update(_comment_parts(opened, environment, comments))
    return zip_package(_entries(opened, replaced), date)


def _new_problems(opened: OpenedPackage, name: str, written: Element) -> list[StructureProblem]:
    """The structural problems of a part as written, less those of kinds the original part already
    had (Word's own documents are not always what the check asks); the original is only checked
    when the written part has problems, which it seldom has."""
    problems = check_document(written)
    if not problems:
        return []
    before = Counter(
        problem.code for problem in check_document(parse_part(name, opened.parts.data[name], ""))
    )
    return [problem for problem in problems if before[problem.code] == 0]


def _refused(original: Path, message: str, hint: str = "") -> InputError:
    return InputError([Problem(str(original), 0, 0, message, hint=hint)])


def _refuse_tracked(body: Element, path: str) -> None:
    count = summarise_revisions(body).count
    if count:
        raise InputError(
            [
                Problem(
                    path,
                    0,
                    0,
                    f"the document already holds {count} tracked change{'s' if count != 1 else ''}",
                    hint="accept or reject them in Word first",
                )
            ]
        )


def _highest_id(opened: OpenedPackage) -> int:
    roots = [opened.parts.root(opened.main)]
    comments = opened.parts.related(opened.main).get(COMMENTS_TYPE)
    roots.append(opened.parts.root(comments))
    roots.extend(root for _, root in _note_parts(opened))
    return max((highest_id(root) for root in roots if root is not None), default=-1)


def _note_parts(opened: OpenedPackage) -> list[tuple[str, Element]]:
    """The footnotes and endnotes parts, by name: a reworded note is written in its own part."""
    related = opened.parts.related(opened.main)
    found = [
        (name, opened.parts.root(name)) for name in (related.get(FOOTNOTES), related.get(ENDNOTES)) if name
    ]
    return [(name, root) for name, root in found if root is not None]


def _bookmark_changes(redline: Redline, changes: BodyChanges, anchors: set[str], ids: RevisionIds) -> None:
    for place, paragraphs in changes.touched.items():
        name = change_anchor(*place) if place[1] is not None else change_anchor(place[0])
        if name not in anchors or not paragraphs:
            continue
        number = str(ids.take())
        start, end = w_element("bookmarkStart"), w_element("bookmarkEnd")
        start.set(w("id"), number)
        start.set(w("name"), name)
        end.set(w("id"), number)
        _at_start(paragraphs[0], start)
        _at_start(paragraphs[0], end, after=start)


def _anchor_comments(notes: Sequence[Rationale], changes: BodyChanges, ids: RevisionIds) -> list[CommentView]:
    comments: list[CommentView] = []
    initials = "".join(word[0] for word in ids.author.split())[:9].upper()
    for note in notes:
        paragraphs = changes.touched.get(note.place) or changes.touched.get((note.unit, None, None))
        if not paragraphs:
            continue
        number = ids.take()
        start = w_element("commentRangeStart")
        start.set(w("id"), str(number))
        _at_start(paragraphs[0], start)
        end = w_element("commentRangeEnd")
        end.set(w("id"), str(number))
        reference = w_element("r")
        properties = w_element("rPr")
        style = w_element("rStyle")
        style.set(w("val"), "CommentReference")
        properties.append(style)
        reference.append(properties)
        mark = w_element("commentReference")
        mark.set(w("id"), str(number))
        reference.append(mark)
        paragraphs[-1].append(end)
        paragraphs[-1].append(reference)
        comments.append(CommentView(number, ids.author, initials, ids.date, note.text))
    return comments


def _at_start(paragraph: Element, element: Element, after: Element | None = None) -> None:
    if after is not None:
        after.addnext(element)
        return
    properties = paragraph.find(w("pPr"))
    if properties is not None:
        properties.addnext(element)
    else:
        paragraph.insert(0, element)


def _add_cover(
    body: Element, environment: jinja2.Environment, cover: CoverView, summary: Summary, ids: RevisionIds
) -> None:
    """The change request and the summary of changes as a first section, in the document's own page
    setup: they carry no revisions, so they read the same whichever way the changes go."""
    elements = [
        *render_fragment(environment, "cover.xml.j2", cover=cover),
        *render_fragment(environment, "summary.xml.j2", summary=summary),
    ]
    section = body.find(w("sectPr"))
    brk = w_element("p")
    properties = w_element("pPr")
    brk.append(properties)
    properties.append(copy.deepcopy(section) if section is not None else w_element("sectPr"))
    elements.append(brk)
    first = body[0] if len(body) else None
    number = str(ids.take())
    start, end = w_element("bookmarkStart"), w_element("bookmarkEnd")
    start.set(w("id"), number)
    start.set(w("name"), COVER_BOOKMARK)
    end.set(w("id"), number)
    _at_start(elements[0], start)
    _at_start(elements[0], end, after=start)
    for element in elements:
        _adopt(body, first, element)


def _adopt(body: Element, before: Element | None, element: Element) -> None:
    """`element`, from a rendered fragment, moved into the document before `before` (at the end without).
    lxml moves a subtree into another document in time that grows with the square of its size (the
    summary table of 4,000 changes took 2 s), so a table goes over without its rows, then row by row."""
    rows = list(element.iterchildren(w("tr"))) if element.tag == w("tbl") else []
    for row in rows:
        element.remove(row)
    if before is not None:
        before.addprevious(element)
    else:
        body.append(element)
    for row in rows:
        element.append(row)


def _comment_parts(
    opened: OpenedPackage, environment: jinja2.Environment, comments: list[CommentView]
) -> dict[str, bytes]:
    """comments.xml (the document's own, with ours added), and the relationship and content type
    that name it when the document had none."""
    parts = opened.parts
    rendered = render_part(environment, "comments.xml.j2", comments=comments)
    related = parts.related(opened.main)
    name = related.get(COMMENTS_TYPE)
    out: dict[str, bytes] = {}
    if name is not None and parts.root(name) is not None:
        existing = parts.root(name)
        assert existing is not None
        for comment in rendered:
            existing.append(comment)
        out[name] = _serialise(existing, parts.data[name])
        return out
    folder, main = posixpath.split(opened.main)
    name = posixpath.join(folder, "comments.xml")
    out[name] = _serialise(rendered)
    rels_name = posixpath.join(folder, "_rels", f"{main}.rels")
    relationships = parts.root(rels_name)
    if relationships is None:
        relationships = etree.Element(f"{{{_RELATIONSHIPS}}}Relationships", nsmap={None: _RELATIONSHIPS})
    taken = {str(node.get("Id")) for node in relationships}
    number = 1
    while f"rIdSpectoolComments{number}" in taken:
        number += 1
    etree.SubElement(
        relationships,
        f"{{{_RELATIONSHIPS}}}Relationship",
        Id=f"rIdSpectoolComments{number}",
        Type=COMMENTS_TYPE,
        Target="comments.xml",
    )
    out[rels_name] = _serialise(relationships, parts.data.get(rels_name))
    types = parts.root("[Content_Types].xml")
    assert types is not None  # main_part_name has checked it
    etree.SubElement(
        types, f"{{{_CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=COMMENTS_CONTENT
    )
    out["[Content_Types].xml"] = _serialise(types, parts.data["[Content_Types].xml"])
    return out


def _entries(opened: OpenedPackage, replaced: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """Every entry of the original in its order, the replaced ones changed, new ones after."""
    entries: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(opened.data)) as archive:
        for info in archive.infolist():
            data = replaced.pop(info.filename, None)
            entries.append((info.filename, data if data is not None else archive.read(info)))
    entries.extend(sorted(replaced.items()))
    return entries


def _serialise(root: Element, original: bytes | None = None) -> bytes:
    """The part as lxml writes it, after the original's own XML declaration (Word's, double-quoted)."""
    body: bytes = etree.tostring(root, encoding="UTF-8")
    if original is not None and original.startswith(b"<?xml"):
        end = original.index(b"?>") + 2
        while original[end : end + 1] in (b"\r", b"\n"):
            end += 1
        return original[:end] + body
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body
