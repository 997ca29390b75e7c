"""Issue 18, leftover 1: `mirror` carries a sub-item or a table row to the other version by its words,
so where that version letters the item or names the row differently the proposal names its own
letter or row (and says so); where nothing there says the same, it refuses with a note."""

from __future__ import annotations

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText, Instruction, ItemEdit, RowEdit
from spectool.model.document import Spec, Table
from spectool.parsing import parse_spec
from tests.amend.helpers import amendment

OLD = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 5 ESME
## 5.4 Supply Outage detection
5.4.1 ESME shall monitor the voltage on every phase.
5.4.2 ESME shall open its Load Switch:
  (a) on a valid command from a User; and
  (b) when the Meter Balance is exhausted.
5.4.3 ESME shall record each Event listed in the table below.
Table: Events
| Code | Event | Alert |
| --- | --- | --- |
| E01 | cover removed | yes |
| E02 | battery low | no |
End Table
"""

# 5.0 puts a new (a) first, so the old (a) and (b) are (b) and (c); its codes moved on by one.
NEW = """\
---
spec: SMETS2
version: 5.0
title: Smart Metering Equipment Technical Specifications
---
# 5 ESME
## 5.4 Supply Outage detection
5.4.1 ESME shall monitor the voltage on every phase.
5.4.2 ESME shall open its Load Switch:
  (a) when it detects excess current;
  (b) on a valid command from a User; and
  (c) when the Meter Balance is exhausted.
5.4.3 ESME shall record each Event listed in the table below.
Table: Events
| Code | Event | Alert |
| --- | --- | --- |
| E00 | clock fault | yes |
| E02 | cover removed | yes |
| E03 | battery low | no |
End Table
"""

HEAD = "Amendments to SMETS2 4.2\n\n"


def specs() -> tuple[Spec, Spec]:
    return parse_spec(OLD, "old.spec"), parse_spec(NEW, "new.spec")


def proposals(body: str) -> tuple[list[Instruction | None], list[str]]:
    old, new = specs()
    mirror = mirror_amendment(amendment(HEAD + body), old, new)
    return [entry.proposed for entry in mirror.entries], [note for _, note in mirror.notes]


def test_a_text_edit_in_a_sub_item_goes_to_the_item_with_the_same_words() -> None:
    (proposed,), notes = proposals('1. In clause 5.4.2(a), for "a User" substitute "an Authorised User".\n')
    assert proposed is not None and isinstance(proposed.operation, EditText)
    assert proposed.operation.place.items == ("b",)
    assert notes == ["clause 5.4.2(a) is clause 5.4.2(b) in SMETS2@5.0, by its words"]
    old, new = specs()
    mirror = mirror_amendment(
        amendment(HEAD + '1. In clause 5.4.2(a), for "a User" substitute "an Authorised User".\n'), old, new
    )
    assert "// SMETS2@4.2 instruction 1: clause 5.4.2(a) is clause 5.4.2(b)" in mirror.render()
    assert "1. In clause 5.4.2(b), for" in mirror.render()


def test_an_omitted_or_substituted_item_is_its_counterpart_and_keeps_its_letter_there() -> None:
    (omitted,), _ = proposals("1. Omit clause 5.4.2(b).\n")
    assert omitted is not None and isinstance(omitted.operation, ItemEdit)
    assert omitted.operation.items == ("c",)
    (substituted,), _ = proposals(
        "1. For clause 5.4.2(b) substitute:\n"
        "      (b) when the Meter Balance and emergency credit are exhausted.\n"
    )
    assert substituted is not None and isinstance(substituted.operation, ItemEdit)
    assert substituted.operation.items == ("c",)
    assert [item.label for item in substituted.operation.new] == ["c"]


def test_an_inserted_item_grows_from_the_counterpart_s_letter_and_applies_there() -> None:
    body = "1. After clause 5.4.2(a) insert:\n      (aa) on a valid command from the Supplier; and\n"
    (inserted,), notes = proposals(body)
    assert inserted is not None and isinstance(inserted.operation, ItemEdit)
    assert inserted.operation.items == ("b",)
    assert [item.label for item in inserted.operation.new] == ["ba"]
    assert "new sub-items (aa) as (ba)" in notes
    old, new = specs()
    mirror = mirror_amendment(amendment(HEAD + body), old, new)
    applied = apply_target(amendment(mirror.render(), "SMETS2 5.0"), "SMETS2@5.0", new)
    clause = applied.spec.clause("5.4.2")
    assert clause is not None
    assert [item.label for item in clause.items] == ["a", "b", "ba", "c"]


def test_a_row_goes_to_the_row_with_the_same_cells() -> None:
    (edited,), notes = proposals(
        "1. In the table in clause 5.4.3, in the row for E01, "
        'for "cover removed" substitute "cover opened".\n'
    )
    assert edited is not None and edited.subject == "the table in clause 5.4.3, in the row for E02"
    assert notes == ["the row for E01 in clause 5.4.3 is the row for E02 in SMETS2@5.0, by its cells"]
    (omitted,), _ = proposals("1. In the table in clause 5.4.3, omit the row for E02.\n")
    assert omitted is not None and isinstance(omitted.operation, RowEdit)
    assert omitted.operation.row == "E03"
    _, new = specs()
    mirror = mirror_amendment(
        amendment(HEAD + "1. In the table in clause 5.4.3, omit the row for E02.\n"), *specs()
    )
    applied = apply_target(amendment(mirror.render(), "SMETS2 5.0"), "SMETS2@5.0", new)
    clause = applied.spec.clause("5.4.3")
    assert clause is not None and isinstance(clause.attachments[0], Table)
    assert [row[0] for row in clause.attachments[0].rows] == ["E00", "E02"]


def test_a_row_or_item_nothing_there_resembles_is_refused_with_a_note() -> None:
    old, new = specs()
    new = parse_spec(NEW.replace("| E03 | battery low | no |", "| E03 | valve jammed | yes |"), "new.spec")
    mirror = mirror_amendment(
        amendment(HEAD + "1. In the table in clause 5.4.3, omit the row for E02.\n"), old, new
    )
    assert [entry.proposed for entry in mirror.entries] == [None]
    assert [note for _, note in mirror.notes] == [
        "the row for E02 in clause 5.4.3 has no counterpart in the table in SMETS2@5.0 clause 5.4.3: "
        "not mirrored"
    ]
    new = parse_spec(
        NEW.replace("when the Meter Balance is exhausted", "at the Supplier's request"), "new.spec"
    )
    mirror = mirror_amendment(amendment(HEAD + "1. Omit clause 5.4.2(b).\n"), old, new)
    assert [entry.proposed for entry in mirror.entries] == [None]
    assert [note for _, note in mirror.notes] == [
        "clause 5.4.2(b) has no counterpart among the sub-items of SMETS2@5.0 clause 5.4.2: not mirrored"
    ]


def test_where_the_letters_agree_nothing_is_noted() -> None:
    old, _ = specs()
    mirror = mirror_amendment(amendment(HEAD + "1. Omit clause 5.4.2(b).\n"), old, old)
    assert mirror.notes == []
    (entry,) = mirror.entries
    assert entry.proposed is not None and entry.proposed.operation == entry.source.operation


def test_a_row_or_item_an_earlier_instruction_inserted_is_carried_as_that_instruction_left_it() -> None:
    """Found drafting: a later instruction on a row or sub-item the amendment itself inserted was not
    mirrored ("no counterpart"), since the counterpart was looked for in the unamended text."""
    body = HEAD + (
        "1. In the table in clause 5.4.3, after the row for E02 insert the following row:\n"
        "    | E04 | clock fault | yes |\n\n"
        "2. In the table in clause 5.4.3, in the row for E04, "
        'for "clock fault" substitute "clock adjusted".\n\n'
        "3. After clause 5.4.2(a) insert:\n      (aa) on a valid command from the Supplier; and\n\n"
        '4. In clause 5.4.2(aa), for "the Supplier" substitute "a Supplier".\n'
    )
    old, new = specs()
    mirror = mirror_amendment(amendment(body), old, new)
    assert [note for _, note in mirror.notes] == [
        "the row for E02 in clause 5.4.3 is the row for E03 in SMETS2@5.0, by its cells",
        "clause 5.4.2(a) is clause 5.4.2(b) in SMETS2@5.0, by its words",
        "new sub-items (aa) as (ba)",
        "clause 5.4.2(aa) is clause 5.4.2(ba) in SMETS2@5.0, by its words",
    ]
    applied = apply_target(amendment(mirror.render(), "SMETS2 5.0"), "SMETS2@5.0", new).spec
    clause = applied.clause("5.4.3")
    assert clause is not None and isinstance(clause.attachments[0], Table)
    assert clause.attachments[0].rows[-1] == ("E04", "clock adjusted", "yes")
    items = applied.clause("5.4.2")
    assert items is not None
    assert [(item.label, item.text.flat) for item in items.items][2] == (
        "ba",
        "on a valid command from a Supplier; and",
    )
