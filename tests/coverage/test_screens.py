"""The fast screens of coverage give what the plain searches give: word alternations, `naming`, needles."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from spectool.coverage.judge import _INHERITS, _refers
from spectool.coverage.obligations import _EXCEPTION, _split_exceptions, has_modal, read_sentence
from spectool.coverage.patterns import WordAlternation
from spectool.coverage.words import _DURATION, Vocabulary, duration_spans, synonym_map
from spectool.rules.parameters.quantities import quantity_value
from spectool.rules.parameters.table import Parameter, ParameterTable

WORDS = WordAlternation(
    (("no duty", r"shall\s+not\s+be\s+required\s+to"), ("obligation", "shall"), ("permission", "may"))
)
PIECES = (
    "shall",
    "SHALL",
    "Shall not be required to",
    "may",
    "mayor",
    "ſhall",
    "K",
    " ",
    ", ",
    "xshall",
    "é",
)


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_word_alternation_finds_what_the_plain_pattern_finds(text: str) -> None:
    plain = re.compile(r"\b(?:(shall\s+not\s+be\s+required\s+to)|(shall)|(may))\b", re.IGNORECASE)
    names = ("no duty", "obligation", "permission")
    expected = [(m.start(), m.end(), names[(m.lastindex or 1) - 1]) for m in plain.finditer(text)]
    assert list(WORDS.finditer(text)) == expected
    assert WORDS.search(text) is bool(expected)


def test_modal_verbs_in_any_case_and_outside_ascii() -> None:
    assert has_modal("ESME SHALL keep power")
    assert has_modal("Die ESME shall über alles")
    assert not has_modal("the mayor's marshall")


def test_obligations_read_the_same_in_any_case() -> None:
    vocabulary = Vocabulary.of([("ESME", ["ESME"])])
    lower = read_sentence("ESME shall keep power during a restart.", vocabulary)
    upper = read_sentence("ESME SHALL keep power DURING a restart.", vocabulary)
    assert [reading.modality for reading in lower] == [reading.modality for reading in upper]  # type: ignore[union-attr]
    assert upper[0].conditions == ("DURING a restart",)  # type: ignore[union-attr]


SYNONYMS = synonym_map([["upgrade", "update"], ["restart", "reboot"]])
TEXTS = (
    "ESME shall keep power during a firmware update.",
    "Nothing here.",
    "a rotas ota upgrade",
    "without power for three (3) minutes",
    "for 180 seconds",
    "Überall FIRMWARE-Upgrade",
    "",
    "reboots",
    "xrestart",
)


@pytest.mark.parametrize("terms", [["firmware upgrade", "OTA", "restart"], ["3 minutes", "activation"]])
def test_naming_tells_each_text_as_names_does(terms: list[str]) -> None:
    vocabulary = Vocabulary.of([("owner", terms)], SYNONYMS)
    assert vocabulary.naming(TEXTS) == [Vocabulary.of([("owner", terms)], SYNONYMS).names(t) for t in TEXTS]
    assert vocabulary.naming(TEXTS) == [bool(vocabulary.find(text)) for text in TEXTS]


def test_parameter_statements_are_found_behind_their_needles() -> None:
    parameter = Parameter(
        "delay",
        "",
        "duration",
        ("without power {...} for {quantity}", "{quantity} {...} without power"),
        None,
        (),
        (),
    )
    table = ParameterTable((parameter,))
    assert [s.value for s in table.statements("once it is without power continuously for 3 minutes")] == [180]
    assert [s.value for s in table.statements("after 2 minutes spent WITHOUT power")] == [120]
    assert list(table.statements("for 3 minutes without a supply")) == []


DURATION_PIECES = (
    *("3", "180", ".5", ")", "(3)", "three", "ten", "s", "S", "sec", "minutes", "Min", "hr"),
    *(" ", "-", "x", "and", "é", "listen", "clause 4.3", "THREE", "Twenty", "hundred", " and ", "(", "day"),
)


@given(st.lists(st.sampled_from(DURATION_PIECES), max_size=10).map("".join))
@example("three (3) minutes")
@example("5ss")
@example("for three minutes")
@example("one hundred and twenty (120) SECONDS")
def test_the_duration_screens_hide_no_duration(text: str) -> None:
    plain = tuple(
        (match.start(), match.end(), quantity_value(match.group(), "duration"))
        for match in _DURATION.finditer(text)
    )
    assert duration_spans.__wrapped__(text) == plain


REFERENCE_PIECES = (
    *("meet ", "complies with ", "in accordance with ", "as set out in ", "the requirements of "),
    *("specified in ", "required by ", "DESCRIBED IN ", "each ", "requirement in "),
    *("clause", "Section", "CLAUSE", "ſection", "s", " ", "4.3", "5", " of the CHTS", "x", "é"),
)


@given(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=8).map("".join))
@example("shall meet clause 5.5.3")
@example("in accordance with Sections 4 of the CHTS")
@example("Comply  with every requirement of clause 7")
@example("xmeet clause 5")
def test_the_reference_screen_hides_no_reference(text: str) -> None:
    assert _refers(text) is (_INHERITS.search(text) is not None)


EXCEPTION_PIECES = (
    *("keep power", " ", ", ", "(", "except", "EXCEPT", "unless", "save", "other than", "excluding"),
    *("apart from", "but not", "x", "é", "unleſs", "another", "attribute"),
)


@given(st.lists(st.sampled_from(EXCEPTION_PIECES), max_size=8).map("".join))
@example("keep power except during a Supply Outage")
@example("keep power (other than a Supply Outage)")
def test_the_exception_screen_hides_no_exception(text: str) -> None:
    parts = _EXCEPTION.split(text, maxsplit=1)
    plain = (text, ()) if len(parts) == 1 else (parts[0].strip(" ,(").strip(), (parts[1].strip(" ,.;)"),))
    assert _split_exceptions(text) == plain
