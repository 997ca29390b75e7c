"""`spectool apply` on issue 18's reproducers: warnings on stderr with exit 0, refusals with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from spectool.cli import main
from tests.amend.helpers import PREAMBLE, ROOT


@pytest.fixture(autouse=True)
def in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run_apply(tmp_path: Path, body: str) -> Result:
    path = tmp_path / "draft.amend"
    path.write_text(PREAMBLE.format(specs="SMETS2 4.2") + "\nAmendments to SMETS2 4.2\n\n" + body)
    return CliRunner().invoke(main, ["apply", str(path), "--verify"])


def test_a_warning_is_shown_at_its_instruction_and_the_text_still_verifies(tmp_path: Path) -> None:
    result = run_apply(tmp_path, '1. Omit clause 4.2.7 and leave "Not used.".\n')
    assert result.exit_code == 0, result.stderr
    assert 'draft.amend:13:16: warning: instruction 1 leaves SMETS2@4.2 clause 4.2.7 as "Not used."' in (
        result.stderr
    )
    assert "SMETS2@4.2: differs from its base only where MP102A says" in result.stdout


def test_the_whole_word_reproducers_verify_and_change_only_whole_words(tmp_path: Path) -> None:
    result = run_apply(
        tmp_path,
        '1. In clause 5.5.3, for the last occurrence of "the" substitute "a".\n\n'
        '2. In clause 5.5.3, for the 2nd occurrence of "power" substitute "energy".\n',
    )
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    written = CliRunner().invoke(main, ["apply", str(tmp_path / "draft.amend"), "-o", str(out)])
    assert written.exit_code == 0, written.stderr
    text = (out / "smets2-v4.2.spec").read_text()
    assert "oar" not in text and "energyed" not in text
    assert "keep a Communications Hub powered" in text and "mains energy failure" in text


def test_words_found_only_inside_a_longer_word_exit_2_with_the_words_they_were_in(tmp_path: Path) -> None:
    result = run_apply(tmp_path, '1. In clause 5.5.3, for "powe" substitute "energy".\n')
    assert result.exit_code == 2
    assert 'does not occur as a whole word (only inside "power", "powered")' in result.stderr
    assert "Traceback" not in result.stderr
