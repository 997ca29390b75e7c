"""Issue 18, wording to accept: the change request's optional implementation date and transitional
provisions, read, checked and written back."""

from __future__ import annotations

from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from tests.amend.helpers import PREAMBLE, problems_of

BODY = '\nAmendments to SMETS2 4.2\n\n1. In clause 5.5.3, for "Comms Hub" substitute "Communications Hub".\n'


def cover(*extra: str) -> str:
    return PREAMBLE.format(specs="SMETS2 4.2") + "".join(line + "\n" for line in extra) + BODY


def test_an_implementation_date_and_transitional_provisions_are_read_and_written_back() -> None:
    text = cover(
        "Implementation date: 2027-06-01",
        "Transitional provisions: Devices installed before the implementation date may keep the",
        "  firmware they have until their next upgrade.",
    )
    read = parse_amendment(text, "x.amend")
    assert read.implementation_date == "2027-06-01"
    assert read.transitional_provisions == (
        "Devices installed before the implementation date may keep the firmware they have until their "
        "next upgrade."
    )
    written = render_amendment(read)
    assert "Implementation date: 2027-06-01\nTransitional provisions: Devices installed" in written
    assert parse_amendment(written, "again.amend") == read


def test_both_are_optional_and_left_out_when_not_given() -> None:
    read = parse_amendment(cover(), "x.amend")
    assert (read.implementation_date, read.transitional_provisions) == ("", "")
    assert "Implementation date" not in render_amendment(read)


def test_an_implementation_date_that_is_no_date_or_comes_too_early_is_refused() -> None:
    (problem,) = problems_of(cover("Implementation date: next summer"))
    assert problem.message == "the implementation date is not a date: expected e.g. '2027-06-01'"
    assert problem.line == 10
    (problem,) = problems_of(cover("Implementation date: 2020-01-01"))
    assert (
        problem.message
        == "the implementation date 2020-01-01 comes before the change request's date 2021-03-01"
    )
    (problem,) = problems_of(cover("Implementation date: 2027-06-01", "Implementation date: 2027-07-01"))
    assert problem.message == "the field 'Implementation date' is given twice"
