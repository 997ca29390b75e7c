"""Legal text as Word redlines with real tracked changes, HTML and Markdown redlines, and clean exports."""

from __future__ import annotations

from spectool.redline.accept import read_side
from spectool.redline.check import RedlineStructureError, check_document
from spectool.redline.cover import Modification
from spectool.redline.docx import redline_docx_bytes, write_redline_docx
from spectool.redline.export import export_docx_bytes, export_spec
from spectool.redline.review import redline_html, redline_markdown
from spectool.redline.templates import TemplateOutputError

__all__ = [
    "Modification",
    "RedlineStructureError",
    "TemplateOutputError",
    "check_document",
    "export_docx_bytes",
    "export_spec",
    "read_side",
    "redline_docx_bytes",
    "redline_html",
    "redline_markdown",
    "write_redline_docx",
]
