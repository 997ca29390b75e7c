"""The blocks of real documents in the source format: front matter, free text, headings without numbers."""

from __future__ import annotations

import pytest

from spectool.errors import InputError
from spectool.model.document import (
    MERGED_ABOVE,
    Clause,
    Contents,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Table,
)
from spectool.parsing import parse_spec, render_spec

HEADER = "---\nspec: SMETS2\nversion: 5.0\ntitle: Smart Metering Equipment Technical Specifications\n---\n"

DOCUMENT = (
    HEADER
    + """
> Smart Energy Code
> Version 5.0, designated
# [] Document Control
Table: Version history
| Version | Date | Change |
| --- | --- | --- |
| 4.2 | 2019 | Designated<br>by the Secretary of State |
End Table
Contents:
  1 Introduction
  2 Glossary
Image: word/media/image1.png -- the SEC logo
# 1 Introduction
> This part states no requirement; it mentions Section 2.
# [] Scope
1.1.1 ESME shall comply with this document.[1]
Footnote 1: see clause 1.1.1 of the CHTS.
> [Annex A] Text numbered in another shape.
  (a) with a sub-item.
# [Annex B] Alerts
Table:
| Code | Alert |
| Group | Name |
| --- | --- |
| 8F0A | Supply Outage <br> or a \\| bar |
| ^ | second |
End Table
Equation: word/document.xml#eq1 -- E = P x t
"""
)


def test_front_matter_holds_what_stands_before_the_first_numbered_heading() -> None:
    spec = parse_spec(DOCUMENT)
    kinds = [type(block) for block in spec.front]
    assert kinds == [Paragraph, Paragraph, Heading, Table, Contents, Placeholder]
    title, version, control, history, contents, logo = spec.front
    assert isinstance(title, Paragraph) and title.text.value == "Smart Energy Code"
    assert isinstance(version, Paragraph) and version.text.value == "Version 5.0, designated"
    assert isinstance(control, Heading) and (control.level, control.label, control.title) == (
        1,
        "",
        "Document Control",
    )
    assert isinstance(history, Table) and history.rows == (
        ("4.2", "2019", "Designated\nby the Secretary of State"),
    )
    assert isinstance(contents, Contents) and contents.entries == ("1 Introduction", "2 Glossary")
    assert isinstance(logo, Placeholder) and (logo.kind, logo.target, logo.description) == (
        "Image",
        "word/media/image1.png",
        "the SEC logo",
    )
    assert [section.id for section in spec.sections] == ["1"]


def test_free_blocks_inside_a_section_keep_their_order_and_references() -> None:
    spec = parse_spec(DOCUMENT)
    blocks = spec.sections[0].blocks
    assert [type(block) for block in blocks] == [
        Paragraph,
        Heading,
        Clause,
        Paragraph,
        Heading,
        Table,
        Placeholder,
    ]
    intro = blocks[0]
    assert isinstance(intro, Paragraph) and [str(ref.target) for ref in intro.references] == ["2"]
    clause = spec.clause("1.1.1")  # deeper than its heading: there is no section 1.1
    assert clause is not None and spec.section_of(clause).id == "1"
    (footnote,) = clause.attachments
    assert isinstance(footnote, Footnote) and (footnote.kind, footnote.label) == ("Footnote", "1")
    assert [(str(ref.target), ref.spec) for ref in footnote.references] == [("1.1.1", "CHTS")]
    annex_text = blocks[3]
    assert isinstance(annex_text, Paragraph) and annex_text.label == "Annex A"
    assert annex_text.items[0].text.value == "with a sub-item."
    annex = blocks[4]
    assert isinstance(annex, Heading) and (annex.label, annex.title) == ("Annex B", "Alerts")


def test_tables_with_header_rows_merged_and_multi_paragraph_cells() -> None:
    table = parse_spec(DOCUMENT).sections[0].blocks[5]
    assert isinstance(table, Table)
    assert table.header_rows == (("Code", "Alert"), ("Group", "Name"))
    assert table.rows == (("8F0A", "Supply Outage\nor a | bar"), (MERGED_ABOVE, "second"))


def test_the_document_renders_back_to_the_same_model() -> None:
    spec = parse_spec(DOCUMENT)
    assert parse_spec(render_spec(spec)) == spec
    assert render_spec(parse_spec(render_spec(spec))) == render_spec(spec)


def test_a_clause_before_the_first_numbered_heading_is_still_a_problem() -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(HEADER + "> Title page\n# [] Foreword\n1.1 ESME shall work.\n# 1 Introduction\n")
    (problem,) = caught.value.problems
    assert problem.line == 8 and "before the first numbered heading" in problem.message


def test_a_clause_outside_its_section_is_still_a_problem_when_deeper() -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(HEADER + "# 1 Introduction\n## 1.1 Scope\n1.2.1 ESME shall work.\n")
    assert "clause 1.2.1 does not belong to section 1.1" in caught.value.problems[0].message


def test_a_note_after_a_free_paragraph_stands_on_its_own() -> None:
    spec = parse_spec(HEADER + "# 1 Introduction\n> Free text.\nNote: informative.\n")
    assert [type(block) for block in spec.sections[0].blocks] == [Paragraph, Note]
