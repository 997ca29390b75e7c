"""Issue 18, wording to accept: the spec itself. `For the version substitute "4.3".`, and the same for
its title, date and status; the consolidated source carries the new header, the redline's cover names
both versions; through apply, `--verify`, check, mirror to SMETS2 5.0 and the redline (LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import SubstituteHeader
from spectool.amend.output import consolidated_source
from spectool.amend.reader import parse_amendment
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.diff.document import diff_specs
from spectool.errors import InputError
from spectool.parsing import parse_spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined, check_findings, mirrored_and_applied
from tests.redline.helpers import front_lines, write_docx
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
HEADER = HEAD + (
    '1. For the version substitute "4.3".\n\n'
    '2. For the date substitute "2027-06-01".\n\n'
    '3. For the status substitute "Draft for consultation".\n\n'
    '4. For the title substitute "Smart Metering Equipment Technical Specifications: Edition 2".\n\n'
    '5. In clause 5.5.3, for "Comms Hub" substitute "Communications Hub".\n'
)


def test_the_consolidated_source_carries_the_new_header() -> None:
    draft = amendment(HEADER)
    first = draft.targets[0].instructions[0]
    assert first.operation == SubstituteHeader("version", "4.3") and first.subject == "the version"
    applied = apply_target(draft, KEY, smets2())
    # The amended spec keeps its key for the corpus and the rules; the consolidated one has the new header.
    assert applied.spec.key == KEY
    written = parse_spec(consolidated_source(applied), "out.spec")
    assert (written.version, written.date, written.status, written.title) == (
        "4.3",
        "2027-06-01",
        "Draft for consultation",
        "Smart Metering Equipment Technical Specifications: Edition 2",
    )
    assert list(written.clauses()) == list(applied.spec.clauses())
    assert parse_amendment(render_amendment(draft), "again.amend").targets == draft.targets


def test_verify_holds_the_header_to_what_the_instructions_give_it() -> None:
    draft = amendment(HEADER)
    applied = apply_target(draft, KEY, smets2())
    assert verify_scope(draft, KEY, smets2(), applied.consolidated) == []
    (problem,) = verify_scope(draft, KEY, smets2(), applied.spec)  # the header left as it was
    assert problem.message == (
        "SMETS2@4.2 header changed, but the amendment changes the version, the date, the status, the title"
    )
    plain = amendment(HEAD + '1. In clause 5.5.3, for "Comms Hub" substitute "Communications Hub".\n')
    (stray,) = verify_scope(plain, KEY, smets2(), applied.consolidated)
    assert stray.message == "SMETS2@4.2 header changed, but the amendment changes no part of it"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('1. For the version substitute "next".\n', "'next' is not a version: expected e.g. \"5.1\""),
        (
            '1. For the date substitute "1 June 2027".\n',
            "'1 June 2027' is not a date: expected e.g. \"2027-06-01\"",
        ),
        ('1. For the status substitute " ".\n', "the new status is empty"),
    ],
)
def test_a_header_value_must_be_what_the_field_holds(body: str, message: str) -> None:
    assert message in problems_of(HEAD + body)[0].message


def test_a_field_is_substituted_once() -> None:
    with pytest.raises(InputError) as caught:
        apply_target(
            amendment(
                HEAD
                + '1. For the date substitute "2027-06-01".\n\n2. For the date substitute "2027-07-01".\n'
            ),
            KEY,
            smets2(),
        )
    assert (
        "instruction 2 does not apply to SMETS2@4.2 the date: instruction 1 already substitutes the date"
        in str(caught.value)
    )


def test_the_redline_cover_names_both_versions(tmp_path: Path) -> None:
    applied = apply_target(amendment(HEADER), KEY, smets2())
    path = write_docx(diff_specs(applied.base, applied.consolidated, applied.numbering), tmp_path)
    front = front_lines(path)
    assert front[0] == "SMETS2 version 4.2 to version 4.3" and "Versions: 4.2 to 4.3" in front


def test_mirror_carries_title_date_and_status_but_not_the_version(tmp_path: Path) -> None:
    mirror = mirror_amendment(amendment(HEADER), smets2("4.2"), smets2("5.0"))
    assert mirror.entries[0].proposed is None
    assert mirror.entries[0].notes == ("SMETS2@5.0 has a version of its own: not mirrored",)
    carried = [entry.proposed.operation for entry in mirror.entries[1:4] if entry.proposed is not None]
    assert [operation.field for operation in carried if isinstance(operation, SubstituteHeader)] == [
        "date",
        "status",
        "title",
    ]
    without_version = amendment(
        HEAD + '1. For the date substitute "2027-06-01".\n\n'
        '2. For the status substitute "Draft for consultation".\n'
    )
    applied = mirrored_and_applied(without_version, smets2("4.2"), smets2("5.0"))
    assert (applied.consolidated.date, applied.consolidated.version) == ("2027-06-01", "5.0")


def test_check_is_clean_and_xver001_asks_the_other_version_for_the_same_header(tmp_path: Path) -> None:
    both = PREAMBLE.format(specs="SMETS2 4.2, 5.0").replace(
        "Clauses affected: as below", "Clauses affected: SMETS2 4.2: 5.5.3; SMETS2 5.0: 5.6.4"
    )
    ours = HEADER + '\n6. In clause 5.5.3, for "mains power failure" substitute "Supply Outage".\n'
    theirs = (
        "Amendments to SMETS2 5.0\n\n"
        '1. For the version substitute "5.1".\n\n'
        '2. For the date substitute "2027-06-01".\n\n'
        '3. For the status substitute "Draft for consultation".\n\n'
        '4. For the title substitute "Smart Metering Equipment Technical Specifications: Edition 2".\n\n'
        '5. In clause 5.6.4, for "mains power failure" substitute "Supply Outage".\n'
    )
    found = check_findings(tmp_path, both + "\n" + ours + "\n" + theirs)
    assert found == []
    stale = check_findings(
        tmp_path, both + "\n" + ours + "\n" + theirs.replace('"2027-06-01"', '"2027-07-01"')
    )
    assert any(" XVER001 instruction 2 changes SMETS2 4.2 the date" in f for f in stale)


def test_the_redline_of_a_new_header_accepts_and_rejects_exactly(office: Office, tmp_path: Path) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(HEADER), KEY, smets2())
