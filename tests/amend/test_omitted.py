"""References to clauses an amendment omits: an error unless the amendment rewrites them too."""

from __future__ import annotations

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.working import AppliedSpec
from spectool.errors import InputError
from spectool.parsing.writer import render_clause, render_paragraph
from tests.amend.helpers import amendment, small_corpus

KEY = "SMETS2@4.2"


def applied(body: str) -> AppliedSpec:
    return apply_target(amendment(f"Amendments to SMETS2 4.2\n\n{body}"), KEY, small_corpus().specs[0])


def messages(body: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        applied(body)
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


def test_renumbering_does_not_retarget_a_reference_to_an_omitted_clause() -> None:
    # Old 5.4.3 becomes 5.4.1, and its note's "clause 5.4.2", left as written, would name the old
    # 5.4.4; the glossary's would too. (5.4.2's own "clause 5.4.1" goes with it.)
    assert messages(
        "1. Omit clause 5.4.1 and renumber the following clauses.\n"
        "2. Omit clause 5.4.2 and renumber the following clauses.\n"
    ) == [
        '14:16: instruction 2 omits SMETS2@4.2 clause 5.4.2, but the definition of "Supply Outage" '
        'still refers to it ("clause 5.4.2"): amend that reference too',
        "14:16: instruction 2 omits SMETS2@4.2 clause 5.4.2, but clause 5.4.3 still refers to it "
        '("clause 5.4.2"): amend that reference too',
    ]


def test_a_reference_to_a_clause_omitted_without_renumbering_is_an_error_too() -> None:
    assert messages("1. Omit clause 5.4.4.\n") == [
        "13:16: instruction 1 omits SMETS2@4.2 clause 5.4.4, but clause 5.4.3 still refers to it "
        '("clause 5.4.4"): amend that reference too'
    ]


def test_a_reference_the_amendment_rewrites_is_the_drafters_own() -> None:
    result = applied(
        "1. Omit clause 5.4.2 and renumber the following clauses.\n"
        '2. In clause 5.4.3, for "clause 5.4.4 and clause 5.4.2" substitute "clause 5.4.1".\n'
        '3. In the definition of "Supply Outage", for "5.4.2" substitute "5.4.1".\n'
    )
    assert {str(k): str(v) for k, v in result.numbering.items()} == {
        "5.4.1": "5.4.1",
        "5.4.2": "None",
        "5.4.3": "5.4.2",
        "5.4.4": "5.4.3",
    }
    assert render_clause(result.spec.clause("5.4.2")).endswith("Note: see clause 5.4.1.")  # type: ignore[arg-type]
    assert [render_paragraph(d)[0] for d in result.spec.definitions()][1] == (
        '"Supply Outage" means a period without voltage, as determined under clause 5.4.1.'
    )


def test_omitting_the_words_that_held_the_reference_is_enough() -> None:
    result = applied('1. Omit clause 5.4.4.\n2. In clause 5.4.3, omit "clause 5.4.4 and".\n')
    assert render_clause(result.spec.clause("5.4.3")).endswith("Note: see clause 5.4.2.")  # type: ignore[arg-type]


def test_references_in_new_text_and_to_other_specs_are_left_alone() -> None:
    result = applied(
        "1. Omit clause 5.4.4.\n"
        "2. Substitute clause 5.4.3 with:\n"
        "    5.4.3 ESME shall record a Power Outage Event, unlike clause 5.4.4 of the CHTS.\n"
        # The new text restates the clause's note, whose "see clause 5.4.4" would otherwise stay.
        "    Note: see clause 5.4.2.\n"
    )
    assert result.numbering[next(n for n in result.numbering if str(n) == "5.4.4")] is None
    rendered = render_clause(result.spec.clause("5.4.3"))  # type: ignore[arg-type]
    assert rendered.endswith("unlike clause 5.4.4 of the CHTS.\nNote: see clause 5.4.2.")
