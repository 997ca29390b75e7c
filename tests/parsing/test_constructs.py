"""Every construct of grammars/spec.lark, read into the model with its positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.errors import InputError
from spectool.model.document import Clause, Definition, Note, Table
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec, read_spec

FIXTURE = Path(__file__).parent.parent / "fixtures" / "sample.spec"
HEADER = "---\nspec: SMETS2\nversion: 4.2\ntitle: Smart Metering Equipment Technical Specifications\n---\n"


def test_header_fields() -> None:
    spec = parse_spec(
        "---\nspec: CHTS\nversion: 1.5\ntitle: Communications Hub\nstatus: Designated\n"
        "date: 2019-11-07\n---\n# 1 Intro\n"
    )
    assert (spec.name, spec.version, spec.title, spec.status, spec.date) == (
        "CHTS",
        "1.5",
        "Communications Hub",
        "Designated",
        "2019-11-07",
    )
    assert spec.key == "CHTS@1.5"


def test_sections_at_any_depth() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n## 5.7 Power Supply\n### 5.7.4 Hub Interface\n5.7.4.12 ESME shall supply power.\n"
    )
    assert [str(section.number) for section in spec.sections] == ["5", "5.7", "5.7.4"]
    assert [section.title for section in spec.sections] == ["ESME", "Power Supply", "Hub Interface"]
    clause = spec.clause("5.7.4.12")
    assert clause is not None and clause.id == "5.7.4.12"
    assert spec.section_of(clause).id == "5.7.4"


def test_clause_with_continuation_keeps_line_breaks_and_positions() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n## 5.7 Power\n5.7.1 ESME shall supply power\n    to the Communications Hub.\n"
    )
    clause = spec.clause("5.7.1")
    assert clause is not None
    assert clause.text.value == "ESME shall supply power\nto the Communications Hub."
    assert clause.text.flat == "ESME shall supply power to the Communications Hub."
    assert (clause.position.line, clause.position.column) == (8, 1)
    assert clause.text.locate(0) == (8, 7)
    assert clause.text.locate(clause.text.value.index("Communications")) == (9, 12)


def test_lettered_and_roman_sub_items() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n## 5.7 Power\n5.7.1 ESME shall:\n  (a) supply power; and\n"
        "    (i) on every phase;\n    (ii) during activation;\n  (b) record the\n"
        "      interruption.\n"
    )
    clause = spec.clause("5.7.1")
    assert clause is not None
    assert [item.label for item in clause.items] == ["a", "b"]
    assert [item.label for item in clause.items[0].items] == ["i", "ii"]
    assert clause.items[1].text.value == "record the\ninterruption."
    assert clause.items[0].items[1].position.line == 11
    assert "(ii) during activation;" in clause.full_text


def test_notes_and_tables_attach_to_the_clause_above() -> None:
    spec = read_spec(FIXTURE)
    clause = spec.clause("5.7.1")
    assert clause is not None
    note, table = clause.attachments
    assert isinstance(note, Note) and note.text.value == "informative."
    assert isinstance(table, Table)
    assert table.title == "Alerts"
    assert table.header == ("Code", "Name")
    assert table.rows == (("AD1", "Power Outage Alert"),)


def test_note_and_table_under_a_heading_belong_to_the_section() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\nNote 2: general text.\nTable: Codes\n| A | B |\n|---|---|\n"
        "| 1 | 2 |\nEnd Table\n5.1 ESME shall work.\n"
    )
    section = spec.sections[0]
    assert isinstance(section.blocks[0], Note) and section.blocks[0].label == "2"
    assert isinstance(section.blocks[1], Table) and section.blocks[1].rows == (("1", "2"),)
    assert isinstance(section.blocks[2], Clause)


def test_glossary_definitions() -> None:
    spec = parse_spec(
        HEADER + '# 2 Glossary\n"Supply Outage" means the absence of\n  electricity.\n'
        "\u201cFirmware\u201d means the software in a Device:\n  (a) as installed.\n"
    )
    first, second = spec.definitions()
    assert isinstance(first, Definition)
    assert first.term == "Supply Outage"
    assert first.text.value == "means the absence of\nelectricity."
    assert second.term == "Firmware" and second.items[0].label == "a"


def test_references_in_running_text() -> None:
    spec = read_spec(FIXTURE)
    clause = spec.clause("5.7.1")
    assert clause is not None
    chts, local = clause.references
    assert (chts.target, chts.spec, chts.label) == (ClauseNumber.parse("4.3"), "CHTS", "Section")
    assert (local.target, local.spec, local.label) == (ClauseNumber.parse("5.7.2"), None, "clause")
    assert (local.position.line, local.position.column) == (12, 7)


def test_references_in_sub_items_and_notes() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n5.1 ESME shall:\n  (a) meet Section 4.3 of SMETS2; and\nNote: see clause 5.1.\n"
    )
    clause = spec.clause("5.1")
    assert clause is not None
    assert [str(ref.target) for ref in clause.all_references()] == ["4.3", "5.1"]
    assert clause.items[0].references[0].spec == "SMETS2"


def test_suppression_comment_applies_to_the_next_clause_only() -> None:
    spec = read_spec(FIXTURE)
    suppressed = spec.clause("5.7.2")
    assert suppressed is not None
    assert suppressed.suppressions[0].codes == ("TERM001",)
    assert suppressed.suppressions[0].reason == "quoted on purpose"
    other = spec.clause("5.7.1")
    assert other is not None and other.suppressions == ()


def test_plain_comments_and_blank_lines_are_ignored() -> None:
    spec = parse_spec(HEADER + "\n\n// drafting note\n# 5 ESME\n\n   \n5.1 ESME shall work.\n\n")
    assert [clause.id for clause in spec.clauses()] == ["5.1"]


def test_requirement_needs_shall() -> None:
    spec = parse_spec(HEADER + "# 5 ESME\n5.1 ESME shall work.\n5.2 Not used.\n")
    assert [clause.is_requirement for clause in spec.clauses()] == [True, False]


def test_windows_line_endings_and_bom() -> None:
    text = "\ufeff" + (HEADER + "# 5 ESME\n5.1 ESME shall work.\n").replace("\n", "\r\n")
    from spectool.sources import decode_source

    spec = parse_spec(decode_source(text.encode("utf-8"), "x.spec"))
    assert spec.clause("5.1") is not None


def test_lists_of_references_give_one_reference_per_number() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n5.1 ESME shall meet clauses 5.2 and 5.3, Sections 4.3, 4.4 and 4.5 of the CHTS,\n"
        "  and clauses 5.1 to 5.4, within Section 5 and 3 minutes.\n"
    )
    clause = spec.clause("5.1")
    assert clause is not None
    assert [(str(ref.target), ref.spec) for ref in clause.references] == [
        ("5.2", None),
        ("5.3", None),
        ("4.3", "CHTS"),
        ("4.4", "CHTS"),
        ("4.5", "CHTS"),
        ("5.1", None),
        ("5.4", None),
        ("5", None),
    ]
    second = clause.references[1]
    assert clause.text.value[second.offset : second.offset + second.length] == "5.3"
    assert (second.position.line, second.position.column) == (7, 37)


def test_inserted_clause_and_section_numbers() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n## 5.5 Power\n5.5.1 ESME shall work.\n5.5.1A ESME shall also rest.\n"
        "## 5.5A Inserted\n5.5A.1 ESME shall log.\n5.5A.1AA ESME shall count.\n"
    )
    assert [section.id for section in spec.sections] == ["5", "5.5", "5.5A"]
    assert [clause.id for clause in spec.clauses()] == ["5.5.1", "5.5.1A", "5.5A.1", "5.5A.1AA"]
    inserted = spec.clause("5.5A.1AA")
    assert inserted is not None and spec.section_of(inserted).title == "Inserted"
    assert inserted.text.value == "ESME shall count."


def test_a_lettered_number_must_still_belong_to_its_section() -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(HEADER + "# 5 ESME\n## 5.5A Inserted\n5.5.2 ESME shall log.\n")
    assert "clause 5.5.2 does not belong to section 5.5A" in str(caught.value.problems[0])


def test_references_to_inserted_numbers() -> None:
    spec = parse_spec(
        HEADER + "# 5 ESME\n5.1 ESME shall meet clause 2.1.2A, Section 5A and clauses 5.6.4A and 5.6.4AA,\n"
        "  but not clause 2.1.3Abc or Section 4 AND 5.\n"
    )
    clause = spec.clause("5.1")
    assert clause is not None
    targets = [str(ref.target) for ref in clause.references]
    assert targets == ["2.1.2A", "5A", "5.6.4A", "5.6.4AA", "2.1.3", "4"]
    first = clause.references[0]
    assert clause.text.value[first.offset : first.offset + first.length] == "clause 2.1.2A"
