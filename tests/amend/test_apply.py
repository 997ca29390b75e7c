"""Applying instructions: exactly or not at all, with renumbering and references that follow it."""

from __future__ import annotations

import pytest

from spectool.amend.apply import apply_all, apply_target
from spectool.errors import InputError, Problem
from spectool.model.corpus import Corpus
from spectool.parsing import parse_spec
from spectool.parsing.writer import render_clause, render_paragraph
from tests.amend.helpers import SMALL_SPEC, amendment, small_corpus

KEY = "SMETS2@4.2"


def applied(body: str, corpus: Corpus | None = None) -> Corpus:
    corpus = corpus or small_corpus()
    result = apply_all(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), corpus)
    return corpus.with_spec(result[KEY].spec)


def clause(body: str, number: str) -> str:
    found = applied(body).get("SMETS2", "4.2").clause(number)  # type: ignore[union-attr]
    assert found is not None
    return render_clause(found)


def failure(body: str, corpus: Corpus | None = None) -> Problem:
    with pytest.raises(InputError) as caught:
        applied(body, corpus)
    (problem,) = caught.value.problems
    return problem


# Text edits: the words found exactly, joined to their neighbours as a drafter expects.


def test_substitute_and_omit_close_the_gap() -> None:
    text = clause('1. In clause 5.4.3, omit every occurrence of "spurious".', "5.4.3")
    assert text.splitlines()[:2] == [
        "5.4.3 ESME shall record a Power Outage Event, and shall not lead to Power Outage Alerts",
        "  from the Communications Hub after a restart or a reset.",
    ]


def test_insert_after_and_before_add_one_space_but_none_before_punctuation() -> None:
    body = (
        '1. In clause 5.4.1, after "voltage" insert "(in volts)".\n'
        '2. In clause 5.4.1, before "every" insert "each and".\n'
        '3. In clause 5.4.1, after "phase" insert ", at all times".\n'
    )
    assert clause(body, "5.4.1") == (
        "5.4.1 ESME shall monitor the voltage (in volts) on each and every phase, at all times."
    )


def test_the_nth_and_the_last_occurrence() -> None:
    second = clause('1. In clause 5.4.3, for the 2nd occurrence of "spurious" substitute "sudden".', "5.4.3")
    assert "spurious Power Outage Alerts" in second and "a sudden reset" in second
    last = clause('1. In clause 5.4.3, for the last occurrence of "clause" substitute "Clause".', "5.4.3")
    assert "Note: see clause 5.4.4 and Clause 5.4.2." in last


def test_quoted_words_match_across_a_line_break_in_the_source() -> None:
    text = clause(
        '1. In clause 5.4.3, for "Alerts from the Communications Hub" substitute "Alerts".', "5.4.3"
    )
    assert "lead to spurious Power Outage Alerts after a restart" in " ".join(text.split())


def test_an_edit_within_a_sub_item_stays_there() -> None:
    text = clause('1. In clause 5.4.3(b), for "firmware update" substitute "firmware upgrade".', "5.4.3")
    assert "  (b) during a firmware upgrade." in text.splitlines()


def test_a_definition_can_be_edited_by_its_term() -> None:
    spec = applied('1. In the definition of "Supply Outage", for "a period" substitute "any period".')
    definition = next(d for d in spec.specs[0].definitions() if d.term == "Supply Outage")
    assert definition.text.value.startswith("means any period without voltage")


# Whole clauses and definitions; renumbering follows references.


def test_insert_and_renumber_moves_the_following_clauses_and_the_references_to_them() -> None:
    body = (
        "1. After clause 5.4.1 insert:\n    5.4.2 ESME shall sample the voltage.\n"
        "   and renumber the following clauses.\n"
    )
    spec = applied(body).specs[0]
    assert [c.id for c in spec.clauses()] == ["5.4.1", "5.4.2", "5.4.3", "5.4.4", "5.4.5"]
    assert render_clause(spec.clause("5.4.3")).startswith(  # type: ignore[arg-type]
        "5.4.3 ESME shall treat a phase as absent after one second, as clause 5.4.1 describes."
    )
    assert "Note: see clause 5.4.5 and clause 5.4.3." in render_clause(spec.clause("5.4.4"))  # type: ignore[arg-type]
    glossary = [render_paragraph(d)[0] for d in spec.definitions()]
    assert glossary[1] == '"Supply Outage" means a period without voltage, as determined under clause 5.4.3.'


def test_the_result_says_where_every_clause_went() -> None:
    body = (
        "1. After clause 5.4.1 insert:\n    5.4.2 ESME shall sample the voltage.\n"
        "   and renumber the following clauses.\n2. Omit clause 5.4.4.\n"
        '3. In clause 5.4.3, omit "clause 5.4.4 and".\n'
    )
    result = apply_target(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), KEY, small_corpus().specs[0])
    assert {str(k): str(v) for k, v in result.numbering.items()} == {
        "5.4.1": "5.4.1",
        "5.4.2": "5.4.3",
        "5.4.3": "5.4.4",
        "5.4.4": "None",
    }
    assert result.inserted == frozenset({"5.4.2"})
    assert sorted(result.changed) == ["5.4.2", "5.4.4"]  # the new clause, and old 5.4.3's note


def test_instructions_name_clauses_by_their_unamended_numbers() -> None:
    body = (
        "1. After clause 5.4.1 insert:\n    5.4.2 ESME shall sample the voltage.\n"
        "   and renumber the following clauses.\n"
        '2. In clause 5.4.2, for "one second" substitute "two seconds".\n'
    )
    spec = applied(body).specs[0]
    assert "absent after two seconds" in render_clause(spec.clause("5.4.3"))  # type: ignore[arg-type]


def test_omit_and_leave_not_used_and_omit_and_renumber() -> None:
    spec = applied('1. Omit clause 5.4.1 and leave "Not used.".').specs[0]
    assert render_clause(spec.clause("5.4.1")) == "5.4.1 Not used."  # type: ignore[arg-type]
    body = (
        "1. Omit clause 5.4.1 and renumber the following clauses.\n"
        '2. In clause 5.4.2, omit ", as clause 5.4.1 describes".\n'
    )
    spec = applied(body).specs[0]
    assert [c.id for c in spec.clauses()] == ["5.4.1", "5.4.2", "5.4.3"]
    assert render_clause(spec.clause("5.4.1")).startswith("5.4.1 ESME shall treat a phase")  # type: ignore[arg-type]


def test_substitute_a_clause_and_the_glossary_instructions() -> None:
    body = (
        "1. Substitute clause 5.4.4 with:\n    5.4.4 ESME shall keep its Event Log for ever.\n"
        "2. In the Glossary, insert the definition:\n"
        '    "Hot Shoe" means a cradle for the Communications Hub.\n'
        '3. Omit the definition of "Polyphase ESME".\n'
    )
    spec = applied(body).specs[0]
    assert render_clause(spec.clause("5.4.4")) == "5.4.4 ESME shall keep its Event Log for ever."  # type: ignore[arg-type]
    assert [d.term for d in spec.definitions()] == ["Hot Shoe", "Supply Outage"]


def test_the_amended_spec_renders_to_a_source_that_parses_back_to_it() -> None:
    body = (
        "1. After clause 5.4.1 insert:\n    5.4.2 ESME shall sample the voltage.\n"
        "   and renumber the following clauses.\n"
        '2. In clause 5.4.3, for "spurious Power Outage Alerts from the Communications Hub after a restart" '
        'substitute "any Power Outage Alert from the Communications Hub after a restart of ESME, including a '
        'restart to activate a Firmware Image, that lasts less than 3 minutes".\n'
    )
    spec = applied(body).specs[0]
    from spectool.parsing import render_spec

    assert parse_spec(render_spec(spec)) == spec


# Every way an instruction can fail to apply: named at its line, with the target and the clause.


def test_missing_words_are_an_error_at_the_quoted_words() -> None:
    problem = failure('1. In clause 5.4.1, for "mains power failure" substitute "Supply Outage".')
    assert (problem.path, problem.line, problem.column) == ("x.amend", 13, 25)
    assert problem.message == (
        'instruction 1 does not apply to SMETS2@4.2 clause 5.4.1: "mains power failure" does not occur'
    )
    assert problem.source_line.startswith("1. In clause 5.4.1")


def test_words_that_occur_more_often_than_allowed_are_an_error() -> None:
    problem = failure('1. In clause 5.4.3, omit "spurious".')
    assert problem.message == (
        'instruction 1 does not apply to SMETS2@4.2 clause 5.4.3: "spurious" occurs 2 times: say which, '
        'e.g. "the 2nd occurrence of", or "every occurrence of"'
    )
    assert (problem.line, problem.column, problem.width) == (13, 26, 10)


def test_an_occurrence_beyond_the_last_is_an_error() -> None:
    problem = failure('1. In clause 5.4.3, omit the 3rd occurrence of "spurious".')
    assert problem.message.endswith('"spurious" occurs 2 times, so it has no 3rd occurrence')


def test_an_unknown_clause_is_an_error_at_its_number() -> None:
    problem = failure('1. In clause 5.4.9, omit "x".')
    assert (
        problem.message == "instruction 1 does not apply to SMETS2@4.2 clause 5.4.9: there is no clause 5.4.9"
    )
    assert (problem.line, problem.column, problem.width) == (13, 14, 5)


def test_an_unknown_sub_item_or_definition_is_an_error() -> None:
    assert failure('1. In clause 5.4.3(c), omit "x".').message.endswith("there is no sub-item (c)")
    assert failure('1. Omit the definition of "Gas First".').message == (
        'instruction 1 does not apply to SMETS2@4.2 the definition of "Gas First": "Gas First" is not defined'
    )


def test_a_clause_omitted_earlier_cannot_be_edited() -> None:
    problem = failure('1. Omit clause 5.4.1.\n2. In clause 5.4.1, omit "voltage".')
    assert problem.line == 14
    assert problem.message.endswith("clause 5.4.1 is omitted by instruction 1")


def test_inserting_over_an_existing_number_needs_renumbering() -> None:
    problem = failure("1. After clause 5.4.1 insert:\n    5.4.2 ESME shall sample the voltage.\n")
    assert problem.message.endswith(
        "clause 5.4.2 already exists: add 'and renumber the following clauses', "
        "or number the new text otherwise"
    )


def test_two_insertions_after_one_clause_are_an_error() -> None:
    problem = failure(
        "1. After clause 5.4.4 insert:\n    5.4.5 ESME shall a.\n"
        "2. After clause 5.4.4 insert:\n    5.4.5 ESME shall b.\n"
    )
    assert problem.line == 15
    assert "instruction 1 already inserts after clause 5.4.4" in problem.message


def test_a_term_already_defined_cannot_be_inserted() -> None:
    problem = failure('1. In the Glossary, insert the definition:\n    "Supply Outage" means x.\n')
    assert problem.message.endswith('"Supply Outage" is already defined: substitute its definition instead')


def test_an_unknown_target_is_an_error_at_its_version() -> None:
    read = amendment("Amendments to SMETS2 4.3\n\n1. Omit clause 5.4.1.\n", "SMETS2 4.3")
    with pytest.raises(InputError) as caught:
        apply_all(read, small_corpus())
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.width) == (11, 22, 3)
    assert problem.message == "no spec SMETS2 4.3 in the corpus (loaded: SMETS2@4.2)"


def test_every_failing_instruction_is_reported_and_nothing_is_returned() -> None:
    body = '1. In clause 5.4.1, omit "x".\n2. In clause 5.4.2, omit "one second".\n3. Omit clause 5.9.9.\n'
    with pytest.raises(InputError) as caught:
        applied(body)
    assert [problem.line for problem in caught.value.problems] == [13, 15]


def test_a_multi_version_target_fails_per_version() -> None:
    newer = parse_spec(
        SMALL_SPEC.replace("version: 4.2", "version: 5.0").replace("every phase", "each phase")
    )
    corpus = Corpus((small_corpus().specs[0], newer))
    read = amendment(
        'Amendments to SMETS2 4.2, 5.0\n\n1. In clause 5.4.1, for "every" substitute "each".\n',
        "SMETS2 4.2, 5.0",
    )
    with pytest.raises(InputError) as caught:
        apply_all(read, corpus)
    (problem,) = caught.value.problems
    assert problem.message.startswith("instruction 1 does not apply to SMETS2@5.0 clause 5.4.1")
