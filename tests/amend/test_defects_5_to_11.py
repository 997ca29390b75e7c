"""Issue 18, defects 5 to 11, each from its reproducer against specs/smets2-v4.2.spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.errors import InputError
from spectool.model.document import Spec
from tests.amend.helpers import amendment, bundled, small_corpus, smets2

KEY = "SMETS2@4.2"


def small() -> Spec:
    return small_corpus().specs[0]


def refusal(body: str, base: Spec) -> str:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), KEY, base)
    (problem,) = caught.value.problems
    return problem.message


# Defect 5: emptying a sub-item would write a bare "(a)" that reads back as clause text.


def test_omitting_every_word_of_a_sub_item_is_refused_with_the_instruction_that_means_it() -> None:
    message = refusal('1. In clause 5.4.3(a), omit "in normal operation; and".\n', small())
    assert "it would leave sub-item (a) without words" in message
    assert '"Omit clause 5.4.3(a)."' in message
    # The suggestion is an instruction the grammar reads and that applies.
    applied = apply_target(amendment("Amendments to SMETS2 4.2\n\n1. Omit clause 5.4.3(a).\n"), KEY, small())
    clause = applied.spec.clause("5.4.3")
    assert clause is not None and [item.label for item in clause.items] == ["b"]


def test_emptying_a_note_is_refused_too() -> None:
    message = refusal('1. In clause 5.4.3, omit "see clause 5.4.4 and clause 5.4.2.".\n', small())
    assert "it would leave its note without words" in message


# Defect 6: an A-numbered reference is a reference to the A-numbered clause.

A_NUMBERED = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 2 General
## 2.1 Clocks
2.1.1 ESME shall keep the time in UTC.
2.1.2 ESME shall keep the date.
2.1.2A ESME shall keep the time zone.
2.1.3 ESME shall show the time zone that clause 2.1.2A requires, and the date of clause 2.1.2.
"""


def a_numbered() -> Spec:
    from spectool.parsing import parse_spec

    return parse_spec(A_NUMBERED, "a.spec")


def test_renumbering_moves_an_a_numbered_clause_and_the_references_to_it() -> None:
    applied = apply_target(
        amendment(
            "Amendments to SMETS2 4.2\n\n1. After clause 2.1.1 insert:\n"
            "    2.1.2 ESME shall keep the day of the week.\n   and renumber the following clauses.\n"
        ),
        KEY,
        a_numbered(),
    )
    numbers = [str(clause.number) for clause in applied.spec.clauses()]
    assert numbers == ["2.1.1", "2.1.2", "2.1.3", "2.1.3A", "2.1.4"]
    last = applied.spec.clause("2.1.4")
    assert last is not None
    assert last.text.value.endswith("that clause 2.1.3A requires, and the date of clause 2.1.3.")


def test_an_a_numbered_reference_stays_when_only_its_neighbour_moves() -> None:
    applied = apply_target(
        amendment("Amendments to SMETS2 4.2\n\n1. Omit clause 2.1.1 and renumber the following clauses.\n"),
        KEY,
        a_numbered(),
    )
    numbers = [str(clause.number) for clause in applied.spec.clauses()]
    assert numbers == ["2.1.1", "2.1.1A", "2.1.2"]
    last = applied.spec.clause("2.1.2")
    assert last is not None
    assert "that clause 2.1.1A requires, and the date of clause 2.1.1." in last.text.value


# Defect 7: omitting a definition that is still used is an error, as omitting a cited clause is.


def test_omitting_a_definition_still_used_is_an_error_naming_the_user() -> None:
    message = refusal('1. Omit the definition of "Supply Outage".\n', small())
    assert 'omits SMETS2@4.2 the definition of "Supply Outage", but clause 5.4.4 still uses it' in message
    assert '("Supply Outage"): amend that use too' in message


def test_a_use_inside_a_longer_defined_term_does_not_count() -> None:
    from spectool.parsing import parse_spec

    base = parse_spec(
        A_NUMBERED.replace(
            "# 2 General\n",
            '# 1 Glossary\n"Communications Hub" means the hub.\n'
            '"Communications Hub Interface" means the connector on ESME for the hub.\n# 2 General\n',
        ).replace("keep the date.", "keep the date at the Communications Hub Interface."),
        "terms.spec",
    )
    applied = apply_target(
        amendment('Amendments to SMETS2 4.2\n\n1. Omit the definition of "Communications Hub".\n'), KEY, base
    )
    assert applied.omitted_terms == frozenset({"Communications Hub"})
    message = refusal('1. Omit the definition of "Communications Hub Interface".\n', base)
    assert "clause 2.1.2 still uses it" in message


def test_omitting_a_definition_whose_uses_the_amendment_rewrites_applies() -> None:
    applied = apply_target(
        amendment(
            "Amendments to SMETS2 4.2\n\n"
            '1. In clause 5.4.4, for "Supply Outage" substitute "loss of supply".\n\n'
            '2. Omit the definition of "Polyphase ESME".\n\n'
            '3. Omit the definition of "Supply Outage".\n'
        ),
        KEY,
        small(),
    )
    assert applied.omitted_terms == frozenset({"Polyphase ESME", "Supply Outage"})


# Defect 8: three edits that apply but may not say what the drafter meant are warned of.

RANGED = A_NUMBERED.replace("2.1.2A ESME shall keep the time zone.\n", "").replace(
    "2.1.3 ESME shall show the time zone that clause 2.1.2A requires, and the date of clause 2.1.2.\n",
    "2.1.3 ESME shall show the date.\n2.1.4 ESME shall meet clauses 2.1.1 to 2.1.3 at all times.\n",
)


def warnings_of(body: str, base: Spec) -> list[str]:
    applied = apply_target(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), KEY, base)
    return [warning.message for warning in applied.warnings]


def ranged() -> Spec:
    from spectool.parsing import parse_spec

    return parse_spec(RANGED, "ranged.spec")


def test_a_range_that_would_take_in_an_inserted_clause_is_warned_of() -> None:
    said = warnings_of(
        "1. After clause 2.1.1 insert:\n    2.1.2 ESME shall keep the day of the week.\n"
        "   and renumber the following clauses.\n",
        ranged(),
    )
    assert said == [
        "warning: instruction 1 inserts SMETS2@4.2 clause 2.1.2 inside the range "
        '"clauses 2.1.1 to 2.1.3" that clause 2.1.4 refers to, which now takes it in: amend that '
        "reference too if it should not"
    ]


def test_a_clause_inserted_after_a_range_is_no_warning() -> None:
    said = warnings_of(
        "1. After clause 2.1.3 insert:\n    2.1.4 ESME shall keep the day of the week.\n"
        "   and renumber the following clauses.\n",
        ranged(),
    )
    assert said == []


def test_leaving_not_used_on_a_clause_still_cited_is_warned_of() -> None:
    said = warnings_of('1. Omit clause 5.4.2 and leave "Not used.".\n', small())
    assert said and all('leaves SMETS2@4.2 clause 5.4.2 as "Not used."' in line for line in said)
    assert any('the definition of "Supply Outage" still refers to it' in line for line in said)


def test_a_number_an_earlier_renumbering_reused_is_warned_of() -> None:
    said = warnings_of(
        "1. Omit clause 5.4.1 and renumber the following clauses.\n\n"
        '2. In clause 5.4.2, for "one second" substitute "two seconds".\n',
        ranged_small(),
    )
    assert said == [
        "warning: instruction 2 names clause 5.4.2, which instruction 1 renumbered as 5.4.1, and 5.4.2 "
        "now numbers clause 5.4.3: numbers in instructions are those of the unamended spec, so this "
        "means the clause now numbered 5.4.1; to make that plain, put this instruction before "
        "instruction 1"
    ]


def ranged_small() -> Spec:
    from spectool.parsing import parse_spec
    from tests.amend.helpers import SMALL_SPEC

    return parse_spec(SMALL_SPEC.replace(", as clause 5.4.1 describes", ""), "small.spec")


# Defect 9: a number `Omit clause X.` leaves unused is no numbering gap under `check`.


def struct001_of(tmp_path: Path, body: str) -> list[str]:
    from spectool.config import load_config
    from spectool.rules.runner import check_paths
    from tests.amend.helpers import PREAMBLE, ROOT

    path = tmp_path / "omit.amend"
    path.write_text(PREAMBLE.format(specs="SMETS2 4.2") + "\nAmendments to SMETS2 4.2\n\n" + body)
    findings = check_paths([path], load_config(ROOT / "spectool.toml")).result.findings
    return [finding.message for finding in findings if finding.code == "STRUCT001"]


def test_an_omitted_number_is_no_gap(tmp_path: Path) -> None:
    assert struct001_of(tmp_path, "1. Omit clause 5.5.4.\n") == []


def test_the_same_gap_without_the_amendment_is_still_one() -> None:
    from spectool.model.corpus import Corpus
    from spectool.rules.base import RuleContext
    from spectool.rules.structure.struct001 import NumberingGap

    base = smets2()
    amended = apply_target(amendment("Amendments to SMETS2 4.2\n\n1. Omit clause 5.5.4.\n"), KEY, base).spec
    context = RuleContext(corpus=Corpus((amended,)), config=None, base=Corpus((base,)))  # type: ignore[arg-type]
    assert list(NumberingGap().check(context)) == []
    without_base = RuleContext(corpus=Corpus((amended,)), config=None)  # type: ignore[arg-type]
    (gap,) = list(NumberingGap().check(without_base))
    assert gap.message == "5.5.5 follows 5.5.3: 5.5.4 is missing"


# Defect 10: messages that say what is wrong.


def test_an_a_numbered_clause_is_read_as_a_clause_number() -> None:
    message = refusal('1. In clause 5.6.2A, for "x" substitute "y".\n', smets2())
    assert message.endswith("there is no clause 5.6.2A")


def test_a_words_an_earlier_instruction_removed_name_that_instruction() -> None:
    message = refusal(
        '1. In clause 5.5.3, for "mains power failure" substitute "Supply Outage".\n\n'
        '2. In clause 5.5.3, omit "a mains power".\n',
        smets2(),
    )
    assert message.endswith('"a mains power" does not occur: instruction 1 changed those words before it')


def test_an_ordinal_beyond_the_count_reads_as_english() -> None:
    message = refusal('1. In clause 5.5.3, omit the 5th occurrence of "power".\n', smets2())
    assert message.endswith('"power" occurs 2 times, so it has no 5th occurrence')


def test_a_quote_that_differs_in_capitals_or_apostrophes_gets_a_did_you_mean() -> None:
    message = refusal('1. In clause 5.5.3, for "comms hub" substitute "hub".\n', smets2())
    assert message.endswith('"comms hub" does not occur: did you mean "Comms Hub"?')
    from spectool.parsing import parse_spec

    base = parse_spec(A_NUMBERED.replace("keep the date.", "keep the meter\u2019s date."), "q.spec")
    message = refusal('1. In clause 2.1.2, for "meter\'s date" substitute "date".\n', base)
    assert message.endswith('"meter\'s date" does not occur: did you mean "meter\u2019s date"?')


# Defect 11: "Clauses affected" is checked against the clauses the instructions touch.


def test_the_bundled_amendments_list_exactly_the_clauses_they_touch() -> None:
    from spectool.amend.apply import apply_all
    from spectool.amend.reader import read_amendment
    from tests.amend.helpers import AMENDMENTS

    for name in ("MP102A.amend", "MP102A-consultation.amend"):
        applied = apply_all(read_amendment(AMENDMENTS / name), bundled())
        assert [w for result in applied.values() for w in result.warnings] == []


def test_a_clause_left_out_of_clauses_affected_or_named_needlessly_is_warned_of() -> None:
    from spectool.amend.reader import parse_amendment
    from tests.amend.helpers import PREAMBLE

    text = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 5.5.3, new 5.5.6 (5.5.4 moves)"
    ) + ('\nAmendments to SMETS2 4.2\n\n1. In clause 5.5.4, for "removed" substitute "taken away".\n')
    applied = apply_target(parse_amendment(text, "x.amend"), KEY, smets2())
    assert [(w.line, w.message) for w in applied.warnings] == [
        (
            9,
            "warning: 'Clauses affected' does not match the instructions: it leaves out SMETS2 4.2 "
            "clause 5.5.4 (instruction 1)",
        ),
        (
            9,
            "warning: 'Clauses affected' does not match the instructions: it names SMETS2 4.2 clause "
            "5.5.3, which no instruction touches",
        ),
        (
            9,
            "warning: 'Clauses affected' does not match the instructions: it names SMETS2 4.2 clause "
            "5.5.6, which no instruction touches",
        ),
    ]


def test_free_text_in_clauses_affected_is_left_as_written() -> None:
    applied = apply_target(
        amendment('Amendments to SMETS2 4.2\n\n1. In clause 5.5.4, for "removed" substitute "taken away".\n'),
        KEY,
        smets2(),
    )
    assert applied.warnings == ()
