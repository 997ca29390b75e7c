"""The clean DOCX of one spec version, written by spectool.docx_export (docs/import.md, "Export").

The structure is kept simple for importers (docs/redline.md): section headings in "Heading N"
styles; each clause one paragraph that starts with its typed number ("5.7.1 "); sub-items as
"(a) " paragraphs; notes as "Note:" paragraphs; tables as Word tables after a "Table: title"
caption; definitions in a two-column Term/Definition table under their section's heading; and the
blocks of real documents (front matter, free paragraphs, other headings, contents, footnotes,
placeholders) as docs/import.md describes.
"""

from __future__ import annotations

from pathlib import Path

from spectool.atomic import write_bytes_atomic
from spectool.docx_export import export_docx_bytes
from spectool.docx_export.package import EXPORT_AUTHOR
from spectool.model.document import Spec

__all__ = ["EXPORT_AUTHOR", "export_docx_bytes", "export_spec"]


def export_spec(
    spec: Spec, path: Path, template_dir: Path | None = None, *, inputs: tuple[Path, ...] = ()
) -> None:
    """Write `spec` as a clean .docx at `path` (atomically; never over `inputs` or the spec's source)."""
    sources = (*inputs, Path(spec.path)) if spec.path else inputs
    write_bytes_atomic(path, export_docx_bytes(spec, template_dir), inputs=sources)
