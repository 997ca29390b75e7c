"""Issue 18, leftover 2: a compound instruction names any place a text edit may name: a scope (`In
Section 5.5— (a) ...; (b) ...`), a table or one of its rows, a Note, a heading; through apply,
`--verify`, check, mirror to SMETS2 5.0 and the redline (LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText
from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from spectool.errors import InputError
from spectool.model.document import Note, Spec, Table
from tests.amend.helpers import PREAMBLE, amendment, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# 4.2's Section 5.5 is 5.0's 5.6 (with a clause more); clause 4.3.5.1's table is the same in both.
SCOPE = HEAD + (
    "1. In Section 5.5\u2014\n"
    '   (a) for "is removed from" substitute "is taken out of"; and\n'
    '   (b) for "while its Load Switch is open" substitute "whether its Load Switch is open or closed".\n'
)
ROW = HEAD + (
    "1. In the table in clause 4.3.5.1, in the row for G06\u2014\n"
    '   (a) for "firmware upgrade completed" substitute "firmware upgrade applied"; and\n'
    '   (b) for "no" substitute "yes".\n'
)
TABLE = HEAD + (
    '1. In the table in clause 4.3.5.1\u2014 (a) for "battery charge low" substitute "battery low"; (b) for\n'
    '   "cover removed" substitute "cover opened".\n'
)
NOTE = HEAD + (
    "1. In the Note to clause 5.5.5\u2014\n"
    '   (a) for "is fed" substitute "is supplied"; and\n'
    '   (b) after "Supply side" insert "(not the Load side)".\n'
)
FORMS = [SCOPE, ROW, TABLE, NOTE]
# Where each form's words land in 4.2 and in 5.0, for check's "Clauses affected".
AFFECTED = {SCOPE: ("5.5.4, 5.5.5", "5.6.5, 5.6.6"), ROW: ("4.3.5.1",) * 2, TABLE: ("4.3.5.1",) * 2}
AFFECTED[NOTE] = ("5.5.5", "5.6.6")


def flat(spec: Spec, number: str) -> str:
    clause = spec.clause(number)
    assert clause is not None
    return " ".join(clause.text.value.split())


def cells(spec: Spec, number: str) -> list[tuple[str, ...]]:
    clause = spec.clause(number)
    assert clause is not None and isinstance(clause.attachments[0], Table)
    return list(clause.attachments[0].rows)


def note(spec: Spec, number: str) -> str:
    clause = spec.clause(number)
    assert clause is not None
    (found,) = [attachment for attachment in clause.attachments if isinstance(attachment, Note)]
    return found.text.flat


def test_a_scope_compound_applies_each_part_across_the_section() -> None:
    draft = amendment(SCOPE)
    first, second = draft.targets[0].instructions
    assert (first.label, second.label) == ("1(a)", "1(b)")
    assert first.subject == second.subject == "Section 5.5"
    applied = apply_target(draft, KEY, smets2()).spec
    assert flat(applied, "5.5.4").endswith(
        "when the Communications Hub is taken out of the Communications Hub Interface."
    )
    assert flat(applied, "5.5.5").endswith("whether its Load Switch is open or closed.")


def test_a_row_compound_counts_its_words_in_that_row_alone() -> None:
    applied = apply_target(amendment(ROW), KEY, smets2()).spec
    rows = cells(applied, "4.3.5.1")
    assert rows[-1] == ("G06", "firmware upgrade applied", "yes")
    assert rows[:-1] == cells(smets2(), "4.3.5.1")[:-1]
    whole = apply_target(amendment(TABLE), KEY, smets2()).spec
    assert [row[1] for row in cells(whole, "4.3.5.1")][:4] == [
        "battery low",
        "valve closed",
        "valve opened",
        "cover opened",
    ]


def test_a_note_compound_changes_the_note_and_not_its_clause() -> None:
    applied = apply_target(amendment(NOTE), KEY, smets2()).spec
    assert note(applied, "5.5.5") == (
        "the Communications Hub Interface is supplied from the Supply side (not the Load side) of the "
        "Load Switch."
    )
    assert flat(applied, "5.5.5") == flat(smets2(), "5.5.5")


def test_each_form_is_written_back_as_it_was_read() -> None:
    for body in FORMS:
        written = render_amendment(amendment(body))
        assert parse_amendment(written, "again.amend").targets == amendment(body).targets
    assert "1. In the table in clause 4.3.5.1, in the row for G06\u2014\n   (a) for" in render_amendment(
        amendment(ROW)
    )


def test_a_part_that_does_not_apply_in_a_row_is_named_by_its_letter() -> None:
    body = (
        HEAD
        + '1. In the table in clause 4.3.5.1, in the row for G05\u2014 (a) omit "failed"; (b) omit "no".\n'
    )
    with pytest.raises(InputError) as caught:
        apply_target(amendment(body), KEY, smets2())
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        "instruction 1(b) does not apply to SMETS2@4.2 the table in clause 4.3.5.1"
    )
    assert '"no" does not occur' in problem.message


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0")).spec
    applied = apply_target(draft, KEY, smets2()).spec
    if body is SCOPE:
        assert flat(mirrored, "5.6.5") == flat(applied, "5.5.4")
        assert flat(mirrored, "5.6.6") == flat(applied, "5.5.5")
    elif body is NOTE:
        assert note(mirrored, "5.6.6") == note(applied, "5.5.5")
    else:
        assert cells(mirrored, "4.3.5.1") == cells(applied, "4.3.5.1")
    proposals = mirror_amendment(draft, smets2("4.2"), smets2("5.0")).render()
    assert "\u2014\n   (a) " in proposals and "   (b) " in proposals
    old, new = AFFECTED[body]
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below", f"Clauses affected: SMETS2 4.2: {old}; SMETS2 5.0: {new}"
    )
    assert check_findings(tmp_path, both + "\n" + body + "\n" + proposals) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", f"Clauses affected: SMETS2 4.2: {old}"
    )
    left_behind = check_findings(tmp_path, alone + "\n" + body)
    assert left_behind and all(" XVER001 " in finding for finding in left_behind)


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())


def test_every_place_reads_back_as_an_edit_of_that_place() -> None:
    heading = amendment(
        HEAD
        + '1. In the heading to Section 5.5\u2014 (a) for "Hub" substitute "Hub\'s"; (b) omit "Interface".\n'
    )
    first, _ = heading.targets[0].instructions
    assert isinstance(first.operation, EditText) and first.subject == "the heading to Section 5.5"
