"""`spectool export`: a spec model written as a clean Word document that `spectool import` reads back."""

from __future__ import annotations

from spectool.docx_export.package import export_docx_bytes

__all__ = ["export_docx_bytes"]
