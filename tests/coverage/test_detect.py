"""How a clause covers a cell (own text, sub-item, headings, definitions used) and the near misses."""

from __future__ import annotations

from dataclasses import replace

from spectool.coverage.assess import Status, assess, explain
from spectool.coverage.detect import Decision, Verdict
from spectool.coverage.matrix import Row
from spectool.coverage.passages import Source
from spectool.coverage.reasons import decision_reason
from tests.coverage.helpers import ESME, FIRMWARE, MATRIX, THREE_PHASE, smets


def decision_of(body: str, clause: str, row: Row = ESME) -> Decision:
    explanation = explain(smets(body), MATRIX, row, FIRMWARE)
    found = [decision for decision in explanation.decisions if decision.clause == clause]
    assert found, f"clause {clause} was not considered"
    return found[0]


def covering(body: str, row: Row = ESME) -> tuple[str, ...]:
    cell = assess(smets(body), MATRIX).cell(row.key, FIRMWARE.key)
    return cell.clauses


def test_own_text_covers() -> None:
    body = "# 5 Meters\n5.1 ESME shall keep the hub powered during a firmware upgrade.\n"
    assert covering(body) == ("5.1",)
    decision = decision_of(body, "5.1")
    assert decision.verdict is Verdict.COVERS
    assert {hit.source for hit in (*decision.row_hits, *decision.column_hits)} == {Source.TEXT}


def test_sub_item_covers() -> None:
    body = (
        "# 5 Meters\n5.1 ESME shall keep the hub powered:\n  (a) during a firmware upgrade; and\n"
        "  (b) while its Load Switch is open.\n"
    )
    assert covering(body) == ("5.1",)
    column_hits = decision_of(body, "5.1").column_hits
    assert [(hit.source, hit.where, hit.line) for hit in column_hits] == [
        (Source.SUB_ITEM, "sub-item (a)", 8)
    ]


def test_section_heading_covers() -> None:
    body = "# 5 Meters\n## 5.4 Firmware upgrade\n5.4.1 ESME shall keep the hub powered.\n"
    assert covering(body) == ("5.4.1",)
    hit = decision_of(body, "5.4.1").column_hits[0]
    assert (hit.source, hit.where, hit.line) == (Source.HEADING, "heading 5.4 Firmware upgrade", 7)


def test_heading_above_the_section_counts() -> None:
    body = (
        "# 5 Three-phase metering\n## 5.4 Firmware\n### 5.4.2 Activation\n"
        "5.4.2.1 The meter shall keep the hub powered through a firmware upgrade.\n"
    )
    assert covering(body, THREE_PHASE) == ("5.4.2.1",)
    hit = decision_of(body, "5.4.2.1", THREE_PHASE).row_hits[0]
    assert (hit.source, hit.where) == (Source.HEADING, "heading 5 Three-phase metering")


def test_definition_used_covers() -> None:
    body = (
        '# 2 Glossary\n"Polyphase ESME" means ESME that measures a three-phase\n  Supply.\n'
        "# 5 Meters\n5.1 Polyphase ESME shall keep the hub powered during a firmware upgrade.\n"
    )
    assert covering(body, THREE_PHASE) == ("5.1",)
    hit = decision_of(body, "5.1", THREE_PHASE).row_hits[0]
    assert (hit.source, hit.where, hit.found) == (
        Source.DEFINITION,
        'definition of "Polyphase ESME"',
        "three-phase",
    )


def test_matching_ignores_case_and_line_breaks_but_not_word_boundaries() -> None:
    across = "# 5 Meters\n5.1 ESME shall keep the hub powered during a Firmware\n  UPGRADE.\n"
    assert covering(across) == ("5.1",)
    inside = "# 5 Meters\n5.1 ESME shall keep the hub powered during a firmware upgrades campaign.\n"
    assert covering(inside) == ()


def test_near_miss_row_without_column() -> None:
    body = "# 5 Meters\n5.1 ESME shall keep the hub powered in all operating conditions.\n"
    assert covering(body) == ()
    decision = decision_of(body, "5.1")
    assert decision.verdict is Verdict.ROW_ONLY
    assert decision_reason(decision, MATRIX).startswith('the row without the column: row "ESME" in its text')


def test_near_miss_column_only_in_an_informative_note() -> None:
    body = (
        "# 5 Meters\n5.1 ESME shall keep the hub powered in all operating conditions.\n"
        "Note: this includes a firmware upgrade.\n"
    )
    assert covering(body) == ()
    decision = decision_of(body, "5.1")
    assert decision.verdict is Verdict.ROW_ONLY
    assert [(hit.source, hit.found) for hit in decision.note_hits] == [(Source.NOTE, "firmware upgrade")]
    assert "is in an informative note" in decision_reason(decision, MATRIX)


def test_near_miss_clause_without_shall() -> None:
    body = "# 5 Meters\n5.1 ESME keeps the hub powered during a firmware upgrade.\n"
    assert covering(body) == ()
    decision = decision_of(body, "5.1")
    assert decision.verdict is Verdict.NOT_REQUIREMENT
    assert 'no "shall"' in decision_reason(decision, MATRIX)


def test_near_miss_off_the_matrix_subject() -> None:
    matrix = replace(MATRIX, subject=("power*",))
    spec = smets("# 5 Meters\n5.1 ESME shall keep its registers through a firmware upgrade.\n")
    assert assess(spec, matrix).cell("esme", "firmware").status is Status.GAP
    decision = explain(spec, matrix, ESME, FIRMWARE).decisions[0]
    assert decision.verdict is Verdict.OFF_SUBJECT
    assert '"power*"' in decision_reason(decision, matrix)
    powered = smets("# 5 Meters\n5.1 ESME shall stay powered through a firmware upgrade.\n")
    assert assess(powered, matrix).cell("esme", "firmware").clauses == ("5.1",)


def test_longer_row_term_wins_over_the_shorter_inside_it() -> None:
    polyphase = Row("polyphase", "Polyphase", ("SMETS2",), ("Polyphase ESME",))
    matrix = replace(MATRIX, rows=(ESME, polyphase))
    spec = smets("# 5 Meters\n5.1 Polyphase ESME shall keep the hub powered during a firmware upgrade.\n")
    coverage = assess(spec, matrix)
    assert coverage.cell("polyphase", "firmware").clauses == ("5.1",)
    assert coverage.cell("esme", "firmware").status is Status.GAP


def test_definition_does_not_widen_a_clause_to_the_general_row() -> None:
    polyphase = Row("polyphase", "Polyphase", ("SMETS2",), ("Polyphase ESME",))
    matrix = replace(MATRIX, rows=(ESME, polyphase))
    spec = smets(
        '# 2 Glossary\n"Power Outage Event" means the Event that ESME records.\n'
        "# 5 Meters\n5.1 Polyphase ESME shall record a Power Outage Event after a firmware upgrade.\n"
    )
    assert assess(spec, matrix).cell("esme", "firmware").status is Status.GAP
    decision = explain(spec, matrix, ESME, FIRMWARE).decisions[0]
    assert decision.verdict is Verdict.COLUMN_ONLY
    assert [(item.hit.found, item.because.found) for item in decision.set_aside] == [
        ("ESME", "Polyphase ESME")
    ]
    assert 'the clause itself says "Polyphase ESME"' in decision_reason(decision, matrix)


def test_defined_terms_are_matched_with_their_capitals() -> None:
    spec = smets(
        '# 2 Glossary\n"Supply" means electricity delivered through three phases.\n'
        "# 5 Meters\n5.1 The meter shall supply power during a firmware upgrade.\n"
    )
    assert assess(spec, MATRIX).cell("three-phase", "firmware").status is Status.GAP


def test_not_applicable_cell_keeps_its_reason() -> None:
    from tests.coverage.helpers import chts

    coverage = assess(chts("# 4 Hub\n4.1 Communications Hub shall restart.\n"), MATRIX)
    cell = coverage.cell("hub", "reboot")
    assert (cell.status, cell.reason, cell.clauses) == (
        Status.NOT_APPLICABLE,
        "the hub does not reboot in these tests",
        (),
    )


def test_a_spec_fills_only_the_rows_it_is_responsible_for() -> None:
    coverage = assess(smets("# 5 Meters\n5.1 ESME shall restart.\n"), MATRIX)
    assert [row.key for row in coverage.rows] == ["esme", "three-phase"]
    assert coverage.cell("esme", "reboot").clauses == ("5.1",)
