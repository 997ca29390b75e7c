"""The DOCX writer: templates give the parts, views give the body, the structural check guards the
result, and the package is zipped and written atomically."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from spectool.atomic import write_bytes_atomic
from spectool.diff.model import Redline
from spectool.diff.summary import Summary
from spectool.redline.check import RedlineStructureError, check_document
from spectool.redline.cover import CoverView, Modification, cover_view, summary_view
from spectool.redline.marks import place_marks
from spectool.redline.package import zip_package
from spectool.redline.rationale import Rationale
from spectool.redline.revisions import RevisionIds
from spectool.redline.templates import (
    TemplateOutputError,
    W,
    render_fragment,
    render_part,
    template_environment,
)
from spectool.redline.view import body_views

# (part name in the package, template)
_PARTS = (
    ("[Content_Types].xml", "content_types.xml.j2"),
    ("_rels/.rels", "package_rels.xml.j2"),
    ("word/_rels/document.xml.rels", "document_rels.xml.j2"),
    ("word/styles.xml", "styles.xml.j2"),
    ("word/settings.xml", "settings.xml.j2"),
    ("docProps/core.xml", "core.xml.j2"),
    ("docProps/app.xml", "app.xml.j2"),
)
# Only in a redline: the running header and footer; only with notes: the comments.
_TRACKED_PARTS = (("word/header1.xml", "header.xml.j2"), ("word/footer1.xml", "footer.xml.j2"))
_COMMENTS_PART = ("word/comments.xml", "comments.xml.j2")


def write_redline_docx(
    redline: Redline,
    path: Path,
    *,
    author: str,
    date: str,
    modification: Modification | None = None,
    template_dir: Path | None = None,
    inputs: Iterable[Path] = (),
    notes: Sequence[Rationale] = (),
) -> None:
    """The redline as a .docx with tracked changes; `inputs` are never written over."""
    data = redline_docx_bytes(
        redline,
        author=author,
        date=date,
        modification=modification,
        template_dir=template_dir,
        notes=notes,
    )
    write_bytes_atomic(path, data, inputs=inputs)


def redline_docx_bytes(
    redline: Redline,
    *,
    author: str,
    date: str,
    modification: Modification | None = None,
    template_dir: Path | None = None,
    tracked: bool = True,
    notes: Sequence[Rationale] = (),
) -> bytes:
    """The .docx's bytes: the same for the same inputs, byte for byte (every date is `date`)."""
    cover = cover_view(redline, author, date, modification, tracked=tracked)
    summary = summary_view(redline) if tracked else None
    return docx_bytes(redline, cover, summary, template_dir, notes)


def docx_bytes(
    redline: Redline,
    cover: CoverView,
    summary: Summary | None,
    template_dir: Path | None,
    notes: Sequence[Rationale] = (),
) -> bytes:
    environment = template_environment(template_dir)
    document = render_part(
        environment, "document.xml.j2", cover=cover, summary=summary, tracked=cover.tracked
    )
    body = document.find(f"{{{W}}}body")
    if body is None:
        raise TemplateOutputError("template document.xml.j2 has no w:body")
    ids = RevisionIds(cover.author, cover.date, start=highest_id(document) + 1)
    section = body.find(f"{{{W}}}sectPr")
    units = body_views(redline, ids)
    comments = place_marks(redline, units, summary.rows if summary else (), notes, ids)
    # The whole body in one rendering, parsed as it streams; each unit's elements then go before
    # w:sectPr, which must stay last (addprevious does not walk the body as insert does).
    for element in render_fragment(environment, "body.xml.j2", units=units):
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)
    problems = check_document(document)
    if problems:
        raise RedlineStructureError(problems)
    templates = [
        *_PARTS,
        *(_TRACKED_PARTS if cover.tracked else ()),
        *((_COMMENTS_PART,) if comments else ()),
    ]
    context = {"cover": cover, "summary": summary, "tracked": cover.tracked, "comments": comments}
    parts = [
        (name, _serialise(render_part(environment, template, **context))) for name, template in templates
    ]
    parts.insert(1, ("word/document.xml", _serialise(document)))
    return zip_package(parts, cover.date)


def highest_id(root: Any) -> int:
    """The highest w:id already in a part (-1 if none): the counter starts above it."""
    values = [
        int(value) for value in root.xpath("//@w:id", namespaces={"w": W}) if str(value).lstrip("-").isdigit()
    ]
    return max(values, default=-1)


def _serialise(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data
