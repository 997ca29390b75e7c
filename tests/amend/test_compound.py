"""Issue 18, wording to accept: compound instructions. `In clause 5.5.4— (a) for "…" substitute "…";
(b) after "…" insert "…".`, each part applied in turn as an instruction of its own; through apply,
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
from spectool.model.document import Spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# SMETS2 4.2's clauses 5.5.4 and 5.5.5 are 5.0's 5.6.5 and 5.6.6, word for word.
COMPOUND = HEAD + (
    "1. In clause 5.5.4\u2014\n"
    '   (a) after "record an Event" insert "within one second"; and\n'
    '   (b) for "is removed from" substitute "is taken out of".\n'
    "   Reason: the Event must be timely, and the hub is taken out, not merely moved.\n\n"
    '2. In clause 5.5.5, for "is open" substitute "is open or opening".\n'
)
ONE_LINE = HEAD + (
    '1. In clause 5.5.4-- (a) for "is removed from" substitute "is taken out of"; (b) after\n'
    '   "record an Event" insert "within one second".\n'
)
DEFINITION = HEAD + (
    '1. In the definition of "Supply Outage"\u2014 (a) for "a period" substitute "any period"; (b) omit\n'
    '   "at the meter".\n'
)
FORMS = [COMPOUND, ONE_LINE]


def text(spec: Spec, number: str) -> str:
    clause = spec.clause(number)
    assert clause is not None
    return " ".join(clause.text.value.split())


def test_each_part_is_an_edit_of_the_one_clause_sharing_the_instruction_number() -> None:
    draft = amendment(COMPOUND)
    first, second, third = draft.targets[0].instructions
    assert [(i.number, i.part) for i in (first, second, third)] == [(1, "a"), (1, "b"), (2, "")]
    assert first.label == "1(a)" and third.label == "2"
    assert isinstance(first.operation, EditText) and str(first.operation.place) == "clause 5.5.4"
    assert (
        first.reason
        == second.reason
        == "the Event must be timely, and the hub is taken out, not merely moved."
    )
    applied = apply_target(draft, KEY, smets2())
    assert text(applied.spec, "5.5.4") == (
        "ESME shall record an Event within one second, and send an Alert, when the Communications Hub is "
        "taken out of the Communications Hub Interface."
    )
    assert text(applied.spec, "5.5.5").endswith("while its Load Switch is open or opening.")
    assert text(apply_target(amendment(ONE_LINE), KEY, smets2()).spec, "5.5.4") == text(applied.spec, "5.5.4")


def test_a_compound_instruction_is_written_back_with_its_parts_on_lines_of_their_own() -> None:
    draft = amendment(COMPOUND)
    written = render_amendment(draft)
    assert (
        "1. In clause 5.5.4\u2014\n"
        '   (a) after "record an Event" insert "within one second"; and\n'
        '   (b) for "is removed from" substitute "is taken out of".\n'
        "   Reason: the Event must be timely, and the hub is taken out, not merely moved.\n\n"
        "2. In clause 5.5.5"
    ) in written
    for body in (COMPOUND, ONE_LINE, DEFINITION):
        again = parse_amendment(render_amendment(amendment(body)), "again.amend")
        assert again.targets == amendment(body).targets


def test_a_part_that_does_not_apply_is_named_by_its_letter() -> None:
    with pytest.raises(InputError) as caught:
        apply_target(
            amendment(HEAD + '1. In clause 5.5.3\u2014 (a) omit "Comms Hub"; (b) omit "mains power cut".\n'),
            KEY,
            smets2(),
        )
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        'instruction 1(b) does not apply to SMETS2@4.2 clause 5.5.3: "mains power cut"'
    )
    assert problem.column == 52  # at the part's own quoted words


def test_parts_are_lettered_in_order_and_numbering_goes_on_after_them() -> None:
    found = problems_of(HEAD + '1. In clause 5.5.3\u2014 (a) omit "Comms Hub"; (c) omit "mains".\n')
    assert [p.message for p in found] == [
        "the parts of an instruction are lettered (a), (b), (c) ...: expected (b)"
    ]
    later = amendment(
        HEAD + '1. In clause 5.5.3\u2014 (a) omit "Comms Hub"; (b) omit "x".\n'
        "2. Omit clause 5.5.4.\n3. Omit clause 5.5.5.\n"
    )
    assert [i.label for i in later.targets[0].instructions] == ["1(a)", "1(b)", "2", "3"]


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0"))
    applied = apply_target(draft, KEY, smets2()).spec
    assert text(mirrored.spec, "5.6.5") == text(applied, "5.5.4")
    assert text(mirrored.spec, "5.6.6") == text(applied, "5.5.5")
    proposals = mirror_amendment(draft, smets2("4.2"), smets2("5.0")).render()
    assert "1. In clause 5.6.5\u2014\n   (a) " in proposals
    extra = "; SMETS2 5.0: 5.5.5" if "5.5.5" in body else ""
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below",
        "Clauses affected: SMETS2 4.2: 5.5.4"
        + (", 5.5.5" if extra else "")
        + "; SMETS2 5.0: 5.6.5"
        + (", 5.6.6" if extra else ""),
    )
    assert check_findings(tmp_path, both + "\n" + body + "\n" + proposals) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 5.5.4" + (", 5.5.5" if extra else "")
    )
    left_behind = check_findings(tmp_path, alone + "\n" + body)
    assert left_behind and all(" XVER001 " in finding for finding in left_behind)
    assert "instruction 1(a) changes SMETS2 4.2 clause 5.5.4" in left_behind[0]


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())
