"""Renumbering a spec leaves alone its references into other documents named by their titles:
"clause 4.4.2 of the Communications Hub Technical Specification" in SMETS2 is not SMETS2's clause."""

from __future__ import annotations

from spectool.amend.references import refers_within, renumber_text
from spectool.model.document import Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references

MOVED = {ClauseNumber.parse("4.4.2"): ClauseNumber.parse("4.4.3")}


def test_a_reference_by_another_document_s_title_is_not_renumbered() -> None:
    text = (
        "as clause 4.4.2 of the Communications Hub Technical Specification, Section 4.4.2 of the Smart "
        "Energy Code, clause 4.4.2 of the CHTS and clause 4.4.2 require"
    )
    assert renumber_text(text, MOVED, "SMETS2") == (
        "as clause 4.4.2 of the Communications Hub Technical Specification, Section 4.4.2 of the Smart "
        "Energy Code, clause 4.4.2 of the CHTS and clause 4.4.3 require"
    )


def test_a_reference_naming_this_spec_or_nothing_after_it_points_within() -> None:
    value = "clause 4.4.2 of SMETS2, clause 4.4.2 of this document and clause 4.4.2 of the Code"
    within = [refers_within(reference, value, "SMETS2") for reference in find_references(Text(value))]
    assert within == [True, True, False]
