"""LibreOffice's text of the export of an SEC-shaped document's import equals its text of the document.

Page furniture aside: the export's cover adds a subtitle line ("SMETS2 version 5.0"); LibreOffice
indents list labels and separates them with tabs, so spacing is compared as single spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spectool.redline.export import export_spec
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.office import Office

from .docx_builder import import_built
from .sec_shapes import SHAPES

# LibreOffice ignores w:isLgl (docs/import.md): it shows "I.1" where the standard, and the export, show "1.1".
_LEGAL_NUMBER = re.compile(r"^(?:[IVX]+|[0-9]+)((?:\.[0-9]+)+) ")


def comparable(lines: list[str], legal: bool) -> list[str]:
    out = []
    for line in lines:
        line = " ".join(line.split())
        out.append(_LEGAL_NUMBER.sub(r"#\1 ", line) if legal else line)
    return out


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_libreoffice_reads_the_export_as_it_reads_the_document(
    office: Office,  # noqa: F811
    tmp_path: Path,
    shape: str,
) -> None:
    original = SHAPES[shape]().save(tmp_path / "original.docx")
    imported = import_built(SHAPES[shape](), tmp_path, name="SMETS2", version="5.0").spec
    exported = tmp_path / "export.docx"
    export_spec(imported, exported)
    subtitle = f"{imported.name} version {imported.version}"
    legal = shape == "sec-legal-outline"
    expected = comparable(office.lines(original, None), legal)
    assert comparable([line for line in office.lines(exported, None) if line != subtitle], legal) == expected
