"""Import a published specification from Word (.docx) into the spec source format."""

from __future__ import annotations

from spectool.docx_import.importer import DocxImport, import_docx
from spectool.docx_import.issues import ImportIssue
from spectool.docx_import.output import check_target, write_atomically
from spectool.docx_import.package import DEFAULT_LIMITS, PackageLimits

__all__ = [
    "DEFAULT_LIMITS",
    "DocxImport",
    "ImportIssue",
    "PackageLimits",
    "check_target",
    "import_docx",
    "write_atomically",
]
