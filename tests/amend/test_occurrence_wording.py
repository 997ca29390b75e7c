"""Issue 18, wording to accept: the occurrence said after the quoted words, through apply,
`--verify`, mirror and the redline (LibreOffice accept-all = applied text, reject-all = base)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import EditText, Occurrence, Which
from spectool.amend.scope import verify_scope
from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.errors import InputError
from tests.amend.helpers import amendment, smets2
from tests.redline.helpers import front_lines, write_docx
from tests.redline.office import Office

KEY = "SMETS2@4.2"

# (wording, the occurrence it means, the same instruction in the prefix form)
FORMS = [
    (
        'In clause 5.5.3, for "power" (in the second place where it occurs) substitute "energy".',
        Occurrence(Which.NTH, 2),
        'In clause 5.5.3, for the 2nd occurrence of "power" substitute "energy".',
    ),
    (
        'In clause 5.5.3, for "power", where it first occurs, substitute "energy".',
        Occurrence(Which.NTH, 1),
        'In clause 5.5.3, for the 1st occurrence of "power" substitute "energy".',
    ),
    (
        'In clause 5.5.3, for "power" substitute "energy" wherever it occurs.',
        Occurrence(Which.EVERY),
        'In clause 5.5.3, for every occurrence of "power" substitute "energy".',
    ),
    (
        'In clause 5.5.3, omit "the" (in the 4th place where it occurs) wherever it occurs.',
        None,
        "",
    ),
]


@pytest.mark.parametrize(("wording", "occurrence", "prefixed"), [f for f in FORMS if f[1] is not None])
def test_the_occurrence_said_after_the_words_means_the_same_as_before_them(
    wording: str, occurrence: Occurrence, prefixed: str
) -> None:
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {wording}\n")
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, EditText) and instruction.operation.occurrence == occurrence
    same = amendment(f"Amendments to SMETS2 4.2\n\n1. {prefixed}\n")
    assert draft.targets == same.targets
    amended = apply_target(draft, KEY, smets2()).spec
    assert amended == apply_target(same, KEY, smets2()).spec
    assert verify_scope(draft, KEY, smets2(), amended) == []
    mirror = mirror_amendment(draft, smets2("4.2"), smets2("5.0"))
    (entry,) = mirror.entries
    assert entry.proposed is not None and entry.notes == ()
    assert str(entry.proposed.clause) == "5.6.4"


def test_an_occurrence_said_twice_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        amendment(f"Amendments to SMETS2 4.2\n\n1. {FORMS[3][0]}\n")
    assert "the occurrence is said twice" in str(caught.value)


def test_the_redline_of_a_wherever_form_accepts_to_the_applied_text(office: Office, tmp_path: Path) -> None:
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {FORMS[2][0]}\n")
    applied = apply_target(draft, KEY, smets2())
    path = write_docx(diff_specs(smets2(), applied.spec, applied.numbering), tmp_path)
    front = front_lines(path)
    assert office.lines(path, Side.NEW) == front + page_lines(spec_page(applied.spec))
    assert office.lines(path, Side.OLD) == front + page_lines(spec_page(smets2()))
