"""The reader: sentence shapes it reads into obligations, those it refuses, and references followed."""

from __future__ import annotations

import pytest

from spectool.coverage.assess import Assessor, Status, Verdict, assess, explain
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.obligations import Modality, NotApplying, Obligation, Unreadable, read_sentence
from spectool.coverage.words import Vocabulary
from spectool.model.corpus import Corpus
from tests.coverage.helpers import chts, smets

ACTORS = Vocabulary.of(
    (term, [term])
    for term in ("ESME", "Polyphase ESME", "GSME", "Communications Hub", "Communications Hub Function")
)


def obligations(text: str) -> list[Obligation]:
    found = read_sentence(text, ACTORS)
    assert all(isinstance(each, Obligation) for each in found), found
    return [each for each in found if isinstance(each, Obligation)]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("ESME shall keep the hub powered.", Modality.OBLIGATION),
        ("ESME must keep the hub powered.", Modality.OBLIGATION),
        ("ESME SHALL keep the hub powered.", Modality.OBLIGATION),
        ("ESME is required to keep the hub powered.", Modality.OBLIGATION),
        ("ESME shall not cut the hub's power.", Modality.PROHIBITION),
        ("ESME must never cut the hub's power.", Modality.PROHIBITION),
        ("ESME may cut the hub's power.", Modality.PERMISSION),
        ("ESME need not keep the hub powered.", Modality.NO_DUTY),
        ("ESME is not required to keep the hub powered.", Modality.NO_DUTY),
        ("ESME shall not be required to keep the hub powered.", Modality.NO_DUTY),
        ("Nothing in this clause shall oblige ESME to keep the hub powered.", Modality.NO_DUTY),
    ],
)
def test_modalities(text: str, modality: Modality) -> None:
    [found] = obligations(text)
    assert (found.actors, found.modality) == (("ESME",), modality)


def test_a_sentence_of_several_obligations_keeps_its_actor_and_lead() -> None:
    first, second, third = obligations(
        "Where the installation is Gas First, the Communications Hub shall be mounted on a Hot Shoe; "
        "a firmware upgrade of GSME shall not interrupt that power, but it may restart."
    )
    assert [each.actors for each in (first, second, third)] == [("Communications Hub",)] * 3
    assert [each.modality for each in (first, second, third)] == [
        Modality.OBLIGATION,
        Modality.PROHIBITION,
        Modality.PERMISSION,
    ]
    assert second.action == "a firmware upgrade of GSME interrupt that power"
    assert third.conditions == ("Where the installation is Gas First",)


def test_exceptions_and_conditions_are_set_apart() -> None:
    [found] = obligations(
        "ESME shall keep the hub powered during a firmware upgrade except while its Load Switch is open."
    )
    assert found.action == "keep the hub powered during a firmware upgrade"
    assert found.conditions == ("during a firmware upgrade",)
    assert found.exceptions == ("except while its Load Switch is open",)


def test_actors_as_written_joined_and_left_out() -> None:
    [both] = obligations("GSME and ESME shall each keep a log.")
    [less] = obligations("ESME (other than Polyphase ESME) shall keep a log.")
    assert both.actors == ("GSME", "ESME")
    assert (less.actors, less.except_actors) == (("ESME",), ("Polyphase ESME",))


def test_a_modal_inside_the_action_is_not_a_new_obligation() -> None:
    [found] = obligations(
        "GSME shall have a button with which the Consumer can confirm that the valve may be opened."
    )
    assert found.modality is Modality.OBLIGATION


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Power to the Communications Hub shall be maintained.", "passive"),
        ("It shall keep the Communications Hub powered.", "refers to nothing"),
        ("A restart of ESME shall not cut the power.", "a thing"),
        ("Shall keep the Communications Hub powered.", "no subject"),
    ],
)
def test_sentences_it_cannot_read_say_why(text: str, reason: str) -> None:
    [found] = read_sentence(text, ACTORS)
    assert isinstance(found, Unreadable) and reason in found.reason


def test_does_not_apply_to_names_the_clause_and_the_actors() -> None:
    assert read_sentence("Clause 5.5.3 does not apply to Polyphase ESME.", ACTORS) == [
        NotApplying("5.5.3", ("Polyphase ESME",))
    ]


HUB = Row("hub", "Communications Hub", ("CHTS",), ("Communications Hub",))
POLY = Row("poly", "Polyphase ESME", ("SMETS2",), ("Polyphase ESME",))
# A bare "ESME" binds this row; its family holds Polyphase ESME too, which a reference can reach.
ESME = Row("esme", "ESME", ("SMETS2",), ("ESME",))
RESTART = Column("restart", "Restart", ("restart",))
MATRIX = CoverageMatrix("test", "Test", (HUB, ESME, POLY), (RESTART,))


def test_references_are_followed_across_specs_and_loops_end() -> None:
    meters = smets(
        "# 5 ESME\n5.1 ESME shall keep the Communications Hub powered while it restarts.\n"
        "5.2 Polyphase ESME shall meet clause 5.3.\n5.3 Polyphase ESME shall meet clause 5.2.\n"
    )
    hub = chts("# 4 Hub\n4.1 Communications Hub shall meet clause 5.1 of SMETS2.\n")
    corpus = Corpus((meters, hub))
    assessor = Assessor(MATRIX, corpus=corpus)
    assert assess(meters, MATRIX, assessor=assessor).cell("poly", "restart").status is Status.GAP
    # The hub is no ESME: a meter's clause binds it to nothing.
    assert assess(hub, MATRIX, assessor=assessor).cell("hub", "restart").status is Status.GAP
    loop = smets(
        "# 5 ESME\n5.2 Polyphase ESME shall meet clause 5.3.\n5.3 Polyphase ESME shall meet clause 5.1.\n"
        "5.1 ESME shall keep the Communications Hub powered while it restarts.\n"
    )
    cell = assess(loop, MATRIX, assessor=Assessor(MATRIX)).cell("poly", "restart")
    assert (cell.status, cell.clauses, cell.evidence[0].via) == (
        Status.COVERED,
        ("5.2", "5.3"),
        ("5.3", "5.1"),
    )


def test_a_section_named_again_after_a_loop_gives_what_its_clauses_inherited() -> None:
    # 5.1 names its own section: while 5.1 is read it gives only its own words; once read, 6.1 gets
    # what 5.1 inherits from 5.2 too, by the path through 5.1, as the first such obligation.
    spec = smets(
        "# 5 ESME\n5.1 Polyphase ESME shall meet Section 5.\n"
        "5.2 ESME shall keep the Communications Hub powered while it restarts.\n"
        "# 6 Other\n6.1 Polyphase ESME shall comply with Section 5.\n"
    )
    explained = explain(spec, MATRIX, POLY, RESTART, assessor=Assessor(MATRIX))
    paths = [(each.clause, each.via) for each in explained.decisions if each.verdict is Verdict.COVERS]
    assert paths == [("5.1", ("5.2",)), ("6.1", ("5.1", "5.2"))]


def test_a_clause_of_another_spec_is_inherited() -> None:
    hub = chts("# 4 Hub\n4.1 Communications Hub shall keep its Alerts while it restarts.\n")
    matrix = CoverageMatrix(
        "test", "Test", (Row("hub", "Hub", ("SMETS2",), ("Communications Hub",)),), (RESTART,)
    )
    meters = smets("# 5 Hub in SMETS2\n5.1 Communications Hub shall meet clause 4.1 of the CHTS.\n")
    cell = assess(meters, matrix, assessor=Assessor(matrix, corpus=Corpus((meters, hub)))).cell(
        "hub", "restart"
    )
    assert (cell.status, cell.evidence[0].via) == (Status.COVERED, ("CHTS@1.5 4.1",))


def test_a_loop_of_references_across_specs_ends() -> None:
    # Each spec's clause names the other's: the loop ends as one within a spec does, with what the
    # clause met again says itself (it ran until Python's recursion limit before).
    meters = smets("# 5 ESME\n5.1 Polyphase ESME shall meet clause 4.1 of the CHTS.\n")
    hub = chts(
        "# 4 Hub\n4.1 Polyphase ESME shall meet clause 5.1 of SMETS2 and keep the Communications Hub "
        "powered while it restarts.\n"
    )
    assessor = Assessor(MATRIX, corpus=Corpus((meters, hub)))
    cell = assess(meters, MATRIX, assessor=assessor).cell("poly", "restart")
    assert (cell.status, cell.clauses, cell.evidence[0].via) == (Status.COVERED, ("5.1",), ("CHTS@1.5 4.1",))
    # The hub is only named: the obligation is Polyphase ESME's.
    assert assess(hub, MATRIX, assessor=assessor).cell("hub", "restart").status is Status.MENTIONED
    explained = explain(meters, MATRIX, POLY, RESTART, assessor=assessor)
    covering = [(each.clause, each.via) for each in explained.decisions if each.verdict is Verdict.COVERS]
    assert (explained.cell.status, covering) == (Status.COVERED, [("5.1", ("CHTS@1.5 4.1",))])


def test_an_explanation_s_cell_is_the_report_s_for_an_unreadable_sentence_off_the_subject() -> None:
    # A clause silent on the subject decides nothing and mentions nothing: its unreadable sentence
    # ("a restart ... shall be logged" has no actor) made --explain say "mentioned only" where the
    # report and the rules said "gap".
    matrix = CoverageMatrix("test", "Test", (ESME,), (RESTART,), subject=("power*",))
    spec = smets(
        "# 5 ESME\n5.1 A restart of ESME shall be logged.\n"
        "5.2 ESME shall keep the Communications Hub powered.\n"
    )
    cell = assess(spec, matrix, assessor=Assessor(matrix)).cell("esme", "restart")
    explained = explain(spec, matrix, ESME, RESTART, assessor=Assessor(matrix))
    assert (cell.status, explained.cell) == (Status.GAP, cell)
    # On the subject, it is reported by both.
    powered = smets("# 5 ESME\n5.1 A restart of ESME without power shall be logged.\n")
    cell = assess(powered, matrix, assessor=Assessor(matrix)).cell("esme", "restart")
    explained = explain(powered, matrix, ESME, RESTART, assessor=Assessor(matrix))
    assert (cell.status, explained.cell, explained.decisions[0].verdict) == (
        Status.MENTIONED,
        cell,
        Verdict.UNREADABLE,
    )
