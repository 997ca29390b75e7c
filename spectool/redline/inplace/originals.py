"""Which Word original a redline in place is written into: the one named, or the one an imported spec
records, found beside the spec file; and the check that it is still that document."""

from __future__ import annotations

from pathlib import Path

from spectool.diff.free import FREE_KINDS
from spectool.diff.page import spec_page
from spectool.docx_import.importer import import_docx
from spectool.docx_import.provenance import check_document
from spectool.errors import InputError, Problem
from spectool.model.document import Spec


def recorded_original(spec: Spec) -> Path | None:
    """The document `spec` was imported from, when a file of its recorded name stands beside the spec's
    own file; None for a spec written in source or whose document is elsewhere."""
    if spec.source is None or not spec.path:
        return None
    candidate = Path(spec.path).parent / Path(spec.source.name).name
    return candidate if candidate.is_file() else None


def check_original(original: Path, base: Spec) -> None:
    """InputError unless `original` is the document `base` was imported from: the same bytes when the
    spec records their SHA-256, else a document the importer still reads as exactly the spec's text."""
    if base.source is not None:
        check_document(base, original)
        return
    imported = import_docx(original, name=base.name, version=base.version, title=base.title).spec
    # Free text is checked as the blocks are found (spectool.redline.inplace.locate), which names the
    # document's paragraph that differs.
    old = [unit for unit in spec_page(base).units if unit.kind not in FREE_KINDS]
    new = [unit for unit in spec_page(imported).units if unit.kind not in FREE_KINDS]
    if old == new:
        return
    differing = next((a.label for a, b in zip(old, new, strict=False) if a != b), "its length")
    message = f"the document no longer matches {base.name} {base.version}: {differing} differs"
    hint = f"redline onto the document {base.name} {base.version} was imported from, or import it again"
    raise InputError([Problem(str(original), 0, 0, message, hint=hint)])
