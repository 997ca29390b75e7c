"""Issue 18, wording to accept: tables. `In the table in clause 4.3.5.1, in the row for G06, for "…"
substitute "…".`, and rows omitted and inserted (`omit the row for G06`, `after the row for G06 insert
the following row:`); through apply, `--verify`, check, mirror to SMETS2 5.0 and the redline, where
the rows are redlined as row insertions and deletions (LibreOffice judges both views)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import EditText, PartAction, RowEdit
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.diff.document import diff_specs
from spectool.errors import InputError
from spectool.model.document import Spec, Table
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.helpers import write_docx
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# SMETS2 4.2 and 5.0 both list GSME's Events G01 to G06 in the table of clause 4.3.5.1.
IN_ROW = HEAD + '1. In the table in clause 4.3.5.1, in the row for G06, for "no" substitute "yes".\n'
INSERTED = HEAD + (
    "1. In the table in clause 4.3.5.1, after the row for G06 insert the following rows:\n"
    "    | G07 | firmware image rejected | yes |\n"
    "    | G08 | clock adjusted | no |\n"
)
BEFORE = HEAD + (
    "1. In the table in clause 4.3.5.1, before the row for G01 insert the following row:\n"
    "    | G00 | battery replaced | no |\n"
)
OMITTED = HEAD + "1. In the table in clause 4.3.5.1, omit the row for G04.\n"
FORMS = [IN_ROW, INSERTED, BEFORE, OMITTED]


def rows(spec: Spec, number: str) -> list[tuple[str, ...]]:
    clause = spec.clause(number)
    assert clause is not None
    (table,) = clause.tables
    return list(table.rows)


def test_an_edit_in_a_named_row_changes_that_row_only() -> None:
    draft = amendment(IN_ROW)
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, EditText) and instruction.operation.place.row == "G06"
    assert instruction.subject == "the table in clause 4.3.5.1, in the row for G06"
    applied = apply_target(draft, KEY, smets2())
    before, after = rows(smets2(), "4.3.5.1"), rows(applied.spec, "4.3.5.1")
    assert after[-1] == ("G06", "firmware upgrade completed", "yes")
    assert after[:-1] == before[:-1]
    # "yes" stands in five rows: the row picks one out, where the clause alone cannot.
    g05 = HEAD + '1. In the table in clause 4.3.5.1, in the row for G05, for "yes" substitute "no".\n'
    assert rows(apply_target(amendment(g05), KEY, smets2()).spec, "4.3.5.1")[4][2] == "no"
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + '1. In clause 4.3.5.1, for "yes" substitute "no".\n'), KEY, smets2())
    assert '"yes" occurs 5 times' in str(caught.value)


def test_rows_are_inserted_beside_the_row_named_and_omitted() -> None:
    inserted = rows(apply_target(amendment(INSERTED), KEY, smets2()).spec, "4.3.5.1")
    assert [row[0] for row in inserted] == ["G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08"]
    before = rows(apply_target(amendment(BEFORE), KEY, smets2()).spec, "4.3.5.1")
    assert before[0] == ("G00", "battery replaced", "no")
    omitted = rows(apply_target(amendment(OMITTED), KEY, smets2()).spec, "4.3.5.1")
    assert [row[0] for row in omitted] == ["G01", "G02", "G03", "G05", "G06"]
    operation = amendment(OMITTED).targets[0].instructions[0].operation
    assert isinstance(operation, RowEdit)
    assert (str(operation.clause), operation.row, operation.action) == ("4.3.5.1", "G04", PartAction.OMIT)


@pytest.mark.parametrize("body", FORMS)
def test_each_form_is_written_back_as_read(body: str) -> None:
    draft = amendment(body)
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets


def test_a_row_named_by_words_with_spaces_is_quoted() -> None:
    draft = amendment(HEAD + '1. In the table in clause 6.1, omit the row for "E05".\n')
    assert "omit the row for E05." in render_amendment(draft)
    spaced = amendment(HEAD + '1. In the table in clause 4.3.5.1, in the row for "G 06", omit "no".\n')
    assert 'in the row for "G 06", omit' in render_amendment(spaced)
    with pytest.raises(InputError) as caught:
        apply_target(spaced, KEY, smets2())
    assert "the table has no row for G 06 (its rows are for G01, G02, G03, G04, G05, G06)" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "1. In the table in clause 4.3.5.1, after the row for G06 insert the following row:\n"
            "    | G07 | firmware image rejected |\n",
            "the new row has 2 cells, but the table's rows have 3",
        ),
        (
            "1. In the table in clause 4.3.5.1, after the row for G05 insert the following row:\n"
            "    | G06 | firmware image rejected | yes |\n",
            "the table already has a row for G06",
        ),
        ("1. In the table in clause 4.3.5.2, omit the row for G01.\n", "it has no table"),
        (
            '1. In the table in clause 4.3.5.1, in the row for G09, omit "no".\n',
            "the table has no row for G09",
        ),
    ],
)
def test_rows_that_cannot_be_found_or_stand_are_refused(body: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + body), KEY, smets2())
    assert message in str(caught.value)


def test_new_rows_are_written_as_in_the_spec() -> None:
    found = problems_of(
        HEAD + "1. In the table in clause 4.3.5.1, after the row for G06 insert the following row:\n"
        "    G07 firmware image rejected\n"
    )
    assert [p.message for p in found] == ['a new row is written as in the spec: "| G07 | words | no |"']


def test_verify_catches_a_row_changed_outside_the_one_named() -> None:
    draft = amendment(IN_ROW)
    applied = apply_target(draft, KEY, smets2()).spec
    assert verify_scope(draft, KEY, smets2(), applied) == []
    other = apply_target(
        amendment(HEAD + '1. In clause 5.5.3, for "Comms Hub" substitute "CH".\n'), KEY, applied
    )
    messages = [p.message for p in verify_scope(draft, KEY, smets2(), other.spec)]
    assert messages == ["SMETS2@4.2 clause 5.5.3 changed, but no instruction names it"]


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0"))
    assert rows(mirrored.spec, "4.3.5.1") == rows(apply_target(draft, KEY, smets2()).spec, "4.3.5.1")
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 4.3.5.1; SMETS2 5.0: 4.3.5.1"
    )
    assert check_findings(tmp_path, both + "\n" + body.replace("SMETS2 4.2", "SMETS2 4.2, 5.0")) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 4.3.5.1"
    )
    (left_behind,) = check_findings(tmp_path, alone + "\n" + body)
    assert " XVER001 " in left_behind and "SMETS2 5.0, also live, is not amended at all" in left_behind


def test_rows_are_redlined_as_row_insertions_and_deletions(tmp_path: Path) -> None:
    draft = amendment(
        HEAD + "1. In the table in clause 4.3.5.1, omit the row for G04.\n\n"
        "2. In the table in clause 4.3.5.1, after the row for G06 insert the following row:\n"
        "    | G07 | firmware image rejected | yes |\n"
    )
    applied = apply_target(draft, KEY, smets2())
    path = write_docx(diff_specs(applied.base, applied.spec, applied.numbering), tmp_path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    marked = []
    for row in re.findall(r"<w:tr\b.*?</w:tr>", xml, re.S):
        properties = re.search(r"<w:trPr>(.*?)</w:trPr>", row, re.S)
        mark = re.search(r"<w:(ins|del) ", properties[1]) if properties else None
        if mark is not None:
            marked.append((mark[1], re.findall(r"<w:(?:t|delText)>([^<]*)<", row)))
    assert marked == [
        ("del", ["G04", "cover removed", "yes"]),
        ("ins", ["G07", "firmware image rejected", "yes"]),
    ]


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())


def test_a_table_of_another_clause_is_not_reached() -> None:
    applied = apply_target(amendment(IN_ROW), KEY, smets2())
    clause = applied.spec.clause("6.1")
    base = smets2().clause("6.1")
    assert clause is not None and base is not None
    assert [a for a in clause.attachments if isinstance(a, Table)] == list(base.tables)


def test_verify_expects_the_rows_omitted_and_inserted_and_nothing_more() -> None:
    draft = amendment(OMITTED)
    applied = apply_target(draft, KEY, smets2()).spec
    assert verify_scope(draft, KEY, smets2(), applied) == []
    clause = applied.clause("4.3.5.1")
    assert clause is not None
    (table,) = clause.tables
    rows = (table.rows[0], ("G02", "valve shut", "yes"), *table.rows[2:])
    changed = replace(clause, attachments=(replace(table, rows=rows),))
    sections = tuple(
        replace(s, blocks=tuple(changed if b is clause else b for b in s.blocks)) for s in applied.sections
    )
    (problem,) = verify_scope(draft, KEY, smets2(), replace(applied, sections=sections))
    assert problem.message.startswith("SMETS2@4.2 clause 4.3.5.1 changed outside the whole words")
