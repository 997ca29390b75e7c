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
from spectool.model.document import Spec

__all__ = ["EXPORT_AUTHOR", "export_docx_bytes", "export_spec"]

EXPORT_AUTHOR = "spectool"


def export_spec(
    spec: Spec, path: Path, template_dir: Path | None = None, *, inputs: tuple[Path, ...] = ()
) -> None:
    """Write `spec` as a clean .docx at `path` (atomically; never over `inputs` or the spec's source)."""
    sources = (*inputs, Path(spec.path)) if spec.path else inputs
    write_bytes_atomic(path, export_docx_bytes(spec, template_dir), inputs=sources)


def export_docx_bytes(spec: Spec, template_dir: Path | None = None) -> bytes:
    """The clean .docx's bytes (spectool.docx_export.export_docx_bytes)."""
    # Imported here: spectool.docx_export builds on spectool.redline, whose package imports this module.
    from spectool.docx_export.package import export_docx_bytes as written

    return written(spec, template_dir)
