"""Issue 18, wording to accept: headings. `In the heading to Section 5.5, for "…" substitute "…".` and
`For the heading to Section 5.5 substitute "…".`, through apply, `--verify`, mirror to SMETS2 5.0 and
the redline (LibreOffice accept-all = applied text, reject-all = base)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.errors import InputError
from spectool.model.document import Spec
from tests.amend.helpers import amendment, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
BOTH = HEAD + (
    '1. In the heading to Section 5.6, for "Additional requirements" substitute "Requirements".\n\n'
    '2. For the heading to Section 5.5 substitute "Communications Hub power supply".\n'
)


def title(spec: Spec, number: str) -> str:
    section = spec.section(number)
    assert section is not None
    return section.title


def test_a_heading_is_edited_or_substituted_and_nothing_else_changes() -> None:
    draft = amendment(BOTH)
    first, second = draft.targets[0].instructions
    assert first.subject == "the heading to Section 5.6" and second.subject == "the heading to Section 5.5"
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets
    assert (
        '2. For the heading to Section 5.5 substitute "Communications Hub power supply".'
        in render_amendment(draft)
    )
    applied = apply_target(draft, KEY, smets2())
    assert title(applied.spec, "5.5") == "Communications Hub power supply"
    assert title(applied.spec, "5.6") == "Requirements for Polyphase ESME"
    assert list(applied.spec.clauses()) == list(smets2().clauses())
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_a_heading_edit_matches_whole_words_and_names_a_section_that_exists() -> None:
    for body, message in [
        ('1. In the heading to Section 5.9, omit "x".\n', "there is no Section 5.9"),
        ('1. In the heading to Section 5.5, omit "Inter".\n', '"Inter" does not occur as a whole word'),
    ]:
        with pytest.raises(InputError) as caught:
            apply_target(amendment(HEAD + body), KEY, smets2())
        assert message in str(caught.value), body


def test_verify_catches_a_heading_changed_without_or_beyond_its_instruction() -> None:
    draft = amendment(BOTH)
    applied = apply_target(draft, KEY, smets2()).spec
    sections = tuple(
        replace(s, title=s.title + " and more") if str(s.number) in ("5.4", "5.5", "5.6") else s
        for s in applied.sections
    )
    messages = [p.message for p in verify_scope(draft, KEY, smets2(), replace(applied, sections=sections))]
    assert messages == [
        "SMETS2@4.2 the heading to Section 5.6 changed outside the whole words its instructions quote",
        "SMETS2@4.2 headings changed, but no instruction changes a heading",  # 5.4's
    ]


def test_mirror_carries_a_heading_to_the_section_its_clauses_went_to() -> None:
    mirror = mirror_amendment(amendment(BOTH), smets2("4.2"), smets2("5.0"))
    first, second = (entry.proposed for entry in mirror.entries)
    assert first is not None and isinstance(first.operation, EditText)
    assert first.subject == "the heading to Section 5.7"
    assert second is not None and second.subject == "the heading to Section 5.6"
    assert all(entry.notes == () for entry in mirror.entries)
    proposals = amendment(mirror.render(), specs="SMETS2 5.0")
    applied = apply_target(proposals, "SMETS2@5.0", smets2("5.0"))
    assert title(applied.spec, "5.6") == "Communications Hub power supply"
    assert title(applied.spec, "5.7") == "Requirements for Polyphase ESME"


def test_the_redline_of_heading_changes_accepts_and_rejects_exactly(office: Office, tmp_path: Path) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(BOTH), KEY, smets2())
