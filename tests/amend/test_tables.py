"""Issue 18, defects 2 and 3: an instruction on a clause reaches its table cells, references in table
cells follow renumbering and are protected from omission, and a substituted clause keeps its note."""

from __future__ import annotations

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.scope import verify_scope
from spectool.errors import InputError
from spectool.model.document import Clause, Note, Spec, Table
from spectool.parsing import parse_spec
from spectool.parsing.writer import render_spec
from tests.amend.helpers import amendment, bundled, smets2

KEY = "SMETS2@4.2"

CITED_BY_A_TABLE = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 4 Gas
## 4.3 Events
4.3.1 GSME shall record an Event when its valve closes.
4.3.2 GSME shall record an Event when its valve opens.
4.3.3 GSME shall record an Event when its cover is removed.
4.3.4 GSME shall record each Event in the table below.
Table: Events and the clauses that require them
| Code | Clause |
| --- | --- |
| G02 | clause 4.3.1 |
| G03 | clause 4.3.3 |
End Table
"""


def apply(body: str, base: Spec | None = None) -> Spec:
    draft = amendment(f"Amendments to SMETS2 4.2\n\n{body}")
    base = base or smets2()
    amended = apply_target(draft, KEY, base).spec
    assert verify_scope(draft, KEY, base, amended) == []
    return amended


def refusal(body: str, base: Spec | None = None) -> str:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), KEY, base or smets2())
    (problem,) = caught.value.problems
    return problem.message


def table_of(spec: Spec, number: str) -> Table:
    clause = spec.clause(number)
    assert clause is not None
    (table,) = [a for a in clause.attachments if isinstance(a, Table)]
    return table


def test_words_in_a_table_cell_are_found_by_an_instruction_on_its_clause() -> None:
    amended = apply(
        '1. In clause 4.3.5.1, for "firmware upgrade completed" substitute "firmware activated".\n'
    )
    assert ("G06", "firmware activated", "no") in table_of(amended, "4.3.5.1").rows
    assert table_of(amended, "4.3.5.1").rows[:5] == table_of(smets2(), "4.3.5.1").rows[:5]


def test_every_occurrence_reaches_the_table_as_well_as_the_text() -> None:
    amended = apply('1. In clause 4.3.5.1, for every occurrence of "firmware" substitute "software".\n')
    rows = table_of(amended, "4.3.5.1").rows
    assert ("G05", "software activation failed", "yes") in rows
    assert ("G06", "software upgrade completed", "no") in rows


def test_the_consolidated_source_reads_back_with_the_edited_cell() -> None:
    amended = apply('1. In clause 4.3.5.1, for "valve closed" substitute "valve shut".\n')
    again = parse_spec(render_spec(amended), "again.spec")
    assert ("G02", "valve shut", "yes") in table_of(again, "4.3.5.1").rows


def test_a_reference_in_a_table_cell_follows_renumbering() -> None:
    base = parse_spec(CITED_BY_A_TABLE, "cited.spec")
    amended = apply("1. Omit clause 4.3.2 and renumber the following clauses.\n", base)
    assert ("G03", "clause 4.3.2") in table_of(amended, "4.3.3").rows
    assert ("G02", "clause 4.3.1") in table_of(amended, "4.3.3").rows


def test_omitting_a_clause_that_only_a_table_cites_is_an_error() -> None:
    base = parse_spec(CITED_BY_A_TABLE, "cited.spec")
    message = refusal("1. Omit clause 4.3.3 and renumber the following clauses.\n", base)
    assert "clause 4.3.4 still refers to it" in message and '"clause 4.3.3"' in message


def test_substituting_a_clause_keeps_its_note_unless_the_new_text_restates_one() -> None:
    base = bundled().get("SMETS2", "4.2")
    assert base is not None
    original = base.clause("5.5.5")
    assert original is not None and original.attachments
    amended = apply(
        "1. Substitute clause 5.5.5 with:\n    5.5.5 ESME shall keep the Communications Hub powered.\n"
    )
    clause = amended.clause("5.5.5")
    assert isinstance(clause, Clause)
    assert clause.text.value == "ESME shall keep the Communications Hub powered."
    assert clause.attachments == original.attachments
    restated = apply(
        "1. Substitute clause 5.5.5 with:\n"
        "    5.5.5 ESME shall keep the Communications Hub powered.\n"
        "    Note: the interface is fed from the Supply side.\n"
    )
    clause = restated.clause("5.5.5")
    assert clause is not None
    (note,) = clause.attachments
    assert isinstance(note, Note) and note.text.value == "the interface is fed from the Supply side."


def test_a_reference_in_a_kept_note_follows_renumbering() -> None:
    base = parse_spec(
        CITED_BY_A_TABLE.replace("End Table\n", "End Table\nNote: see clause 4.3.3.\n"), "cited.spec"
    )
    amended = apply(
        "1. Substitute clause 4.3.4 with:\n    4.3.4 GSME shall record each Event listed below.\n\n"
        "2. Omit clause 4.3.2 and renumber the following clauses.\n",
        base,
    )
    clause = amended.clause("4.3.3")
    assert clause is not None
    notes = [a for a in clause.attachments if isinstance(a, Note)]
    assert notes and notes[0].text.value == "see clause 4.3.2."
    assert ("G03", "clause 4.3.2") in table_of(amended, "4.3.3").rows
