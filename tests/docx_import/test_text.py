"""Text as Word shows it: quotes and spaces normalised, field results kept, footnotes attached."""

from __future__ import annotations

from pathlib import Path

from spectool.model.document import Contents, Footnote, Note, Paragraph, Placeholder, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references

from .docx_builder import DocxBuilder, import_built


def power_supply() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    return builder


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_smart_quotes_non_breaking_spaces_and_tabs_are_normalised(tmp_path: Path) -> None:
    builder = power_supply()
    builder.paragraph(
        "5.7.1\u00a0\tESME\u00a0shall  show \u2018Supply\u2019 as \u201cOn\u201d\u2009\u2014\u00a0always."
    )
    builder.paragraph("5.7.2\tESME shall not\u200b break\u00adable words.")
    spec = import_built(builder, tmp_path).spec
    texts = [clause.text.value for clause in spec.clauses()]
    assert texts == ["ESME shall show 'Supply' as \"On\" \u2014 always.", "ESME shall not breakable words."]


def test_line_breaks_become_lines(tmp_path: Path) -> None:
    builder = power_supply()
    builder.paragraph("5.7.1 ESME shall supply power\n  as set out in Section 4.3 of the CHTS.")
    clause = import_built(builder, tmp_path).spec.clause("5.7.1")
    assert clause is not None
    assert clause.text.value == "ESME shall supply power\nas set out in Section 4.3 of the CHTS."
    (reference,) = clause.references
    assert (reference.target, reference.spec) == (ClauseNumber((4, 3)), "CHTS")


def test_simple_and_complex_fields_keep_their_displayed_text(tmp_path: Path) -> None:
    builder = power_supply()
    builder.raw(
        f"<w:p>{run('5.7.1 ESME shall act as set out in clause ')}"
        f'<w:fldSimple w:instr=" REF _Ref1 \\h ">{run("5.7.2")}</w:fldSimple>'
        f"{run(' and Section ')}"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref2 \\r \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> QUOTE "nested code" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run('nested code result')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run('4.3')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f"{run(' of the CHTS.')}</w:p>"
    )
    builder.paragraph("5.7.2 ESME shall comply.")
    clause = import_built(builder, tmp_path).spec.clause("5.7.1")
    assert clause is not None
    assert clause.text.value == "ESME shall act as set out in clause 5.7.2 and Section 4.3 of the CHTS."
    assert [(str(ref.target), ref.spec) for ref in clause.references] == [("5.7.2", None), ("4.3", "CHTS")]


def test_a_table_of_contents_field_is_kept_as_a_contents_list_and_reported_once(tmp_path: Path) -> None:
    builder = DocxBuilder()
    builder.raw(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run('5.7 Power Supply')}<w:r><w:tab/></w:r>{run('3')}</w:p>"
    )
    builder.raw(f"<w:p>{run('5.7.1 ESME shall supply power')}<w:r><w:tab/></w:r>{run('4')}</w:p>")
    builder.raw(f'<w:p>{run("5.8 Display")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    result = import_built(builder, tmp_path)
    assert [str(clause.number) for clause in result.spec.clauses()] == ["5.7.1"]
    assert result.spec.front == (
        Contents(("5.7 Power Supply 3", "5.7.1 ESME shall supply power 4", "5.8 Display")),
    )
    assert [str(issue) for issue in result.issues] == [
        'paragraph 1 ("5.7 Power Supply 3"): 3 paragraphs of a table of contents: kept as a contents list, '
        "which export writes afresh (the first is here)",
        'paragraph 4 ("5.7 Power Supply"): 1 clause or section with no heading of its parent above it: an '
        "empty heading is added for each missing parent",
    ]


def test_footnotes_go_with_the_clause_that_cites_them_or_after_their_paragraph(tmp_path: Path) -> None:
    builder = power_supply()
    builder.footnote("5.7.1 ESME shall supply power", "As measured at the meter.", " continuously.")
    builder.paragraph("Note: informative.")
    builder.paragraph("(a) including \u201cstandby\u201d;")
    builder.footnote("(b) including start-up", "See the \u2018CHTS\u2019.", ".")
    builder.footnote("5.8 Display", "Headings cannot hold notes.", style_id="Heading2")
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    assert clause.text.value == "ESME shall supply power continuously."
    assert clause.attachments == (
        Footnote("Footnote", "1", Text("As measured at the meter.")),
        Note(Text("informative.")),
        Footnote("Footnote", "2", Text("See the 'CHTS'."), find_references(Text("See the 'CHTS'."))),
    )
    display = result.spec.section("5.8")
    assert display is not None
    assert display.blocks == (Footnote("Footnote", "3", Text("Headings cannot hold notes.")),)
    assert result.issues == ()


def test_hidden_text_and_pictures(tmp_path: Path) -> None:
    builder = power_supply()
    builder.raw(
        f"<w:p>{run('5.7.1 ESME shall show ')}"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words </w:t></w:r>"
        f"{run('the logo')}<w:r><w:drawing/></w:r>{run('.')}</w:p>"
    )
    result = import_built(builder, tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None and clause.text.value == "ESME shall show the logo."
    section = result.spec.section("5.7")
    assert section is not None and section.blocks[-1] == Placeholder(
        "Image", "word/document.xml#paragraph-3", "a picture"
    )
    assert [str(issue) for issue in result.issues] == [
        'paragraph 3 ("5.7.1 ESME shall show the logo."): 1 picture, equation or embedded object: kept as '
        "placeholders (the source format holds no binary data)"
    ]


def test_a_text_box_keeps_its_words_in_its_placeholder(tmp_path: Path) -> None:
    builder = power_supply()
    box = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>Datum plane</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>"
    )
    builder.raw(f"<w:p>{run('5.7.1 ESME shall show the figure.')}<w:r>{box}</w:r></w:p>")
    result = import_built(builder, tmp_path)
    section = result.spec.section("5.7")
    assert section is not None
    assert section.blocks[-2] == Placeholder(
        "Image", "word/document.xml#paragraph-3", "a drawing or text box: Datum plane"
    )
    # The box's paragraph also stands as text after it, once though the box is drawn twice.
    assert section.blocks[-1] == Paragraph(Text("Datum plane"))
    assert "Image: word/document.xml#paragraph-3 -- a drawing or text box: Datum plane" in result.source
