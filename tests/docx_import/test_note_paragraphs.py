"""A footnote or endnote of several paragraphs: the import reads each as a line of the note's text, and
export writes each line back as a paragraph of the note (it wrote the whole note as one paragraph)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from spectool.docx_import import import_docx
from spectool.model.document import Clause, Footnote
from spectool.redline.export import export_spec
from spectool.wordml.names import w
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.office import Office

from .docx_builder import DocxBuilder, import_built
from .test_note_numbers import citing, note

FOOTNOTE = ["The log holds the last ten events.", "Older events may be overwritten.", "See also clause 1.2."]
ENDNOTE = ["Alerts go to the supplier.", "A copy stays on the meter."]


def document() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("1 Scope")
    builder.raw(citing("1.1 The meter shall keep a log.", "footnote", 1))
    builder.raw(citing("1.2 The meter shall send alerts.", "endnote", 1))
    builder.notes_part("footnote", note("footnote", 1, *(("", line) for line in FOOTNOTE)))
    builder.notes_part("endnote", note("endnote", 1, *(("", line) for line in ENDNOTE)))
    return builder


def note_paragraphs(path: Path, kind: str) -> list[str]:
    """The text of each paragraph of the document's note 1 of `kind` ("footnote" or "endnote")."""
    with zipfile.ZipFile(path) as archive:
        part = etree.fromstring(archive.read(f"word/{kind}s.xml"))
    (found,) = [n for n in part.iterchildren(w(kind)) if n.get(w("id")) == "1"]
    return ["".join(p.itertext()).strip() for p in found.iterchildren(w("p"))]


def test_each_paragraph_of_a_note_is_exported_as_a_paragraph_of_it(tmp_path: Path) -> None:
    result = import_built(document(), tmp_path)
    (clause, _) = result.spec.sections[0].blocks
    assert isinstance(clause, Clause)
    (footnote,) = clause.attachments
    assert isinstance(footnote, Footnote) and footnote.text.value == "\n".join(FOOTNOTE)
    exported = tmp_path / "export.docx"
    export_spec(result.spec, exported)
    assert note_paragraphs(exported, "footnote") == FOOTNOTE
    assert note_paragraphs(exported, "endnote") == ENDNOTE
    again = import_docx(exported, name=result.spec.name, version=result.spec.version)
    assert again.spec == result.spec


def test_libreoffice_reads_the_same_note_paragraphs_in_the_export(office: Office, tmp_path: Path) -> None:  # noqa: F811
    original = document().save(tmp_path / "original.docx")
    shown = office.notes(original)
    assert shown == {"footnotes": [FOOTNOTE], "endnotes": [ENDNOTE]}
    exported = tmp_path / "export.docx"
    export_spec(import_docx(original, name="SMETS2", version="5.0").spec, exported)
    assert office.notes(exported) == shown
