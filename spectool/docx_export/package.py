"""The export's package: the body and its notes, labels and styles rendered, checked and zipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from spectool.docx_export.body import BodyWriter
from spectool.docx_export.view import ENDNOTE, FOOTNOTE
from spectool.errors import UsageError
from spectool.model.document import Spec
from spectool.redline.check import RedlineStructureError, check_document
from spectool.redline.cover import CoverView, flat
from spectool.redline.export import EXPORT_AUTHOR
from spectool.redline.package import zip_package
from spectool.redline.revisions import revision_date
from spectool.redline.templates import render_fragment, render_part, template_environment

NO_DATE = "1980-01-01"  # the earliest date a zip entry can carry

# (part name in the package, template), shared with the redline
_SHARED_PARTS = (
    ("_rels/.rels", "package_rels.xml.j2"),
    ("docProps/core.xml", "core.xml.j2"),
    ("docProps/app.xml", "app.xml.j2"),
)
_EXPORT_PARTS = (
    ("[Content_Types].xml", "export/content_types.xml.j2"),
    ("word/_rels/document.xml.rels", "export/document_rels.xml.j2"),
    ("word/settings.xml", "export/settings.xml.j2"),
)


def export_docx_bytes(spec: Spec, template_dir: Path | None = None) -> bytes:
    """The clean .docx of `spec`: the same bytes for the same spec (every date is the spec's own)."""
    environment = template_environment(template_dir)
    writer = BodyWriter(spec)
    body = writer.write()
    footnotes = [note for note in writer.notes if note.kind == FOOTNOTE]
    endnotes = [note for note in writer.notes if note.kind == ENDNOTE]
    labels = writer.labels.lists
    document = render_part(environment, "export/document.xml.j2", body=body)
    problems = check_document(document)
    if problems:
        raise RedlineStructureError(problems)
    cover = _cover(spec)
    context = {"cover": cover, "labels": labels, "footnotes": footnotes, "endnotes": endnotes}
    parts = [(name, _rendered(environment, template, **context)) for name, template in _EXPORT_PARTS]
    parts.append(("word/document.xml", _serialise(document)))
    parts.append(("word/styles.xml", _serialise(_styles(environment))))
    if labels:
        parts.append(("word/numbering.xml", _rendered(environment, "export/numbering.xml.j2", labels=labels)))
    for kind, notes in ((FOOTNOTE, footnotes), (ENDNOTE, endnotes)):
        if notes:
            parts.append(
                (f"word/{kind}s.xml", _rendered(environment, "export/notes.xml.j2", kind=kind, notes=notes))
            )
    parts.extend((name, _rendered(environment, template, **context)) for name, template in _SHARED_PARTS)
    return zip_package(parts, cover.date)


def _styles(environment: Any) -> Any:
    """The redline's styles with the export's own appended."""
    styles = render_part(environment, "styles.xml.j2")
    for element in render_fragment(environment, "export/styles.xml.j2"):
        styles.append(element)
    return styles


def _cover(spec: Spec) -> CoverView:
    version = flat(spec.version)
    return CoverView(
        tracked=False,
        heading=flat(f"{spec.name} version {spec.version}"),
        spec_name=flat(spec.name),
        spec_title=flat(spec.title),
        old_version=version,
        new_version=version,
        status=flat(spec.status),
        spec_date=flat(spec.date),
        author=EXPORT_AUTHOR,
        date=_document_date(spec.date),
        modification_id="",
        modification_title="",
        elided=False,
    )


def _document_date(text: str) -> str:
    """The spec's own date, so that exporting the same source twice gives the same bytes."""
    try:
        return revision_date(text) if text else revision_date(NO_DATE)
    except UsageError:
        return revision_date(NO_DATE)


def _rendered(environment: Any, template: str, **context: Any) -> bytes:
    return _serialise(render_part(environment, template, **context))


def _serialise(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data
