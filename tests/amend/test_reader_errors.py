"""Malformed amendments: each problem at its line and column, with what was expected, all in one run."""

from __future__ import annotations

import pytest

from spectool.amend.diagnostics import ERROR_EXAMPLES
from spectool.amend.reader import parse_amendment
from spectool.errors import Problem
from tests.amend.helpers import PREAMBLE, problems_of

HEAD = PREAMBLE.format(specs="SMETS2 4.2") + "\nAmendments to SMETS2 4.2\n\n"  # instructions start on line 13


def only(text: str) -> Problem:
    (problem,) = problems_of(text)
    return problem


SAMPLES = [(message, sample) for message, samples in ERROR_EXAMPLES.items() for sample in samples]


@pytest.mark.parametrize(("message", "sample"), SAMPLES, ids=[sample for _, sample in SAMPLES])
def test_each_malformed_sample_gets_its_message(message: str, sample: str) -> None:
    if sample.startswith("Modification") or sample.startswith("MP102A"):
        text = sample
    elif sample.startswith("Amendments"):
        text = PREAMBLE.format(specs="SMETS2 4.2") + sample + "1. Omit clause 5.5.3.\n"
    else:
        text = HEAD + sample
    messages = [problem.message for problem in problems_of(text)]
    assert message in messages


def test_a_missing_full_stop_is_shown_at_the_end_of_the_line() -> None:
    problem = only(HEAD + '1. In clause 5.5.3, omit "spurious"\n')
    assert (problem.line, problem.column, problem.width) == (13, 36, 1)
    assert problem.message == "a sentence ends with a full stop: expected '.'"
    assert problem.source_line == '1. In clause 5.5.3, omit "spurious"'
    assert problem.render().splitlines()[1:] == [
        '    1. In clause 5.5.3, omit "spurious"',
        "                                       ^",
    ]


def test_a_missing_comma_is_shown_at_the_word_after_the_clause_number() -> None:
    problem = only(HEAD + '1. In clause 5.5.3 for "a" substitute "b".\n')
    assert (problem.line, problem.column, problem.width) == (13, 20, 3)


def test_an_unknown_verb_lists_what_an_instruction_may_begin_with() -> None:
    problem = only(HEAD + "1. Delete clause 5.5.3.\n")
    assert (problem.line, problem.column) == (13, 4)
    assert problem.message.startswith("an instruction begins with what it does")


def test_a_generic_message_names_what_was_found_and_what_was_expected() -> None:
    problem = only(HEAD + '1. In clause 5.5.3, for the second "a" substitute "b".\n')
    assert problem.message == "unexpected quoted words: expected 'occurrence'"
    assert (problem.line, problem.column) == (13, 36)


def test_every_bad_instruction_is_reported_in_one_run() -> None:
    found = problems_of(HEAD + '1. In clause 5.5.3 omit "a".\n2. Omit clause 5.5.4.\n3. Omit clause 5.5.5\n')
    assert [(problem.line, problem.column) for problem in found] == [(13, 20), (15, 21)]


def test_new_text_that_does_not_parse_is_reported_at_its_line_in_the_amendment() -> None:
    problem = only(HEAD + "1. After clause 5.5.3 insert:\n    5.5.4 ESME shall work.\n    this is stray\n")
    assert (problem.line, problem.column) == (15, 5)
    assert problem.message.startswith("this line is not a heading, clause, definition")
    assert problem.source_line == "    this is stray"


def test_new_clause_numbers_must_follow_the_clause_they_come_after() -> None:
    problem = only(HEAD + "1. After clause 5.5.3 insert:\n    5.5.5 ESME shall work.\n")
    assert (problem.line, problem.column, problem.width) == (14, 5, 5)
    assert problem.message == "the new clause must be numbered 5.5.4: it follows clause 5.5.3"


def test_new_clauses_stand_in_the_section_of_the_clause_they_follow() -> None:
    problem = only(HEAD + "1. After clause 5.5.3 insert:\n    5.6.4 ESME shall work.\n")
    assert problem.message.startswith("clause 5.6.4 does not belong to section 5.5")
    assert (problem.line, problem.column) == (14, 5)


def test_a_substituted_clause_keeps_its_number() -> None:
    problem = only(HEAD + "1. Substitute clause 5.5.3 with:\n    5.5.4 ESME shall work.\n")
    assert problem.message == "the new text of clause 5.5.3 must keep the number 5.5.3"


def test_quoted_new_text_holds_no_headings() -> None:
    problem = only(HEAD + "1. After clause 5.5.3 insert:\n    5.5.4 ESME shall work.\n    ## 5.6 More\n")
    assert problem.message.startswith("quoted new text may hold clauses")
    assert problem.line == 15


def test_a_definition_must_be_the_one_named() -> None:
    problem = only(HEAD + '1. Substitute the definition of "Hot Shoe" with:\n    "Gas First" means x.\n')
    assert problem.message == 'the new text must define "Hot Shoe", not "Gas First"'
    assert problem.line == 14


def test_whole_clause_instructions_name_no_sub_item() -> None:
    # `Omit clause 5.5.3(a).` omits a sub-item (tests/amend/test_sub_items.py); a range is of clauses.
    problem = only(HEAD + "1. Omit clauses 5.5.3(a) to 5.5.4.\n")
    assert (problem.line, problem.column, problem.width) == (13, 17, 8)
    assert problem.message == "this instruction acts on whole clauses: name the clause without (a)"


def test_ordinals_must_be_english() -> None:
    problem = only(HEAD + '1. In clause 5.5.3, omit the 2th occurrence of "a".\n')
    assert problem.message == "'2th' is not an ordinal: expected e.g. '2nd'"


def test_instructions_are_numbered_in_sequence_under_each_heading() -> None:
    found = problems_of(HEAD + "1. Omit clause 5.5.3.\n3. Omit clause 5.5.4.\n")
    assert [(p.line, p.message) for p in found] == [(14, "instruction 3 is out of sequence: expected 2.")]


def test_an_instruction_that_does_not_parse_still_counts_in_the_sequence() -> None:
    found = problems_of(HEAD + "1. Omit clause 5.5.3\n2. Omit clause 5.5.4.\n")
    assert [problem.line for problem in found] == [13]


def test_the_change_request_needs_every_field_once() -> None:
    text = (
        "Modification MP102A: Title\nChange request\nAuthor: A\nAuthor: B\nOwner: C\nDate:\n"
        "Amendments to CHTS 1.5\n1. Omit clause 4.4.3.\n"
    )
    messages = [(p.line, p.message) for p in problems_of(text)]
    assert (4, "the field 'Author' is given twice") in messages
    assert any(
        line == 5 and message.startswith("unknown change request field 'Owner'") for line, message in messages
    )
    assert (6, "the field 'Date' is empty") in messages
    assert (
        1,
        "the change request lacks Date, Reason for change, Summary of change, Consequences if not approved, "
        "Specs affected, Clauses affected",
    ) in messages


def test_specs_affected_must_name_the_versions_amended() -> None:
    text = PREAMBLE.format(specs="SMETS2 4.2") + "\nAmendments to SMETS2 4.2, 5.0\n\n1. Omit clause 5.5.3.\n"
    problem = only(text)
    assert problem.line == 8
    assert problem.message == "'Specs affected' does not match the targets: it leaves out SMETS2@5.0"


def test_an_instruction_needs_a_target_above_it() -> None:
    found = problems_of(PREAMBLE.format(specs="SMETS2 4.2") + "1. Omit clause 5.5.3.\n")
    assert (10, "an instruction before any target: expected 'Amendments to SMETS2 4.2' above it") in [
        (problem.line, problem.message) for problem in found
    ]


def test_a_target_names_each_version_once_and_has_instructions() -> None:
    found = problems_of(PREAMBLE.format(specs="SMETS2 4.2") + "Amendments to SMETS2 4.2, 4.2\n")
    assert [(p.line, p.column, p.message) for p in found] == [
        (10, 1, "no instructions under 'Amendments to SMETS2 4.2, 4.2': expected '1. ...'"),
        (10, 27, "version 4.2 is named twice"),
    ]


def test_an_empty_file_says_what_it_expected() -> None:
    assert [p.message for p in problems_of("\n// nothing\n")] == [
        "the file is empty: expected 'Modification MP102A: title'"
    ]


def test_a_well_formed_amendment_has_no_problems() -> None:
    parse_amendment(HEAD + "1. Omit clause 5.5.3.\n")


def test_an_empty_reason_is_shown_at_the_word_reason() -> None:
    problem = only(HEAD + "1. Omit clause 5.5.3.\n   Reason:\n")
    assert (problem.line, problem.column) == (14, 4)
    assert problem.message == "the reason is empty: expected 'Reason: why the change is made'"
