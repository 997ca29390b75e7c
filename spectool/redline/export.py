"""The clean DOCX of one spec version: the redline templates with no revisions and no summary.

The structure is kept simple for importers (docs/redline.md): section headings in "Heading N"
styles; each clause one paragraph that starts with its typed number ("5.7.1 "); sub-items as
"(a) " paragraphs; notes as "Note:" paragraphs; tables as Word tables after a "Table: title"
caption; definitions in a two-column Term/Definition table under their section's heading.
"""

from __future__ import annotations

from pathlib import Path

from spectool.atomic import write_bytes_atomic
from spectool.diff.document import page_as_redline
from spectool.diff.page import spec_page
from spectool.errors import UsageError
from spectool.model.document import Spec
from spectool.redline.docx import redline_docx_bytes
from spectool.redline.revisions import revision_date

EXPORT_AUTHOR = "spectool"


def export_spec(
    spec: Spec, path: Path, template_dir: Path | None = None, *, inputs: tuple[Path, ...] = ()
) -> None:
    """Write `spec` as a clean .docx at `path` (atomically; never over `inputs` or the spec's source)."""
    sources = (*inputs, Path(spec.path)) if spec.path else inputs
    write_bytes_atomic(path, export_docx_bytes(spec, template_dir), inputs=sources)


def export_docx_bytes(spec: Spec, template_dir: Path | None = None) -> bytes:
    return redline_docx_bytes(
        page_as_redline(spec_page(spec)),
        author=EXPORT_AUTHOR,
        date=_document_date(spec.date),
        template_dir=template_dir,
        tracked=False,
    )


def _document_date(text: str) -> str:
    """The spec's own date, so that exporting the same source twice gives the same bytes."""
    try:
        return revision_date(text) if text else revision_date("1980-01-01")
    except UsageError:
        return revision_date("1980-01-01")
