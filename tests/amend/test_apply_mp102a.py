"""MP102A applied to the bundled specs: the exact consolidated clauses, and texts that parse again."""

from __future__ import annotations

import pytest

from spectool.amend.apply import AppliedSpec, apply_all, apply_amendment
from spectool.amend.output import consolidated_source
from spectool.amend.reader import read_amendment
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec
from spectool.parsing.writer import render_clause
from tests.amend.helpers import AMENDMENTS, bundled

EXPECTED = {
    "SMETS2@4.2": {
        "5.4.4.5": """\
5.4.4.5 ESME shall record a Power Outage Event only in response to a Supply Outage and shall be
  designed so that a restart of ESME (including a restart to activate a Firmware Image) does
  not leave the Communications Hub without power for 3 minutes, and so does not lead to a
  Power Outage Alert when there is no Supply Outage.""",
        "5.4.5.3": """\
5.4.5.3 ESME shall activate a verified Firmware Image at its Activation Date-Time and shall keep
  its registers, configuration, Load Switch state and Event Log unchanged through the
  firmware upgrade, and shall keep the Communications Hub powered throughout the activation.""",
        "5.5.3": """\
5.5.3 ESME shall provide power to the Communications Hub through the Communications Hub
  Interface from the moment it is installed, and shall keep the Communications Hub powered
  in normal operation and under all other operating conditions (including during a firmware
  upgrade) except a Supply Outage.""",
        "5.6.5": """\
5.6.5 Polyphase ESME shall power the Communications Hub from any phase on which voltage is present,
  so that the loss of one or two phases does not interrupt its power, and shall keep the
  Communications Hub powered through a restart of Polyphase ESME, including a restart to activate
  a Firmware Image, so that the Communications Hub is never without power for 3 minutes except in
  a Supply Outage.""",
    },
    "SMETS2@5.0": {
        "5.4.5.5": """\
5.4.5.5 ESME shall record a Power Outage Event only in response to a Supply Outage and shall be
  designed so that a restart of ESME (including a restart to activate a Firmware Image) does
  not leave the Communications Hub without power for 3 minutes, and so does not lead to a
  Power Outage Alert when there is no Supply Outage.""",
        "5.4.6.4": """\
5.4.6.4 ESME shall activate a verified Firmware Image at its Activation Date-Time and shall retain
  its registers, configuration, Load Switch state and Event Log across the firmware upgrade,
  and shall keep the Communications Hub powered throughout the activation.""",
        "5.6.4": """\
5.6.4 ESME shall power the Communications Hub through the Communications Hub Interface from the
  moment it is installed, and shall keep it powered in normal operation and under all other
  operating conditions (including during a firmware upgrade) except a Supply Outage.""",
        "5.7.5": """\
5.7.5 Polyphase ESME shall power the Communications Hub from any phase on which voltage is present,
  so that the loss of one or two phases does not interrupt its power, and shall keep the
  Communications Hub powered through a restart of Polyphase ESME, including a restart to activate
  a Firmware Image, so that the Communications Hub is never without power for 3 minutes except in
  a Supply Outage.""",
    },
    "CHTS@1.5": {
        "4.3.3": """\
4.3.3 Where the installation is Gas First, the Communications Hub shall be mounted on a Hot Shoe
  and shall take its power from the separate power supply that feeds the Hot Shoe; a
  firmware upgrade of GSME or of the Communications Hub shall not interrupt that power, and
  a loss of that power shorter than 3 minutes shall not lead to the Power Outage Alert.""",
        "4.4.3": """\
4.4.3 Communications Hub shall ride through a loss of power shorter than 3 minutes, such as one
  caused by a restart of ESME or by ESME activating a Firmware Image, without a restart of its own
  that keeps it without power for longer, so that such a loss of power never leads to the
  Power Outage Alert.""",
        "4.4.4": """\
4.4.4 Communications Hub Function shall include in the Power Outage Alert the date and time at which
  power was lost.""",
        "4.4.5": """\
4.4.5 Communications Hub Function shall send an Alert when power returns after a Power Outage Alert
  has been sent, giving the date and time at which power returned.""",
        "4.5.3": """\
4.5.3 Communications Hub shall activate a verified Firmware Image at its Activation Date-Time
  and shall keep its configuration, the Devices admitted to the HAN and the data held by the
  Gas Proxy Function through the firmware upgrade, and shall not send the Power Outage Alert
  as a result of activating its own Firmware Image.""",
    },
}


def applied() -> dict[str, AppliedSpec]:
    return apply_all(read_amendment(AMENDMENTS / "MP102A.amend"), bundled())


@pytest.mark.parametrize("key", list(EXPECTED))
def test_the_consolidated_clauses_read_exactly(key: str) -> None:
    spec = applied()[key].spec
    for number, text in EXPECTED[key].items():
        clause = spec.clause(number)
        assert clause is not None, f"{key} has no clause {number}"
        assert render_clause(clause) == text


@pytest.mark.parametrize("key", list(EXPECTED))
def test_every_other_clause_is_the_base_clause(key: str) -> None:
    result = applied()[key]
    touched = set(EXPECTED[key])
    for clause in result.spec.clauses():
        if clause.id in touched:
            continue
        before = result.base.clause(clause.number)
        assert before is not None and render_clause(before) == render_clause(clause), clause.id


@pytest.mark.parametrize("key", list(EXPECTED))
def test_the_consolidated_source_parses_to_the_amended_model(key: str) -> None:
    result = applied()[key]
    assert parse_spec(consolidated_source(result)) == result.spec


def test_what_changed_where_and_what_moved() -> None:
    result = applied()
    assert set(result["SMETS2@4.2"].changed) == set(EXPECTED["SMETS2@4.2"])
    assert result["SMETS2@4.2"].inserted == frozenset({"5.6.5"})
    assert result["SMETS2@4.2"].renumbered == {}
    chts = result["CHTS@1.5"]
    assert chts.inserted == frozenset({"4.4.3"})
    assert {str(old): str(new) for old, new in chts.renumbered.items()} == {
        "4.4.3": "4.4.4",
        "4.4.4": "4.4.5",
    }
    assert chts.numbering[ClauseNumber.parse("4.4.2")] == ClauseNumber.parse("4.4.2")
    assert [instruction.number for instruction in (chts.changed["4.3.3"], chts.changed["4.4.3"])] == [1, 2]


def test_the_public_api_gives_one_spec_per_target() -> None:
    specs = apply_amendment(read_amendment(AMENDMENTS / "MP102A.amend"), bundled())
    assert list(specs) == ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]
    assert all(spec.key == key for key, spec in specs.items())


def test_the_consultation_text_applies_to_smets2_4_2_only() -> None:
    specs = apply_amendment(read_amendment(AMENDMENTS / "MP102A-consultation.amend"), bundled())
    assert list(specs) == ["SMETS2@4.2"]
    clause = specs["SMETS2@4.2"].clause("5.5.3")
    assert clause is not None
    assert "except a mains power failure, so that a restart of ESME does not lead to a spurious" in (
        clause.text.flat
    )
