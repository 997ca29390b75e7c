"""Issue 18, wording to accept: text edits over a scope ("In this Specification", "In Section 5.5",
"In clauses 5.5.3 and 5.5.5", "In clauses 5.5.1 to 5.5.4"), through apply, `--verify`, mirror to
SMETS2 5.0, XVER001, "Clauses affected" and the redline (LibreOffice accept-all = applied text,
reject-all = base)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.in_step import out_of_step
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText, Occurrence, Scope, ScopeKind, Which
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.textedit import segments
from spectool.amend.writer import render_amendment, render_instruction
from spectool.errors import InputError
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Definition, Spec
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import PREAMBLE, amendment, bundled, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined
from tests.redline.office import Office

KEY = "SMETS2@4.2"


def numbers(*texts: str) -> tuple[ClauseNumber, ...]:
    return tuple(ClauseNumber.parse(text) for text in texts)


def one(instruction: str, specs: str = "SMETS2 4.2", version: str = "4.2"):  # type: ignore[no-untyped-def]
    return amendment(f"Amendments to SMETS2 {version}\n\n1. {instruction}\n", specs=specs)


def words(spec: Spec, number: str) -> str:
    clause = spec.clause(number)
    assert clause is not None
    return " ".join(clause.full_text.split())


@pytest.mark.parametrize(
    ("scope_words", "scope"),
    [
        ("this Specification", Scope(ScopeKind.SPEC)),
        ("Section 5.5", Scope(ScopeKind.SECTION, numbers("5.5"))),
        ("Section 5", Scope(ScopeKind.SECTION, numbers("5"))),
        ("clauses 5.5.3 and 5.5.5", Scope(ScopeKind.CLAUSES, numbers("5.5.3", "5.5.5"))),
        ("clauses 5.5.1, 5.5.3 and 5.5.5", Scope(ScopeKind.CLAUSES, numbers("5.5.1", "5.5.3", "5.5.5"))),
        ("clauses 5.5.1 to 5.5.4", Scope(ScopeKind.RANGE, numbers("5.5.1", "5.5.4"))),
    ],
)
def test_each_scope_is_read_and_written_back_the_same(scope_words: str, scope: Scope) -> None:
    draft = one(f'In {scope_words}, for "Comms Hub" substitute "Communications Hub" wherever it occurs.')
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, EditText)
    assert instruction.operation.place.scope == scope
    assert instruction.subject == scope_words
    written = render_amendment(draft)
    assert f"1. In {scope_words}, for every occurrence of" in written
    assert parse_amendment(written, "again.amend").targets == draft.targets


def test_wherever_it_occurs_in_this_specification_changes_every_clause_and_definition() -> None:
    draft = one('In this Specification, for "Communications Hub" substitute "CH" wherever it occurs.')
    applied = apply_target(draft, KEY, smets2())
    # Whole words, and never inside the longer defined term "Communications Hub Interface".
    whole = re.compile(r"\bCommunications Hub\b(?! Interface)")

    def holding(spec: Spec) -> set[str]:
        """Clauses and definitions with the words in their text, sub-items, notes or table cells."""
        paragraphs: list[Clause | Definition] = [*spec.clauses(), *spec.definitions()]
        return {
            p.id if isinstance(p, Clause) else p.term
            for p in paragraphs
            if any(whole.search(" ".join(text.value.split())) for _, text in segments(p))
        }

    before = holding(smets2())
    assert len(before) > 20 and any(not name[0].isdigit() for name in before)
    assert holding(applied.spec) == set()
    assert set(applied.changed) == before  # only the paragraphs that held the words
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_the_2nd_occurrence_counts_across_the_scope_in_reading_order() -> None:
    # "power" as a whole word in Section 5.5: 5.5.1 (1st), 5.5.2 (2nd), 5.5.3 (3rd and 4th).
    draft = one('In Section 5.5, for the 2nd occurrence of "power" substitute "energy".')
    applied = apply_target(draft, KEY, smets2())
    assert list(applied.changed) == ["5.5.2"]
    assert "only to provide energy and the presence signal" in words(applied.spec, "5.5.2")
    assert "provide power to the Communications Hub" in words(applied.spec, "5.5.1")
    last = apply_target(
        one('In Section 5.5, for the last occurrence of "power" substitute "energy".'), KEY, smets2()
    )
    assert list(last.changed) == ["5.5.3"] and "except a mains energy failure" in words(last.spec, "5.5.3")
    third = apply_target(
        one(
            'In clauses 5.5.1 to 5.5.3, for "power" (in the third place where it occurs) substitute "energy".'
        ),
        KEY,
        smets2(),
    )
    assert "ESME shall provide energy to the Comms Hub" in words(third.spec, "5.5.3")


def test_a_list_of_clauses_counts_only_the_clauses_it_names() -> None:
    draft = one('In clauses 5.5.1 and 5.5.3, for the 2nd occurrence of "power" substitute "energy".')
    applied = apply_target(draft, KEY, smets2())
    assert list(applied.changed) == ["5.5.3"]  # 5.5.2 is not named, so its "power" is not counted
    assert "ESME shall provide energy to the Comms Hub" in words(applied.spec, "5.5.3")
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_a_scope_with_no_qualifier_needs_the_words_exactly_once_in_the_whole_scope() -> None:
    applied = apply_target(
        one('In Section 5.5, for "Comms Hub" substitute "Communications Hub".'), KEY, smets2()
    )
    assert list(applied.changed) == ["5.5.3"]
    with pytest.raises(InputError) as caught:
        apply_target(one('In Section 5.5, for "power" substitute "energy".'), KEY, smets2())
    assert 'Section 5.5: "power" occurs 4 times: say which' in str(caught.value)
    with pytest.raises(InputError) as caught:
        apply_target(one('In clauses 5.5.4 and 5.5.5, for "Comms Hub" substitute "X".'), KEY, smets2())
    assert 'clauses 5.5.4 and 5.5.5: "Comms Hub" does not occur' in str(caught.value)


def test_a_scope_still_matches_whole_words_only() -> None:
    # "power" is in "powered" in 5.5.5 and nowhere else there: 5.5.5 is left alone.
    applied = apply_target(
        one('In clauses 5.5.3 to 5.5.5, for "power" substitute "energy" wherever it occurs.'), KEY, smets2()
    )
    assert set(applied.changed) == {"5.5.3"}
    assert "powered" in words(applied.spec, "5.5.5")


def test_a_scope_naming_what_the_spec_lacks_is_an_error_at_the_instruction() -> None:
    for scope, message in [
        ("Section 5.9", "there is no Section 5.9"),
        ("clauses 5.5.1 and 5.5.9", "there is no clause 5.5.9"),
        ("clauses 5.5.1 to 5.5.9", "there is no clause 5.5.9"),
    ]:
        with pytest.raises(InputError) as caught:
            apply_target(one(f'In {scope}, omit "ESME" wherever it occurs.'), KEY, smets2())
        (problem,) = caught.value.problems
        assert problem.line == 13 and message in problem.message, scope


def test_a_range_backwards_or_a_clause_listed_twice_is_refused_when_read() -> None:
    text = PREAMBLE.format(specs="SMETS2 4.2") + "\nAmendments to SMETS2 4.2\n\n"
    (problem,) = problems_of(text + '1. In clauses 5.5.4 to 5.5.1, omit "x".\n')
    assert "a range runs from the earlier clause: expected 'clauses 5.5.1 to 5.5.4'" in problem.message
    (problem,) = problems_of(text + '1. In clauses 5.5.1 and 5.5.1, omit "x".\n')
    assert "clause 5.5.1 is named twice" in problem.message


def test_a_later_instruction_counts_the_scope_as_earlier_instructions_left_it() -> None:
    draft = amendment(
        "Amendments to SMETS2 4.2\n\n"
        '1. In clause 5.5.2, for "power" substitute "energy".\n\n'
        '2. In Section 5.5, for the 2nd occurrence of "power" substitute "electricity".\n'
    )
    applied = apply_target(draft, KEY, smets2())
    assert "ESME shall provide electricity to the Comms Hub" in words(applied.spec, "5.5.3")
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_verify_catches_a_change_outside_the_quoted_words_in_a_scoped_clause() -> None:
    draft = one('In Section 5.5, for "Comms Hub" substitute "Communications Hub".')
    sneaky = one('In clause 5.5.4, for "removed" substitute "taken".')
    tampered = apply_target(sneaky, KEY, apply_target(draft, KEY, smets2()).spec).spec
    (problem,) = verify_scope(draft, KEY, smets2(), tampered)
    assert "clause 5.5.4 changed outside the whole words its instructions quote" in problem.message


def test_clauses_affected_counts_the_clauses_a_scope_changed() -> None:
    body = (
        "Amendments to SMETS2 4.2\n\n"
        '1. In Section 5.5, for the 2nd occurrence of "power" substitute "energy".\n'
    )
    text = PREAMBLE.format(specs="SMETS2 4.2").replace("as below", "{}") + "\n" + body
    right = parse_amendment(text.format("SMETS2 4.2: 5.5.2"), "x.amend")
    assert apply_target(right, KEY, smets2()).warnings == ()
    wrong = parse_amendment(text.format("SMETS2 4.2: 5.5.1"), "x.amend")
    messages = [w.message for w in apply_target(wrong, KEY, smets2()).warnings]
    assert any("it leaves out SMETS2 4.2 clause 5.5.2 (instruction 1)" in m for m in messages)
    assert any("it names SMETS2 4.2 clause 5.5.1, which no instruction touches" in m for m in messages)


def test_mirror_carries_the_scope_and_counts_the_ordinal_afresh() -> None:
    draft = amendment(
        "Amendments to SMETS2 4.2\n\n"
        '1. In Section 5.5, for "Comms Hub" substitute "Communications Hub".\n\n'
        '2. In clauses 5.5.1 to 5.5.3, for the 3rd occurrence of "ESME" substitute "the meter".\n\n'
        '3. In this Specification, for "Power Outage Alert" substitute "Outage Alert" wherever it occurs.\n'
    )
    mirror = mirror_amendment(draft, smets2("4.2"), smets2("5.0"))
    first, second, third = mirror.entries
    assert first.proposed is not None and first.proposed.subject == "Section 5.6"
    # 5.0 says "power the Communications Hub" in 5.6.4 already: said, not dropped.
    assert first.notes == ('does not apply to SMETS2@5.0 Section 5.6: "Comms Hub" does not occur',)
    # 4.2's 5.5.3 is 5.0's 5.6.4, and 5.0 has a clause more before it in the range.
    assert second.proposed is not None and second.proposed.subject == "clauses 5.6.1 to 5.6.4"
    operation = second.proposed.operation
    assert isinstance(operation, EditText) and operation.occurrence == Occurrence(Which.NTH, 4)
    assert second.notes == (
        '"the 3rd occurrence of" becomes "the 4th occurrence of" here, by the words around it',
    )
    assert third.proposed is not None and third.notes == ()
    only_second = "\n".join(render_instruction(replace(second.proposed, number=1)))
    five = apply_target(
        amendment(f"Amendments to SMETS2 5.0\n\n{only_second}\n", specs="SMETS2 5.0"),
        "SMETS2@5.0",
        smets2("5.0"),
    )
    assert list(five.changed) == ["5.6.4"]
    assert "the meter shall power the Communications Hub" in words(five.spec, "5.6.4")


def test_xver001_judges_a_scoped_edit_by_its_outcome_across_the_scope() -> None:
    live = {"SMETS2": ["4.2", "5.0"]}
    instruction = (
        'In this Specification, for "Power Outage Alert" substitute "Outage Alert" wherever it occurs.'
    )
    only_one = one(instruction)
    amended = Corpus((apply_target(only_one, KEY, smets2()).spec, smets2("5.0")))
    (found,) = out_of_step(only_one, bundled(), amended, live)
    assert (found.source, found.other, found.counterpart) == (KEY, "SMETS2@5.0", "this Specification")
    both = one(instruction, specs="SMETS2 4.2, 5.0", version="4.2, 5.0")
    amended = Corpus(
        (apply_target(both, KEY, smets2()).spec, apply_target(both, "SMETS2@5.0", smets2("5.0")).spec)
    )
    assert out_of_step(both, bundled(), amended, live) == []


BATCH = (
    "Amendments to SMETS2 4.2\n\n"
    '1. In this Specification, for "Power Outage Alert" substitute "Outage Alert" wherever it occurs.\n\n'
    '2. In Section 5.5, for the 2nd occurrence of "power" substitute "energy".\n\n'
    '3. In clauses 5.5.3 and 5.5.5, for "Comms Hub" substitute "Communications Hub".\n\n'
    '4. In clauses 5.5.1 to 5.5.4, for "ESME" substitute "the meter" wherever it occurs.\n'
)


def test_the_redline_of_every_scope_accepts_to_the_applied_text_and_rejects_to_the_base(
    office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(BATCH), KEY, smets2())
