"""Every place WordprocessingML can hold text the reader sees is read: each on a document built here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spectool.docx_import import DocxImport, import_docx
from spectool.model.document import Clause, Footnote, Section, Spec, Text
from spectool.model.numbers import ClauseNumber
from spectool.redline.export import export_spec

from .docx_builder import NSDECL, DocxBuilder, import_built

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# (a word that must be kept, the paragraph holding it); each paragraph opens with a word of its own.
PARAGRAPHS: dict[str, str] = {
    "hyperlink": f'<w:p>{run("Linked ")}<w:hyperlink w:anchor="x">{run("anchorword")}</w:hyperlink></w:p>',
    "smart tag": f'<w:p>{run("Tagged ")}<w:smartTag w:element="place">{run("tagword")}</w:smartTag></w:p>',
    "custom XML": f'<w:p>{run("Custom ")}<w:customXml w:element="e">{run("customword")}</w:customXml></w:p>',
    "content control": (
        f'<w:p>{run("Controlled ")}<w:sdt><w:sdtPr><w:alias w:val="Field"/></w:sdtPr>'
        f"<w:sdtContent>{run('controlword')}</w:sdtContent></w:sdt></w:p>"
    ),
    "simple field": (
        f'<w:p>{run("See ")}<w:fldSimple w:instr=" REF clause \\h ">{run("fieldword")}</w:fldSimple></w:p>'
    ),
    "complex field": (
        f'<w:p>{run("Refer ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF codeword </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{run("resultword")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    ),
    "nested containers": (
        f'<w:p>{run("Nested ")}<w:hyperlink w:anchor="x"><w:smartTag w:uri="u" w:element="e">'
        f'<w:customXml w:element="c"><w:sdt><w:sdtContent>{run("deepword")}</w:sdtContent></w:sdt>'
        "</w:customXml></w:smartTag></w:hyperlink></w:p>"
    ),
    "direction": f'<w:p>{run("Directed ")}<w:dir w:val="rtl">{run("dirword")}</w:dir></w:p>',
    "ruby": (
        f"<w:p>{run('Annotated ')}<w:r><w:ruby><w:rubyPr/><w:rt>{run('guideword')}</w:rt>"
        f"<w:rubyBase>{run('baseword')}</w:rubyBase></w:ruby></w:r></w:p>"
    ),
    "alternate content around runs": (
        f'<w:p>{run("Alternative ")}<mc:AlternateContent {MC} {W14}><mc:Choice Requires="w14">'
        f"{run('branchword')}</mc:Choice><mc:Fallback>{run('branchword')}</mc:Fallback>"
        "</mc:AlternateContent></w:p>"
    ),
    "alternate content in a run": (
        f'<w:p>{run("Symbol ")}<w:r><mc:AlternateContent {MC} {W14}><mc:Choice Requires="w14">'
        "<w:t>symbolword</w:t></mc:Choice><mc:Fallback><w:t>symbolword</w:t></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    ),
}


def built(paragraphs: dict[str, str]) -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    for xml in paragraphs.values():
        builder.raw(xml.replace("<w:p>", f"<w:p {NSDECL} {MC} {W14}>", 1))
    return builder


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> DocxImport:
    return import_built(built(PARAGRAPHS), tmp_path_factory.mktemp("paths"))


@pytest.mark.parametrize("place", sorted(PARAGRAPHS))
def test_text_inside_each_container_is_kept(imported: DocxImport, place: str) -> None:
    words = [word for word in _words(PARAGRAPHS[place]) if word.endswith("word") and word != "codeword"]
    for word in words:
        assert word in imported.source, f"{place}: {word} lost"
    assert imported.source.count(words[0]) == 1, f"{place}: {words[0]} read twice"


def test_a_field_code_is_not_text_but_its_result_is(imported: DocxImport) -> None:
    assert "codeword" not in imported.source and "PAGEREF" not in imported.source


def _words(xml: str) -> list[str]:
    return re.findall(r">([A-Za-z]+)<", xml)


def cell(text: str) -> str:
    return f"<w:tc><w:p>{run(text)}</w:p></w:tc>"


def test_blocks_inside_content_controls_and_custom_xml_are_kept(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    builder.raw(
        f"<w:sdt {NSDECL}><w:sdtPr><w:alias w:val='Block'/></w:sdtPr><w:sdtContent>"
        f"<w:p>{run('Blockcontrolword text.')}</w:p>"
        f"<w:tbl><w:tr>{cell('Tablecontrolword')}{cell('second')}</w:tr></w:tbl></w:sdtContent></w:sdt>"
    )
    builder.raw(
        f"<w:customXml {NSDECL} w:element='part'><w:p>{run('Blockcustomword text.')}</w:p></w:customXml>"
    )
    builder.raw(
        f"<w:tbl {NSDECL}><w:tr>{cell('Head')}{cell('Value')}</w:tr>"
        f"<w:sdt><w:sdtContent><w:tr>{cell('Rowcontrolword')}"
        f"<w:customXml w:element='c'>{cell('Cellcustomword')}</w:customXml></w:tr></w:sdtContent></w:sdt>"
        f"<w:tr>{cell('Last')}<w:tc><w:sdt><w:sdtContent><w:p>{run('Cellcontrolword')}</w:p>"
        "</w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>"
    )
    builder.raw(
        f"<mc:AlternateContent {NSDECL} {MC}><mc:Choice Requires='w14'><w:p>{run('Blockbranchword')}</w:p>"
        f"</mc:Choice><mc:Fallback><w:p>{run('Blockbranchword')}</w:p></mc:Fallback></mc:AlternateContent>"
    )
    source = import_built(builder, tmp_path).source
    assert source.count("Blockbranchword") == 1
    for word in (
        "Blockcontrolword",
        "Tablecontrolword",
        "Blockcustomword",
        "Rowcontrolword",
        "Cellcustomword",
    ):
        assert source.count(word) == 1, word
    assert "| Last | Cellcontrolword |" in source


def test_accepted_insertions_and_moves_are_kept_and_deletions_go(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.heading("1 Scope", 1)
    author = 'w:id="{}" w:author="A" w:date="2026-01-01T00:00:00Z"'
    builder.raw(
        f"<w:p>{run('1.1 The meter shall ')}<w:ins {author.format(1)}>{run('insertedword ')}</w:ins>"
        f"<w:del {author.format(2)}><w:r><w:delText>deletedword </w:delText></w:r></w:del>"
        f"<w:moveTo {author.format(3)}>{run('movedword')}</w:moveTo>"
        f"<w:moveFrom {author.format(4)}>{run('movedawayword')}</w:moveFrom></w:p>"
    )
    result = import_built(builder, tmp_path, accept_changes=True)
    clause = result.spec.clause("1.1")
    assert clause is not None and clause.text.value == "The meter shall insertedword movedword"


def test_notes_cited_where_no_block_takes_the_paragraph_are_kept(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.footnote("Supply Specification", "a note on the title", style_id="Title")
    builder.footnote("Status: Draft", "a note on the status line")
    builder.heading("1 Scope", 1)
    builder.paragraph("1.1 The meter shall keep a log.")
    builder.footnote("", "a note cited from an empty paragraph")
    builder.footnote("Table 2: Readings", "a note on a caption", style_id="Caption")
    builder.table([["Reading", "Unit"], ["Energy", "kWh"]])
    result = import_built(builder, tmp_path)
    assert result.spec.title == "Supply Specification" and result.spec.status == "Draft"
    for text in ("the title", "the status line", "an empty paragraph", "a caption"):
        assert f"a note {'cited from' if 'empty' in text else 'on'} {text}" in result.source, text
    assert not any("cited again" in issue.message for issue in result.issues)


def test_a_note_first_in_the_front_matter_comes_back_through_export(tmp_path: Path) -> None:
    # Export cites it from an empty paragraph, which the import now reads for its notes.
    note = Footnote("Footnote", "1", Text("a note before everything"))
    clause = Clause(ClauseNumber.parse("1.1"), Text("The meter shall keep a log."))
    spec = Spec(
        "SMETS2", "5.0", "Notes", (Section(ClauseNumber.parse("1"), "Scope", (clause,)),), front=(note,)
    )
    path = tmp_path / "export.docx"
    export_spec(spec, path)
    again = import_docx(path, name="SMETS2", version="5.0")
    assert again.spec == spec and again.issues == ()
