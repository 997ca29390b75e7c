"""Reading amendments: the change request, targets, every instruction form, and the writer round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.model import (
    EditText,
    InsertClauses,
    InsertDefinition,
    Occurrence,
    OmitClause,
    OmitDefinition,
    Place,
    Spot,
    SubstituteClause,
    SubstituteDefinition,
    TextEditKind,
    Which,
)
from spectool.amend.reader import parse_amendment, parse_specs_affected, read_amendment
from spectool.amend.writer import render_amendment
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import AMENDMENTS, amendment

EVERY_FORM = """\
Amendments to SMETS2 4.2, 5.0

1. In clause 5.4.3, for "firmware update" substitute "firmware upgrade".
2. In clause 5.4.3, for the 2nd occurrence of "spurious" substitute "genuine".
3. In clause 5.4.3(b), after "during a" insert "scheduled".
4. In clause 5.4.3, before every occurrence of "Power" insert "AD1".
5. In clause 5.4.3, omit the last occurrence of "spurious".
6. In clause 5.4.3, omit the first occurrence of "spurious".
7. In the definition of "Supply Outage", for "a period" substitute "any period".
8. After clause 5.4.4 insert:
    5.4.5 ESME shall keep the Communications Hub powered:
      (a) in normal operation; and
        (i) during a restart.
    Note: see clause 5.4.4.
    5.4.6 ESME shall record each restart.
   and renumber the following clauses.
9. Omit clause 5.4.1.
10. Omit clause 5.4.2 and leave "Not used.".
11. Omit clause 5.4.2 and renumber the following clauses.
12. Substitute clause 5.4.4 with:
    5.4.4 ESME shall keep its Event Log through a Supply Outage of any length.
13. In the Glossary, insert the definition:
    "Hot Shoe" means a cradle that holds the Communications Hub.
14. Omit the definition of "Polyphase ESME".
15. Substitute the definition of "Supply Outage" with:
    "Supply Outage" means a period during which no phase has voltage.
16. In clause 5.4.3, for \u201cthe "spurious" word\u201d substitute "it".
17. In clause 5.4.3, for "a restart or a
      spurious reset" substitute "a
   restart".

Amendments to CHTS 1.5

1. In clause 4.4.2, after "3 minutes" insert ", and not before".
"""


def test_the_change_request_and_targets() -> None:
    read = read_amendment(AMENDMENTS / "MP102A.amend")
    assert (read.id, read.title) == ("MP102A", "Power Outage Alerts triggered by an OTA firmware upgrade")
    assert read.author.startswith("spectool worked example")
    assert read.date == "2021-03-01"
    assert read.reason.startswith("When ESME activates a Firmware Image received over the air")
    assert read.summary.endswith("SMETS2 4.2 and 5.0 are amended alike.")
    assert read.consequences.startswith("Devices built to the current text")
    assert read.specs_affected == "SMETS2 4.2, 5.0; CHTS 1.5"
    assert "CHTS 1.5: 4.3.3, new 4.4.3" in read.clauses_affected
    assert [target.label for target in read.targets] == ["SMETS2 4.2", "SMETS2 5.0", "CHTS 1.5"]
    assert read.keys == ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]
    assert [len(target.instructions) for target in read.targets] == [6, 4, 3]
    assert read.path.endswith("MP102A.amend")


def test_every_instruction_form() -> None:
    read = amendment(EVERY_FORM, "SMETS2 4.2, 5.0; CHTS 1.5")
    (smets, chts) = read.targets
    assert smets.versions == ("4.2", "5.0") and chts.keys == ("CHTS@1.5",)
    ops = [instruction.operation for instruction in smets.instructions]
    clause = ClauseNumber.parse("5.4.3")
    assert ops[0] == EditText(Place(clause), TextEditKind.SUBSTITUTE, "firmware update", "firmware upgrade")
    assert ops[1] == EditText(
        Place(clause), TextEditKind.SUBSTITUTE, "spurious", "genuine", Occurrence(Which.NTH, 2)
    )
    assert ops[2] == EditText(Place(clause, ("b",)), TextEditKind.INSERT_AFTER, "during a", "scheduled")
    assert ops[3] == EditText(
        Place(clause), TextEditKind.INSERT_BEFORE, "Power", "AD1", Occurrence(Which.EVERY)
    )
    assert ops[4] == EditText(Place(clause), TextEditKind.OMIT, "spurious", "", Occurrence(Which.LAST))
    assert ops[5].occurrence == Occurrence(Which.NTH, 1)  # type: ignore[union-attr]
    assert ops[6] == EditText(Place(term="Supply Outage"), TextEditKind.SUBSTITUTE, "a period", "any period")
    insert = ops[7]
    assert isinstance(insert, InsertClauses) and insert.renumber
    assert insert.after == ClauseNumber.parse("5.4.4")
    assert [str(c.number) for c in insert.clauses] == ["5.4.5", "5.4.6"]
    assert insert.clauses[0].items[0].items[0].text.value == "during a restart."
    assert insert.clauses[0].notes[0].text.value == "see clause 5.4.4."
    assert ops[8] == OmitClause(ClauseNumber.parse("5.4.1"))
    assert ops[9] == OmitClause(ClauseNumber.parse("5.4.2"), leave="Not used.")
    assert ops[10] == OmitClause(ClauseNumber.parse("5.4.2"), renumber=True)
    assert isinstance(ops[11], SubstituteClause) and ops[11].clause.text.value.endswith("of any length.")
    assert isinstance(ops[12], InsertDefinition) and ops[12].definition.term == "Hot Shoe"
    assert ops[13] == OmitDefinition("Polyphase ESME")
    assert isinstance(ops[14], SubstituteDefinition) and ops[14].term == "Supply Outage"
    assert ops[15] == EditText(Place(clause), TextEditKind.SUBSTITUTE, 'the "spurious" word', "it")
    # Quoted words may wrap: the break and the indent around it read as one space.
    assert ops[16] == EditText(
        Place(clause), TextEditKind.SUBSTITUTE, "a restart or a spurious reset", "a restart"
    )


def test_where_each_part_of_an_instruction_stands() -> None:
    read = amendment(EVERY_FORM, "SMETS2 4.2, 5.0; CHTS 1.5")
    first, second = read.targets[0].instructions[:2]
    assert first.at == Spot(13, 1, 2)
    assert first.clause_at == Spot(13, 14, 5)
    assert first.anchor_at == Spot(13, 25, 17)
    assert first.text_at == Spot(13, 54, 18)
    assert second.anchor_at.column == 47
    insert = read.targets[0].instructions[7]
    assert insert.body == (21, 25)
    # New text is parsed where it stands: its clause is on the .amend file's line.
    assert insert.operation.clauses[0].position.line == 21  # type: ignore[union-attr]
    assert read.targets[0].at == Spot(11, 15, 6)


def test_comments_and_blank_lines_are_ignored() -> None:
    text = (
        "// MP102A as redrafted\n\n"
        + "Modification MP102A: Title\nChange request\nAuthor: A\nDate: D\nReason for change: R\n"
        + "Summary of change: S\nConsequences if not approved: C\nSpecs affected: CHTS 1.5\n"
        + "Clauses affected: 4.4.2\n// a note for the drafter\n\nAmendments to CHTS 1.5\n\n"
        + '1. In clause 4.4.2, omit "x".\n// between instructions\n\n2. Omit clause 4.4.3.\n'
    )
    read = parse_amendment(text)
    assert [i.number for i in read.targets[0].instructions] == [1, 2]
    assert read.targets[0].instructions[1].line == 19


@pytest.mark.parametrize("name", ["MP102A.amend", "MP102A-consultation.amend"])
def test_the_writer_gives_back_the_bundled_amendments_byte_for_byte(name: str) -> None:
    path = AMENDMENTS / name
    assert render_amendment(read_amendment(path)) == path.read_text(encoding="utf-8")


def test_every_form_survives_writing_and_reading_again() -> None:
    read = amendment(EVERY_FORM, "SMETS2 4.2, 5.0; CHTS 1.5")
    written = render_amendment(read)
    again = parse_amendment(written)
    assert again == read
    assert render_amendment(again) == written


def test_the_writer_wraps_long_sentences_and_reads_them_back(tmp_path: Path) -> None:
    long = "x " * 80
    read = amendment(
        f'Amendments to SMETS2 4.2\n\n1. In clause 5.4.3, for "{long.strip()}" substitute "y".\n'
    )
    written = render_amendment(read)
    assert all(len(line) <= 100 for line in written.splitlines())
    assert parse_amendment(written) == read


def test_specs_affected_lists_spec_versions() -> None:
    assert parse_specs_affected("SMETS2 4.2, 5.0; CHTS 1.5") == ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]
    assert parse_specs_affected("SMETS2 v4.2 and v5.0") == ["SMETS2@4.2", "SMETS2@5.0"]


WITH_REASONS = """\
Amendments to SMETS2 4.2

1. In clause 5.4.3, for "firmware update" substitute "firmware upgrade".
   Reason: SMETS2 says "firmware upgrade" everywhere else.
2. After clause 5.4.4 insert:
    5.4.5 ESME shall record each restart.
   and renumber the following clauses.
   Reason: a network operator needs to tell a restart from a Supply Outage, and the Event Log is
   where it looks; so the restart is recorded there.
3. Omit clause 5.4.1.
4. Substitute clause 5.4.4 with:
    5.4.4 ESME shall keep its Event Log through a Supply Outage of any length.
   Reason: the Event Log is lost today.
"""


def test_an_instruction_may_give_its_reason() -> None:
    read = amendment(WITH_REASONS)
    first, insert, omit, substitute = read.targets[0].instructions
    assert first.reason == 'SMETS2 says "firmware upgrade" everywhere else.'
    assert isinstance(insert.operation, InsertClauses) and insert.operation.renumber
    # A reason carries on on indented lines, read as one space.
    assert insert.reason.startswith("a network operator needs to tell a restart from a Supply Outage, and")
    assert insert.reason.endswith("the Event Log is where it looks; so the restart is recorded there.")
    assert omit.reason == ""
    assert (
        isinstance(substitute.operation, SubstituteClause)
        and substitute.reason == "the Event Log is lost today."
    )
    # The reason is not new text: the substituted clause holds only its own words.
    assert substitute.operation.clause.text.value.endswith("of any length.")


def test_reasons_survive_writing_and_reading_again() -> None:
    read = amendment(WITH_REASONS)
    written = render_amendment(read)
    assert "   Reason: the Event Log is lost today.\n" in written
    assert all(len(line) <= 100 for line in written.splitlines())
    assert parse_amendment(written) == read
    assert render_amendment(parse_amendment(written)) == written


def test_a_different_reason_makes_a_different_instruction() -> None:
    with_reason = amendment(WITH_REASONS).targets[0].instructions[0]
    without = amendment(
        WITH_REASONS.replace('   Reason: SMETS2 says "firmware upgrade" everywhere else.\n', "")
    )
    assert without.targets[0].instructions[0].reason == ""
    assert without.targets[0].instructions[0] != with_reason
