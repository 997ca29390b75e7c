"""Issue 18, wording to accept: sub-items. `Omit clause X(a).`, `For clause X(a) substitute:` and
`After clause X(a) insert:` with (aa) between (a) and (b), or with "and re-letter the following
items"; through apply, `--verify`, check, mirror to SMETS2 5.0 and the redline (LibreOffice)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import ItemEdit, PartAction
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.errors import InputError
from spectool.model.document import Clause, Spec, Text
from spectool.parsing import parse_spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# SMETS2 4.2 clause 5.4.3.1 has (a) and (b), and a Note citing "item (a)"; 5.0 numbers it 5.4.3.2.
INSERTED = HEAD + (
    "1. After clause 5.4.3.1(a) insert:\n"
    "      (aa) when a User has asked for it to open at a Date-Time that has come; and\n"
)
RELETTERED = HEAD + (
    "1. Before clause 5.4.3.1(a) insert:\n"
    "      (a) when it detects a fault in its own Load Switch; or\n"
    "   and re-letter the following items.\n"
)
OMITTED = HEAD + (
    "1. Omit clause 5.4.3.1(b) and re-letter the following items.\n\n"
    '2. In clause 5.4.3.1, for "on a valid command from a User, in Credit Mode or Prepayment Mode; and" '
    'substitute "on a valid command from a User, in Credit Mode or Prepayment Mode".\n\n'
    '3. In clause 5.4.3.1, for "in Credit Mode only item (a) applies" substitute "item (a) applies in '
    'every mode".\n'
)
SUBSTITUTED = HEAD + (
    "1. For clause 5.4.3.1(b) substitute:\n"
    "      (b) in Prepayment Mode, when the Meter Balance is exhausted and no emergency credit is\n"
    "        available to the Consumer.\n"
)
FORMS = [INSERTED, RELETTERED, OMITTED, SUBSTITUTED]


def labelled(spec: Spec, number: str) -> list[str]:
    clause = spec.clause(number)
    assert clause is not None
    return [f"({item.label}) {item.text.flat}" for item in clause.items]


def test_an_inserted_item_is_lettered_between_its_neighbours_and_moves_nothing() -> None:
    draft = amendment(INSERTED)
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, ItemEdit)
    assert instruction.operation.action is PartAction.INSERT_AFTER
    assert instruction.subject == "clause 5.4.3.1(a)"
    applied = apply_target(draft, KEY, smets2())
    assert [line[:4] for line in labelled(applied.spec, "5.4.3.1")] == ["(a) ", "(aa)", "(b) "]
    assert applied.changed["5.4.3.1"] is instruction


def test_items_are_re_lettered_where_the_drafter_asks_and_the_clause_follows_them() -> None:
    applied = apply_target(amendment(RELETTERED), KEY, smets2())
    assert labelled(applied.spec, "5.4.3.1")[0] == "(a) when it detects a fault in its own Load Switch; or"
    assert [line[:3] for line in labelled(applied.spec, "5.4.3.1")] == ["(a)", "(b)", "(c)"]
    clause = applied.spec.clause("5.4.3.1")
    assert clause is not None
    # The Note's "item (a)" follows the old (a) to its new letter, as a reference follows a clause.
    assert clause.notes[0].text.flat == "in Credit Mode only item (b) applies."


def test_an_item_is_omitted_and_substituted() -> None:
    omitted = apply_target(amendment(OMITTED), KEY, smets2())
    assert labelled(omitted.spec, "5.4.3.1") == [
        "(a) on a valid command from a User, in Credit Mode or Prepayment Mode"
    ]
    substituted = apply_target(amendment(SUBSTITUTED), KEY, smets2())
    assert labelled(substituted.spec, "5.4.3.1")[1].endswith(
        "no emergency credit is available to the Consumer."
    )


@pytest.mark.parametrize("body", FORMS)
def test_each_form_is_written_back_as_read(body: str) -> None:
    draft = amendment(body)
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets


CITED = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 5 ESME
## 5.4 Load Switch
5.4.1 ESME shall open its Load Switch:
  (a) on a valid command from a User;
  (b) when the Meter Balance is exhausted; or
  (c) when it detects a fault.
Note: item (c) applies in every mode.
5.4.2 ESME shall record an Event each time it acts under clause 5.4.1(b) or clause 5.4.1(c).
"""


def test_references_to_re_lettered_items_are_rewritten_like_renumbered_clauses() -> None:
    base = parse_spec(CITED, "cited.spec")
    draft = amendment(HEAD + "1. Omit clause 5.4.1(a) and re-letter the following items.\n")
    applied = apply_target(draft, KEY, base)
    assert labelled(applied.spec, "5.4.1") == [
        "(a) when the Meter Balance is exhausted; or",
        "(b) when it detects a fault.",
    ]
    clause = applied.spec.clause("5.4.1")
    other = applied.spec.clause("5.4.2")
    assert isinstance(clause, Clause) and isinstance(other, Clause)
    assert clause.notes[0].text.flat == "item (b) applies in every mode."
    assert "under clause 5.4.1(a) or clause 5.4.1(b)." in other.text.flat


def test_verify_expects_the_references_that_follow_re_lettered_items_and_nothing_more() -> None:
    base = parse_spec(CITED, "cited.spec")
    draft = amendment(HEAD + "1. Omit clause 5.4.1(a) and re-letter the following items.\n")
    applied = apply_target(draft, KEY, base).spec
    assert verify_scope(draft, KEY, base, applied) == []
    # The same result with another word changed in the clause the instruction names, or in another.
    for number, old, new in (("5.4.1", "open", "close"), ("5.4.2", "Event", "entry")):
        clause = applied.clause(number)
        assert clause is not None
        changed = replace(clause, text=Text(clause.text.value.replace(old, new)))
        sections = tuple(
            replace(s, blocks=tuple(changed if b is clause else b for b in s.blocks))
            for s in applied.sections
        )
        (problem,) = verify_scope(draft, KEY, base, replace(applied, sections=sections))
        assert f"clause {number} changed" in problem.message


def test_a_reference_to_an_omitted_item_is_an_error_at_the_instruction() -> None:
    base = parse_spec(CITED, "cited.spec")
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + "1. Omit clause 5.4.1(b).\n"), KEY, base)
    (problem,) = caught.value.problems
    assert problem.message == (
        "instruction 1 omits SMETS2@4.2 clause 5.4.1(b), but clause 5.4.2 still refers to it "
        '("clause 5.4.1(b)"): amend that reference too'
    )
    assert (problem.line, problem.column) == (13, 16)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "1. After clause 5.4.3.1(a) insert:\n      (c) when the Supply is restored.\n",
            "sub-item (c) would stand before (b), which already has that place: letter it (aa), or add "
            "'and re-letter the following items'",
        ),
        (
            "1. After clause 5.4.3.1(a) insert:\n      (c) when the Supply is restored.\n"
            "   and re-letter the following items.\n",
            "the new sub-items take the letters of their places, (b), when the following items are "
            "re-lettered",
        ),
        ("1. Omit clause 5.4.3.1(d).\n", "there is no sub-item (d)"),
        (
            "1. For clause 5.4.3.1(a) substitute:\n      (b) when the Supply is restored.\n",
            "the new text must be the one sub-item (a)",
        ),
    ],
)
def test_items_that_cannot_stand_are_refused(body: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + body), KEY, smets2())
    assert message in str(caught.value)


def test_sub_items_are_re_lettered_not_renumbered_and_clauses_the_other_way_round() -> None:
    assert [
        p.message
        for p in problems_of(HEAD + "1. Omit clause 5.4.3.1(a) and renumber the following clauses.\n")
    ] == ["sub-items are re-lettered, not renumbered: expected 'and re-letter the following items'"]
    assert (
        "clauses are renumbered, sub-items re-lettered"
        in problems_of(HEAD + "1. Omit clause 5.4.3.1 and re-letter the following items.\n")[0].message
    )
    assert (
        "the new text must be sub-items only"
        in problems_of(HEAD + "1. After clause 5.4.3.1(a) insert:\n    5.4.3.9 ESME shall do more.\n")[
            0
        ].message
    )


def test_the_emptied_sub_item_suggestion_is_an_instruction_that_applies() -> None:
    with pytest.raises(InputError) as caught:
        apply_target(
            amendment(
                HEAD + '1. In clause 5.4.3.1(a), omit "on a valid command from a User, in Credit Mode '
                'or Prepayment Mode; and".\n'
            ),
            KEY,
            smets2(),
        )
    assert '("Omit clause 5.4.3.1(a).")' in str(caught.value)
    # Omitting (a) leaves the Note's "item (a)" pointing at nothing: that is said too.
    with pytest.raises(InputError) as cited:
        apply_target(amendment(HEAD + "1. Omit clause 5.4.3.1(a).\n"), KEY, smets2())
    assert 'clause 5.4.3.1 still refers to it ("item (a)")' in str(cited.value)


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0"))
    applied = apply_target(draft, KEY, smets2())
    assert labelled(mirrored.spec, "5.4.3.2") == labelled(applied.spec, "5.4.3.1")
    clause = mirrored.spec.clause("5.4.3.2")
    assert clause is not None and clause.notes == applied.spec.clause("5.4.3.1").notes  # type: ignore[union-attr]
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 5.4.3.1; SMETS2 5.0: 5.4.3.2"
    )
    proposals = body.replace("5.4.3.1", "5.4.3.2").replace("SMETS2 4.2", "SMETS2 5.0")
    assert check_findings(tmp_path, both + "\n" + body + "\n" + proposals) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 5.4.3.1"
    )
    left_behind = check_findings(tmp_path, alone + "\n" + body)
    assert len(left_behind) == len(draft.targets[0].instructions) and all(
        " XVER001 " in f for f in left_behind
    )
    assert "SMETS2 5.0, also live, is not amended at all (clause 5.4.3.2(" in left_behind[0]


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())
