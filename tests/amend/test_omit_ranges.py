"""Issue 18, wording to accept: `Omit clauses X to Y.` and `Omit clauses X to Y and renumber the
following clauses.`, through apply, `--verify`, references to omitted clauses, "Clauses affected",
mirror to SMETS2 5.0 and the redline (LibreOffice accept-all = applied text, reject-all = base)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import OmitClause
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.errors import InputError
from spectool.model.document import Spec
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"


def ids(spec: Spec, section: str) -> list[str]:
    return [clause.id for clause in spec.clauses() if clause.id.startswith(section + ".")]


def test_omit_clauses_x_to_y_omits_both_ends_and_every_clause_between() -> None:
    draft = amendment(HEAD + "1. Omit clauses 5.5.2 to 5.5.4.\n")
    (instruction,) = draft.targets[0].instructions
    assert instruction.operation == OmitClause(
        ClauseNumber.parse("5.5.2"), None, False, ClauseNumber.parse("5.5.4")
    )
    assert instruction.subject == "clauses 5.5.2 to 5.5.4"
    assert "1. Omit clauses 5.5.2 to 5.5.4.\n" in render_amendment(draft)
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.5") == ["5.5.1", "5.5.5"]  # the numbers are left unused
    assert [str(n) for n, now in applied.numbering.items() if now is None] == ["5.5.2", "5.5.3", "5.5.4"]
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_with_renumbering_the_following_clauses_move_down_by_as_many() -> None:
    draft = amendment(HEAD + "1. Omit clauses 5.4.1.1 to 5.4.1.2 and renumber the following clauses.\n")
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.4.1") == ["5.4.1.1"]
    kept = applied.spec.clause("5.4.1.1")
    assert kept is not None and kept.text.value.startswith("ESME shall keep its clock running")
    assert {str(old): str(new) for old, new in applied.renumbered.items()} == {"5.4.1.3": "5.4.1.1"}
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_a_clause_in_the_range_that_is_still_cited_is_an_error_at_the_instruction() -> None:
    # 5.4.4.2 is cited by the definition of "Supply Outage".
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + "1. Omit clauses 5.4.4.1 to 5.4.4.3.\n"), KEY, smets2())
    (problem,) = caught.value.problems
    assert problem.line == 13
    assert problem.message.startswith(
        'instruction 1 omits SMETS2@4.2 clauses 5.4.4.1 to 5.4.4.3, but the definition of "Supply Outage" '
        'still refers to it ("clause 5.4.4.2")'
    )


def test_a_range_backwards_or_across_levels_is_refused_when_read() -> None:
    for wording in ("Omit clauses 5.5.4 to 5.5.2.", "Omit clauses 5.4.1.1 to 5.4.2."):
        (problem,) = problems_of(PREAMBLE.format(specs="SMETS2 4.2") + "\n" + HEAD + f"1. {wording}\n")
        assert "a range of clauses runs forward within one level" in problem.message, wording


def test_clauses_affected_must_name_every_clause_of_the_range() -> None:
    text = PREAMBLE.format(specs="SMETS2 4.2").replace("as below", "{}") + "\n" + HEAD
    text += "1. Omit clauses 5.5.3 to 5.5.5.\n"
    right = parse_amendment(text.format("SMETS2 4.2: 5.5.3, 5.5.4, 5.5.5"), "x.amend")
    assert apply_target(right, KEY, smets2()).warnings == ()
    short = parse_amendment(text.format("SMETS2 4.2: 5.5.3, 5.5.5"), "x.amend")
    (warning,) = apply_target(short, KEY, smets2()).warnings
    assert "it leaves out SMETS2 4.2 clause 5.5.4 (instruction 1)" in warning.message


def test_mirror_carries_both_ends_of_the_range() -> None:
    draft = amendment(HEAD + "1. Omit clauses 5.5.3 to 5.5.5 and renumber the following clauses.\n")
    mirror = mirror_amendment(draft, smets2("4.2"), smets2("5.0"))
    (entry,) = mirror.entries
    assert entry.notes == ()
    assert mirror.render().endswith("1. Omit clauses 5.6.4 to 5.6.6 and renumber the following clauses.\n")
    proposals = amendment(mirror.render(), specs="SMETS2 5.0")
    applied = apply_target(proposals, "SMETS2@5.0", smets2("5.0"))
    assert ids(applied.spec, "5.6") == ["5.6.1", "5.6.2", "5.6.3"]


def test_the_redline_of_omitted_ranges_accepts_and_rejects_exactly(office: Office, tmp_path: Path) -> None:
    draft = amendment(
        HEAD + "1. Omit clauses 5.5.4 to 5.5.5.\n\n"
        "2. Omit clauses 5.4.1.1 to 5.4.1.2 and renumber the following clauses.\n"
    )
    assert_applied_verified_and_redlined(office, tmp_path, draft, KEY, smets2())
