"""Issue 18, wording to accept: one clause replaced by two. `For clause 5.5.4 substitute:` with new
text holding 5.5.4 and 5.5.4A (nothing renumbered), or 5.5.4 and 5.5.5 with `and renumber the
following clauses`; through apply, `--verify`, alignment, check, mirror to SMETS2 5.0 and the redline,
which shows one changed clause and one inserted clause (LibreOffice judges both views)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import SubstituteClause
from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from spectool.diff.align import PairKind, align_specs
from spectool.diff.document import diff_specs
from spectool.diff.model import Change, UnitDiff
from spectool.diff.page import UnitKind
from spectool.errors import InputError
from spectool.model.document import Spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# SMETS2 4.2's 5.5.4 (5.0's 5.6.5) records an Event and sends an Alert in one sentence.
LETTERED = HEAD + (
    "1. For clause 5.5.4 substitute:\n"
    "    5.5.4 ESME shall record an Event when the Communications Hub is removed from the\n"
    "      Communications Hub Interface.\n"
    "    5.5.4A ESME shall send an Alert each time it records that Event.\n"
)
RENUMBERED = HEAD + (
    "1. For clause 5.5.4 substitute:\n"
    "    5.5.4 ESME shall record an Event when the Communications Hub is removed from the\n"
    "      Communications Hub Interface.\n"
    "    5.5.5 ESME shall send an Alert each time it records that Event.\n"
    "   and renumber the following clauses.\n"
)
FORMS = [LETTERED, RENUMBERED]
SPLIT = {LETTERED: ("5.5.4", "5.5.4A", "5.6.5", "5.6.5A"), RENUMBERED: ("5.5.4", "5.5.5", "5.6.5", "5.6.6")}


def text(spec: Spec, number: str) -> str:
    clause = spec.clause(number)
    assert clause is not None
    return " ".join(clause.text.value.split())


def test_one_clause_becomes_two_and_the_rest_stay_or_move_as_asked() -> None:
    draft = amendment(LETTERED)
    (instruction,) = draft.targets[0].instructions
    operation = instruction.operation
    assert isinstance(operation, SubstituteClause) and [str(c.number) for c in operation.more] == ["5.5.4A"]
    lettered = apply_target(draft, KEY, smets2())
    assert text(lettered.spec, "5.5.4A") == "ESME shall send an Alert each time it records that Event."
    assert text(lettered.spec, "5.5.5") == text(smets2(), "5.5.5")
    assert lettered.renumbered == {} and "5.5.4A" in lettered.inserted
    renumbered = apply_target(amendment(RENUMBERED), KEY, smets2())
    assert text(renumbered.spec, "5.5.5") == "ESME shall send an Alert each time it records that Event."
    assert text(renumbered.spec, "5.5.6") == text(smets2(), "5.5.5")
    assert {str(old): str(new) for old, new in renumbered.renumbered.items()} == {"5.5.5": "5.5.6"}


@pytest.mark.parametrize("body", FORMS)
def test_each_form_is_written_back_as_read(body: str) -> None:
    draft = amendment(body)
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "1. For clause 5.5.4 substitute:\n    5.5.4 ESME shall record an Event.\n"
            "    5.5.5 ESME shall send an Alert.\n",
            "clause 5.5.5 already exists: add 'and renumber the following clauses'",
        ),
    ],
)
def test_a_second_clause_that_would_take_a_number_in_use_is_refused(body: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + body), KEY, smets2())
    assert message in str(caught.value)


def test_the_clauses_after_the_first_are_numbered_as_insertions_are() -> None:
    found = problems_of(
        HEAD + "1. For clause 5.5.4 substitute:\n    5.5.4 ESME shall record an Event.\n"
        "    5.5.7 ESME shall send an Alert.\n"
    )
    assert [p.message for p in found] == ["the new clause must be numbered 5.5.5: it follows clause 5.5.4"]
    found = problems_of(
        HEAD + "1. For clause 5.5.4 substitute:\n    5.5.4 ESME shall record an Event.\n"
        "   and renumber the following clauses.\n"
    )
    assert [p.message for p in found] == [
        "only one clause is substituted: drop 'and renumber the following clauses'"
    ]


@pytest.mark.parametrize("body", FORMS)
def test_alignment_and_redline_show_one_changed_clause_and_one_inserted(body: str) -> None:
    first, second, _, _ = SPLIT[body]
    applied = apply_target(amendment(body), KEY, smets2())
    alignment = align_specs(smets2(), applied.spec)
    pair = alignment.for_old(smets2().clause(first).number)  # type: ignore[union-attr]
    assert pair is not None and pair.new is not None and str(pair.new.number) == first
    assert pair.kind is PairKind.CHANGED
    added = [str(p.new.number) for p in alignment.of_kind(PairKind.ADDED) if p.new is not None]
    assert added == [second]
    redline = diff_specs(applied.base, applied.spec, applied.numbering)
    clauses = [
        (unit.change, unit.old_label, unit.new_label)
        for unit in redline.units
        if isinstance(unit, UnitDiff) and unit.kind is UnitKind.CLAUSE and unit.change is not Change.KEPT
    ]
    assert (Change.CHANGED, first, first) in clauses and (Change.INSERTED, "", second) in clauses


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    first, second, other_first, other_second = SPLIT[body]
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0")).spec
    applied = apply_target(draft, KEY, smets2()).spec
    assert text(mirrored, other_first) == text(applied, first)
    assert text(mirrored, other_second) == text(applied, second)
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below",
        f"Clauses affected: SMETS2 4.2: {first}, new {second}; SMETS2 5.0: {other_first}, new {other_second}",
    )
    proposals = body.replace("SMETS2 4.2", "SMETS2 5.0").replace("5.5.4", "5.6.5").replace("5.5.5", "5.6.6")
    assert check_findings(tmp_path, both + "\n" + body + "\n" + proposals) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", f"Clauses affected: SMETS2 4.2: {first}, new {second}"
    )
    (left_behind,) = check_findings(tmp_path, alone + "\n" + body)
    assert " XVER001 " in left_behind and "SMETS2 5.0, also live, is not amended at all" in left_behind
    # 5.0 substituting only the first clause is not in step: the second is missing there.
    half = (
        both
        + "\n"
        + body
        + "\n"
        + proposals.split(f"    {other_second} ")[0].replace("\n   and renumber the following clauses.", "")
    )
    half = half.replace(f", new {other_second}", "")
    assert [f for f in check_findings(tmp_path, half) if " XVER001 " in f] != []


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())
