"""Issue 18, leftover 5: what a drafting trial of the new forms against SMETS2 4.2 and the CHTS found,
each from its reproducer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.amend.apply import apply_target
from spectool.amend.punctuation import clashing_punctuation
from spectool.amend.scope import verify_scope
from spectool.cli import main
from spectool.errors import InputError
from spectool.model.document import Clause, Table, Text
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import PREAMBLE, ROOT, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"


def warnings(body: str) -> list[str]:
    return [warning.message for warning in apply_target(amendment(HEAD + body), KEY, smets2()).warnings]


def test_an_omission_that_leaves_two_stops_together_is_warned_of() -> None:
    """`omit "each time its valve opens or closes"` left "send an Alert,." without a word."""
    assert warnings('1. In clause 4.3.3.3, omit "each time its valve opens or closes".\n') == [
        'warning: instruction 1 leaves clause 4.3.3.3 reading "send an Alert,.": quote the comma or stop '
        'beside the words too, e.g. omit ", and ..." rather than "and ..."'
    ]
    compound = warnings(
        '1. In clause 4.3.3.1\u2014 (a) omit "in Credit Mode or Prepayment Mode"; (b) for "Meter Balance"\n'
        '   substitute "balance".\n'
    )
    assert compound == [
        'warning: instruction 1(a) leaves clause 4.3.3.1 reading "command from a User,; and": quote the '
        'comma or stop beside the words too, e.g. omit ", and ..." rather than "and ..."'
    ]


def test_an_omission_with_its_comma_or_punctuation_already_there_is_not_warned_of() -> None:
    assert warnings('1. In clause 4.3.3.3, omit ", and send an Alert".\n') == []
    assert warnings('1. In clause 5.5.3, for "Comms Hub" substitute "Communications Hub".\n') == []
    # A clash the text already had is not the edit's doing; a second one is.
    had = Clause(ClauseNumber.parse("1.1"), Text("ESME shall, , record it."))
    assert clashing_punctuation(had, replace(had, text=Text("ESME shall, , record it at once."))) is None
    assert (
        clashing_punctuation(had, replace(had, text=Text("ESME shall, , record it,.")))
        == "shall, , record it,."
    )


def test_substituting_nothing_is_refused_with_the_omission_to_write() -> None:
    """`for ", and send an Alert" substitute ""` left "an Event, , each time" behind."""
    text = PREAMBLE.format(specs="SMETS2 4.2") + "\n" + HEAD
    text += '1. In clause 4.3.3.3, for ", and send an Alert" substitute "".\n'
    (problem,) = problems_of(text)
    assert (problem.line, problem.column) == (13, 60)
    assert (
        problem.message
        == "nothing to substitute: to take the words out, write 'omit \", and send an Alert\"'"
    )


def test_xver001_says_clauses_need_the_change(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A compound over a range: "(clauses 4.3.4.1 to 4.3.4.3 needs the same change)"."""
    path = tmp_path / "range.amend"
    path.write_text(
        PREAMBLE.format(specs="SMETS2 4.2").replace("as below", "SMETS2 4.2: 4.3.4.1, 4.3.4.3")
        + "\n"
        + HEAD
        + '1. In clauses 4.3.4.1 to 4.3.4.3\u2014 (a) for "GBCS" substitute "Great Britain\n'
        + '   Companion Specification" wherever it occurs;\n'
        + '   (b) for "either check" substitute "one of those checks".\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", str(path)])
    found = [line for line in result.output.splitlines() if "XVER001" in line]
    assert len(found) == 2
    assert all("(clauses 4.3.4.1 to 4.3.4.3 need the same change)" in line for line in found)
    assert "instruction 1(a)" in found[0] and "instruction 1(b)" in found[1]


NO_DASH = '1. In clause 5.5.3 (a) for "Comms Hub" substitute "Communications Hub"; (b) omit "moment".\n'
ROW_COMMA = "1. In the table in clause 4.3.5.1, in the row for G06, " + '(a) omit "no"; (b) omit "G".\n'
COLON = "1. In clause 5.5.3:\n" + '   (a) omit "Comms"; and\n   (b) omit "moment".\n'


@pytest.mark.parametrize("instruction", [NO_DASH, ROW_COMMA, COLON])
def test_lettered_parts_without_their_dash_are_told_to_take_one(instruction: str) -> None:
    """A comma or colon in place of the dash got "a clause number is followed by a comma" or
    "expected 'after', 'before', 'for' or 'omit'", which sent the drafter away from lettered parts."""
    (problem,) = problems_of(PREAMBLE.format(specs="SMETS2 4.2") + "\n" + HEAD + instruction)
    assert problem.message.startswith("lettered parts follow a dash after the place they are in")
    assert problem.line == 13


TITLE = HEAD + '1. In the table in clause 4.3.5.1, for "Events recorded by GSME" substitute "GSME Events".\n'


def test_a_table_s_title_is_reached_by_an_edit_of_the_table() -> None:
    """Said '"Events recorded by GSME" does not occur', though those are the table's own words."""
    applied = apply_target(amendment(TITLE), KEY, smets2()).spec
    clause = applied.clause("4.3.5.1")
    assert clause is not None and isinstance(clause.attachments[0], Table)
    assert clause.attachments[0].title == "GSME Events"
    assert clause.attachments[0].rows == smets2().clause("4.3.5.1").attachments[0].rows  # type: ignore[union-attr]
    row = HEAD + '1. In the table in clause 4.3.5.1, in the row for G06, omit "recorded by".\n'
    with pytest.raises(InputError, match='"recorded by" does not occur'):
        apply_target(amendment(row), KEY, smets2())  # a row is its cells alone
    mirrored = mirrored_and_applied(amendment(TITLE), smets2("4.2"), smets2("5.0")).spec.clause("4.3.5.1")
    assert mirrored is not None and isinstance(mirrored.attachments[0], Table)
    assert mirrored.attachments[0].title == "GSME Events"


def test_the_redline_of_a_new_table_title_accepts_and_rejects_exactly(office: Office, tmp_path: Path) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(TITLE), KEY, smets2())


def test_verify_holds_a_row_s_edit_to_that_row() -> None:
    """--verify let an edit "in the row for G05" change the same words in another row of the table."""
    draft = amendment(
        HEAD + '1. In the table in clause 4.3.5.1, in the row for G05, for "yes" substitute "no".\n'
    )
    applied = apply_target(draft, KEY, smets2()).spec
    assert verify_scope(draft, KEY, smets2(), applied) == []
    clause = applied.clause("4.3.5.1")
    assert clause is not None and isinstance(clause.attachments[0], Table)
    table = clause.attachments[0]
    rows = tuple(("G04", "cover removed", "no") if row[0] == "G04" else row for row in table.rows)
    tampered = replace(clause, attachments=(replace(table, rows=rows, cell_starts=()),))
    sections = tuple(
        replace(s, blocks=tuple(tampered if b is clause else b for b in s.blocks)) for s in applied.sections
    )
    (problem,) = verify_scope(draft, KEY, smets2(), replace(applied, sections=sections))
    assert problem.message == (
        'SMETS2@4.2 clause 4.3.5.1 changed outside the whole words its instructions quote: "yes" became "no"'
    )
