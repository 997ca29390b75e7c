"""Issue 18, wording to accept: Notes. `In the Note to clause X, for … substitute …`, `After clause X
insert the following Note:`, `Omit the Note to clause X.`, `For the Note to clause X substitute:`, and
the same for the Note that opens a section (`At the start of Section 5.5 insert the following Note:`);
through apply, `--verify`, check, mirror to SMETS2 5.0 and the redline (LibreOffice)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.model import NoteEdit, PartAction
from spectool.amend.notes import opening_note
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.errors import InputError
from spectool.model.document import Note, Spec
from spectool.parsing import parse_spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
# SMETS2 4.2's 5.5.5 (5.0's 5.6.6) has a Note; 5.5.4 (5.0's 5.6.5) has none; neither's 5.5 opens with one.
EDITED = HEAD + '1. In the Note to clause 5.5.5, for "Supply side" substitute "supply side".\n'
INSERTED = HEAD + (
    "1. After clause 5.5.4 insert the following Note:\n"
    "    Note: the Event is recorded even when the Alert cannot be sent at once.\n"
)
OMITTED = HEAD + "1. Omit the Note to clause 5.5.5.\n"
SUBSTITUTED = HEAD + (
    "1. For the Note to clause 5.5.5 substitute:\n"
    "    Note: the Communications Hub Interface is fed from the Load Switch's Supply side.\n"
)
OPENING = HEAD + (
    "1. At the start of Section 5.5 insert the following Note:\n"
    "    Note: this Section applies to every variant of ESME.\n"
)
FORMS = [EDITED, INSERTED, OMITTED, SUBSTITUTED, OPENING]
COUNTERPART = {"5.5.5": "5.6.6", "5.5.4": "5.6.5"}


def notes(spec: Spec, number: str) -> list[str]:
    clause = spec.clause(number)
    assert clause is not None
    return [note.text.flat for note in clause.notes]


def opening(spec: Spec, number: str) -> str | None:
    section = spec.section(number)
    assert section is not None
    at = opening_note(section.blocks)
    note = section.blocks[at] if at is not None else None
    return note.text.flat if isinstance(note, Note) else None


def test_a_note_is_amended_inserted_omitted_and_substituted() -> None:
    edited = apply_target(amendment(EDITED), KEY, smets2()).spec
    assert notes(edited, "5.5.5") == [
        "the Communications Hub Interface is fed from the supply side of the Load Switch."
    ]
    inserted = apply_target(amendment(INSERTED), KEY, smets2()).spec
    assert notes(inserted, "5.5.4") == ["the Event is recorded even when the Alert cannot be sent at once."]
    assert apply_target(amendment(OMITTED), KEY, smets2()).spec.clause("5.5.5").attachments == ()  # type: ignore[union-attr]
    substituted = apply_target(amendment(SUBSTITUTED), KEY, smets2()).spec
    assert notes(substituted, "5.5.5")[0].endswith("fed from the Load Switch's Supply side.")
    # Only the Note is searched: "Load Switch" stands in 5.5.5's own text too.
    note_only = apply_target(
        amendment(HEAD + '1. In the Note to clause 5.5.5, for "Load Switch" substitute "load switch".\n'),
        KEY,
        smets2(),
    ).spec
    assert notes(note_only, "5.5.5")[0].endswith("of the load switch.")
    assert "its Load Switch is open" in note_only.clause("5.5.5").text.flat  # type: ignore[union-attr]


def test_a_note_that_opens_a_section_is_inserted_amended_substituted_and_omitted() -> None:
    inserted = apply_target(amendment(OPENING), KEY, smets2()).spec
    assert opening(inserted, "5.5") == "this Section applies to every variant of ESME."
    assert [c.id for c in inserted.clauses()] == [c.id for c in smets2().clauses()]
    base = parse_spec(
        "---\nspec: SMETS2\nversion: 4.2\ntitle: t\n---\n# 5 ESME\n## 5.5 Interface\n"
        "Note: this Section applies to single element ESME only.\n"
        "5.5.1 ESME shall power the Communications Hub.\n",
        "small.spec",
    )
    edited = apply_target(
        amendment(
            HEAD + '1. In the Note to Section 5.5, for "single element" substitute "every variant of".\n'
        ),
        KEY,
        base,
    ).spec
    assert opening(edited, "5.5") == "this Section applies to every variant of ESME only."
    substituted = apply_target(
        amendment(
            HEAD + "1. For the Note to Section 5.5 substitute:\n    Note: this Section applies to all ESME.\n"
        ),
        KEY,
        base,
    ).spec
    assert opening(substituted, "5.5") == "this Section applies to all ESME."
    omitted = apply_target(amendment(HEAD + "1. Omit the Note to Section 5.5.\n"), KEY, base).spec
    assert opening(omitted, "5.5") is None and [c.id for c in omitted.clauses()] == ["5.5.1"]


@pytest.mark.parametrize("body", FORMS)
def test_each_form_is_written_back_as_read(body: str) -> None:
    draft = amendment(body)
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets


def test_the_note_named_must_be_there_and_only_one() -> None:
    for body, message in [
        ("1. Omit the Note to clause 5.5.4.\n", "it has no Note: 'the Note' names a clause's only Note"),
        (
            "1. After clause 5.5.5 insert the following Note:\n    Note: more.\n",
            "clause 5.5.5 already has a Note: amend or substitute that Note",
        ),
        ("1. Omit the Note to Section 5.5.\n", "Section 5.5 has no Note before its first clause"),
        ('1. In the Note to clause 5.5.5, omit "Interface".\n', '"Interface" does not occur'),
    ]:
        with pytest.raises(InputError) as caught:
            apply_target(amendment(HEAD + body), KEY, smets2())
        assert message in str(caught.value), body
    found = problems_of(HEAD + "1. For the Note to clause 5.5.5 substitute:\n    5.5.5 ESME shall do more.\n")
    assert [p.message for p in found] == ['the new text must be one Note: "Note: words"']


def test_emptying_a_note_suggests_an_instruction_that_applies() -> None:
    with pytest.raises(InputError) as caught:
        apply_target(
            amendment(
                HEAD
                + '1. In clause 5.5.5, omit "the Communications Hub Interface is fed from the Supply side '
                'of the Load Switch.".\n'
            ),
            KEY,
            smets2(),
        )
    assert '("Omit the Note to clause 5.5.5.")' in str(caught.value)
    draft = amendment(OMITTED)
    assert isinstance(draft.targets[0].instructions[0].operation, NoteEdit)
    assert draft.targets[0].instructions[0].operation.action is PartAction.OMIT


def test_verify_catches_an_opening_note_no_instruction_names() -> None:
    draft = amendment(EDITED)
    applied = apply_target(draft, KEY, smets2()).spec
    stray = apply_target(amendment(OPENING), KEY, applied).spec
    assert [p.message for p in verify_scope(draft, KEY, smets2(), stray)] == [
        "SMETS2@4.2 the Note that opens Section 5.5 changed, but no instruction names it"
    ]
    sections = tuple(replace(s, blocks=s.blocks[1:]) if str(s.number) == "5.5" else s for s in stray.sections)
    assert verify_scope(amendment(OPENING), KEY, smets2(), replace(stray, sections=sections)) != []


@pytest.mark.parametrize("body", FORMS)
def test_each_form_checks_clean_and_mirrors_to_5_0(body: str, tmp_path: Path) -> None:
    draft = amendment(body)
    mirrored = mirrored_and_applied(draft, smets2("4.2"), smets2("5.0")).spec
    applied = apply_target(draft, KEY, smets2()).spec
    for old, new in COUNTERPART.items():
        assert notes(mirrored, new) == notes(applied, old)
    assert opening(mirrored, "5.6") == opening(applied, "5.5")
    named = "5.5.4" if "5.5.4" in body else "5.5.5"
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below",
        f"Clauses affected: SMETS2 4.2: {named}; SMETS2 5.0: {COUNTERPART[named]}",
    )
    proposals = body.replace("SMETS2 4.2", "SMETS2 5.0").replace("Section 5.5", "Section 5.6")
    for old, new in COUNTERPART.items():
        proposals = proposals.replace(old, new)
    if body is OPENING:
        both = both.replace(
            f"Clauses affected: SMETS2 4.2: {named}; SMETS2 5.0: 5.6.6", "Clauses affected: none"
        )
    assert check_findings(tmp_path, both + "\n" + body + "\n" + proposals) == []
    alone = PREAMBLE.format(specs="SMETS2 4.2").replace(
        "Clauses affected: as below", f"Clauses affected: SMETS2 4.2: {named}"
    )
    if body is OPENING:
        alone = alone.replace(f"Clauses affected: SMETS2 4.2: {named}", "Clauses affected: none")
    (left_behind,) = check_findings(tmp_path, alone + "\n" + body)
    assert " XVER001 " in left_behind and "SMETS2 5.0, also live, is not amended at all" in left_behind


@pytest.mark.parametrize("body", FORMS)
def test_the_redline_of_each_form_accepts_and_rejects_exactly(
    body: str, office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(body), KEY, smets2())
