"""Issue 18, defect 4: `mirror` carries "the 2nd occurrence of" over by the words around it, not as
the same ordinal, and never into a longer defined term."""

from __future__ import annotations

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText, Occurrence, Which
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from tests.amend.helpers import amendment

HEADER = """\
---
spec: SMETS2
version: {version}
title: Smart Metering Equipment Technical Specifications
---
# 2 Glossary
"Event Log" means the record of Events that ESME keeps.
# 5 ESME
## 5.4 Events
5.4.1 ESME shall keep the time in UTC.
"""
OLD = HEADER.format(version="4.2") + (
    "5.4.2 ESME shall record an Event and shall send an Alert when an Event occurs, within a second.\n"
)
# 5.0 names "Event" once more before, and once inside the defined term "Event Log".
NEW = HEADER.format(version="5.0") + (
    "5.4.2 ESME shall note each Event in its Event Log, shall record an Event and shall send an Alert\n"
    "  when an Event occurs, within a second.\n"
)


def pair() -> tuple[Spec, Spec]:
    return parse_spec(OLD, "old.spec"), parse_spec(NEW, "new.spec")


def mirrored_edit(instruction: str) -> tuple[EditText, tuple[str, ...]]:
    old, new = pair()
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    (entry,) = mirror_amendment(draft, old, new).entries
    assert entry.proposed is not None and isinstance(entry.proposed.operation, EditText)
    return entry.proposed.operation, entry.notes


def test_an_ordinal_is_carried_to_the_occurrence_with_the_same_words_around_it() -> None:
    edit, notes = mirrored_edit(
        'In clause 5.4.2, for the 2nd occurrence of "Event" substitute "Event of that kind".'
    )
    assert edit.occurrence == Occurrence(Which.NTH, 3)
    assert notes == ('"the 2nd occurrence of" becomes "the 3rd occurrence of" here, by the words around it',)
    _, new = pair()
    target = amendment(
        'Amendments to SMETS2 5.0\n\n1. In clause 5.4.2, for the 3rd occurrence of "Event" substitute '
        '"Event of that kind".\n',
        specs="SMETS2 5.0",
    )
    clause = apply_target(target, "SMETS2@5.0", new).spec.clause("5.4.2")
    assert clause is not None
    assert "when an Event of that kind occurs" in " ".join(clause.text.value.split())


def test_an_occurrence_that_stands_alike_keeps_its_ordinal_and_gets_no_note() -> None:
    edit, notes = mirrored_edit(
        'In clause 5.4.2, for the last occurrence of "Event" substitute "Event of that kind".'
    )
    assert edit.occurrence == Occurrence(Which.LAST)
    assert notes == ()


def test_the_first_occurrence_is_found_again_as_the_second_here() -> None:
    edit, _ = mirrored_edit('In clause 5.4.2, after the 1st occurrence of "Event" insert "of any kind".')
    assert edit.occurrence == Occurrence(Which.NTH, 2)
