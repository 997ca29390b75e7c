"""Import a published specification from Word (.docx) into the spec source format."""

from __future__ import annotations

from spectool.docx_import.importer import DocxImport, import_docx
from spectool.docx_import.issues import ImportIssue
from spectool.wordml.package import DEFAULT_LIMITS, PackageLimits

__all__ = [
    "DEFAULT_LIMITS",
    "DocxImport",
    "ImportIssue",
    "PackageLimits",
    "import_docx",
]
