"""A numbered paragraph in a footnote or endnote keeps the label Word shows, as text leading its line.

Word and LibreOffice count a list in the notes apart from the body's, going on from one note to the
next; spectool counts the footnotes apart from the endnotes, as Word's separate stories, where
LibreOffice goes on from one into the other (docs/import.md, "Word's automatic numbering").
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from bench.real_docs import CorpusDocument, DocumentResult, Source, count_note_numbers
from spectool.diff.document import diff_specs
from spectool.docx_import import import_docx
from spectool.model.document import Footnote, Spec
from spectool.parsing import parse_spec
from spectool.redline.export import export_spec
from spectool.redline.inplace import redline_onto_bytes
from spectool.wordml.names import w
from tests.docx_import.exported import as_exported
from tests.redline.conftest import office  # noqa: F401  (the session's LibreOffice)
from tests.redline.office import Office

from .docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml

LETTERS, DECIMALS, BULLETS = 1, 2, 3


def numbered(num_id: int, level: int = 0) -> str:
    return f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'


def styled(style_id: str) -> str:
    return f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def note(kind: str, key: int, *paragraphs: tuple[str, str]) -> str:
    """A note of (paragraph properties, text) paragraphs, its mark opening the first."""
    body = "".join(
        f"<w:p>{properties}{f'<w:r><w:{kind}Ref/></w:r>' if index == 0 else ''}{run(text)}</w:p>"
        for index, (properties, text) in enumerate(paragraphs)
    )
    return f'<w:{kind} w:id="{key}">{body}</w:{kind}>'


def citing(text: str, kind: str, key: int) -> str:
    return f'<w:p>{run(text)}<w:r><w:{kind}Reference w:id="{key}"/></w:r></w:p>'


def lists(builder: DocxBuilder) -> None:
    builder.numbering(
        abstract_xml(1, level_xml(0, "(%1)", "lowerLetter"), level_xml(1, "(%2)", "lowerRoman")),
        abstract_xml(2, level_xml(0, "%1.", "decimal")),
        abstract_xml(3, level_xml(0, "\u2022", "bullet")),
        num_xml(LETTERS, 1),
        num_xml(DECIMALS, 2),
        num_xml(BULLETS, 3),
    )
    builder.style("NoteList", "Note List", numbering=(DECIMALS, 0))


def document() -> DocxBuilder:
    """A body list (a) to (c) around two footnotes and two endnotes with numbered paragraphs of the
    same lists: by w:numPr, by their style, one switched off (numId 0) and a bullet."""
    builder = DocxBuilder()
    lists(builder)
    builder.heading("1 Scope")
    builder.paragraph("1.1 The meter shall keep a log.")
    builder.paragraph("the first body item", numbering=(LETTERS, 0))
    builder.raw(citing("The log holds events.", "footnote", 1))
    builder.paragraph("the second body item", numbering=(LETTERS, 0))
    builder.raw(citing("The log is read remotely.", "footnote", 2))
    builder.raw(citing("Alerts are sent.", "endnote", 1))
    builder.paragraph("the third body item", numbering=(LETTERS, 0))
    builder.raw(citing("Alerts are logged.", "endnote", 2))
    builder.notes_part(
        "footnote",
        note("footnote", 1, ("", "An event is one of:"), (numbered(LETTERS), "a power outage"))
        + note(
            "footnote",
            2,
            (numbered(LETTERS), "a tamper"),
            (numbered(LETTERS, 1), "of the cover"),
            ("", "in any case"),
            (styled("NoteList"), "counted by its style"),
        ),
    )
    builder.notes_part(
        "endnote",
        note("endnote", 1, (styled("NoteList"), "the first endnote line"), (numbered(BULLETS), "a bullet"))
        + note(
            "endnote",
            2,
            (styled("NoteList"), "the second endnote line"),
            (
                styled("NoteList").replace("</w:pPr>", '<w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'),
                "not numbered",
            ),
        ),
    )
    return builder


def notes(spec: Spec) -> dict[str, list[list[str]]]:
    """The lines of each footnote and endnote, in citation order."""
    found: dict[str, list[list[str]]] = {"footnotes": [], "endnotes": []}
    for section in spec.sections:
        for block in section.blocks:
            for attached in (block, *getattr(block, "attachments", ())):
                if isinstance(attached, Footnote):
                    found[f"{attached.kind.lower()}s"].append(attached.text.value.split("\n"))
    return found


EXPECTED = {
    # the notes' lists count apart from the body's (a) to (c), from one note to the next
    "footnotes": [
        ["An event is one of:", "(a) a power outage"],
        ["(b) a tamper", "(i) of the cover", "in any case", "1. counted by its style"],
    ],
    # the endnotes' count of the style's list is their own: it starts again at 1
    "endnotes": [
        ["1. the first endnote line", "- a bullet"],
        ["2. the second endnote line", "not numbered"],
    ],
}


def test_numbered_note_paragraphs_keep_their_labels(tmp_path: Path) -> None:
    result = import_built(document(), tmp_path)
    assert notes(result.spec) == EXPECTED
    # the body's own count is untouched by the notes'
    assert "  (c) the third body item\n" in result.source


def test_no_label_is_invented_where_no_list_numbers(tmp_path: Path) -> None:
    # The same document with its numbering definitions taken away.
    builder = document()
    builder.numbering()
    result = import_built(builder, tmp_path)
    assert notes(result.spec)["footnotes"][1] == [
        "a tamper",
        "of the cover",
        "in any case",
        "counted by its style",
    ]


def test_export_then_import_is_a_fixed_point(tmp_path: Path) -> None:
    result = import_built(document(), tmp_path)
    exported = tmp_path / "export.docx"
    export_spec(result.spec, exported)
    again = import_docx(exported, name=result.spec.name, version=result.spec.version)
    assert again.spec == as_exported(result.spec)
    assert notes(again.spec) == EXPECTED
    export_spec(again.spec, tmp_path / "again.docx")
    assert import_docx(tmp_path / "again.docx", name="SMETS2", version="5.0").spec == again.spec


def test_libreoffice_shows_the_same_labels_in_footnotes(office: Office, tmp_path: Path) -> None:  # noqa: F811
    original = document().save(tmp_path / "original.docx")
    shown = office.notes(original)
    assert shown["footnotes"] == EXPECTED["footnotes"]
    # Departures (docs/import.md): LibreOffice counts the endnotes on from the footnotes' count of the
    # same list (Word keeps them apart, as stories of their own), and gives no label for a bullet.
    assert shown["endnotes"] == [
        ["2. the first endnote line", "a bullet"],
        ["3. the second endnote line", "not numbered"],
    ]
    # The export writes each line of a note as a paragraph, its label typed: LibreOffice reads the same.
    exported = tmp_path / "export.docx"
    export_spec(import_docx(original, name="SMETS2", version="5.0").spec, exported)
    assert office.notes(exported) == EXPECTED


def test_the_real_document_evaluation_counts_numbered_note_paragraphs(tmp_path: Path) -> None:
    path = document().save(tmp_path / "notes.docx")
    result = DocumentResult(CorpusDocument(path, Source("own", "tests", "0", "built"), "notes.docx", ""))
    count_note_numbers(result, path, import_docx(path, name="SMETS2", version="5.0").source)
    assert (result.note_numbered, result.note_numbers_kept) == (6, 6)  # bullets are not numbers
    # a source that lost one label
    count_note_numbers(
        result, path, import_docx(path, name="SMETS2", version="5.0").source.replace("(i) ", "")
    )
    assert (result.note_numbered, result.note_numbers_kept) == (12, 11)


def test_a_reworded_numbered_note_is_written_in_place_around_words_label(tmp_path: Path) -> None:
    # The label leads the note's text in the model; in the document it is Word's to show, not typed.
    builder = DocxBuilder()
    lists(builder)
    builder.heading("1 General")
    builder.raw(citing("1.1 The meter shall keep the last ten records.", "footnote", 1))
    builder.notes_part(
        "footnote", note("footnote", 1, (numbered(LETTERS), "Older records may be overwritten."))
    )
    imported = import_built(builder, tmp_path)
    assert "Footnote 1: (a) Older records may be overwritten." in imported.source
    base = parse_spec(imported.source, "base.spec")
    new = parse_spec(imported.source.replace("be overwritten", "be deleted"), "new.spec")
    data = redline_onto_bytes(
        diff_specs(base, new), tmp_path / "built.docx", base=base, author="SECAS", date="2024-05-01T09:30:00Z"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    assert ["".join(e.itertext()) for e in notes.iter(w("del"))] == ["overwritten"]
    assert ["".join(e.itertext()) for e in notes.iter(w("ins"))] == ["deleted"]
    assert "(a)" not in "".join(notes.itertext())


def clause_note() -> DocxBuilder:
    """A clause citing a footnote whose second and third paragraphs Word letters (a) and (b)."""
    builder = DocxBuilder()
    lists(builder)
    builder.heading("1 Scope")
    builder.raw(citing("1.1 The meter shall keep a log.", "footnote", 1))
    lines = (
        ("", "An event is one of:"),
        (numbered(LETTERS), "a power outage"),
        (numbered(LETTERS), "a tamper"),
    )
    builder.notes_part("footnote", note("footnote", 1, *lines))
    return builder


def test_a_clause_note_whose_lines_word_letters_reads_back(tmp_path: Path) -> None:
    # Its lines "(a) ..." are written six spaces in, where no sub-item stands: at two they read back as
    # sub-items after the note, and the import refused the document ("does not read back").
    result = import_built(clause_note(), tmp_path)
    assert notes(result.spec)["footnotes"] == [["An event is one of:", "(a) a power outage", "(b) a tamper"]]
    assert "\n      (a) a power outage\n" in result.source
    assert parse_spec(result.source, "again.spec").sections == result.spec.sections
