"""`spectool apply` and `spectool align`: files written atomically, errors with positions and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from spectool.cli import main
from spectool.parsing import read_spec
from tests.amend.helpers import AMENDMENTS, PREAMBLE, ROOT, SMALL_SPEC, bundled


@pytest.fixture(autouse=True)
def in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_apply_writes_each_consolidated_spec_under_its_own_name(tmp_path: Path) -> None:
    result = run("apply", AMENDMENTS / "MP102A.amend", "-o", tmp_path, "--verify")
    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["chts-v1.5.spec", "smets2-v4.2.spec", "smets2-v5.0.spec"]
    assert "CHTS@1.5 3 clause(s) or definition(s) changed or inserted, 2 renumbered" in result.stdout
    chts = read_spec(tmp_path / "chts-v1.5.spec")
    assert [c.id for c in chts.clauses() if c.id.startswith("4.4.")] == [
        "4.4.1",
        "4.4.2",
        "4.4.3",
        "4.4.4",
        "4.4.5",
    ]
    assert not list(tmp_path.glob(".*.tmp"))


def test_apply_to_one_target_only(tmp_path: Path) -> None:
    result = run("apply", AMENDMENTS / "MP102A.amend", "--target", "SMETS2@5.0", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["smets2-v5.0.spec"]
    assert read_spec(tmp_path / "smets2-v5.0.spec").clause("5.7.5") is not None


def test_apply_refuses_a_target_the_amendment_does_not_amend(tmp_path: Path) -> None:
    result = run("apply", AMENDMENTS / "MP102A-consultation.amend", "--target", "SMETS2@5.0", "-o", tmp_path)
    assert result.exit_code == 2
    assert "the amendment does not amend SMETS2@5.0 (it amends SMETS2@4.2)" in result.stderr
    assert "Traceback" not in result.stderr


def test_apply_never_writes_over_an_input() -> None:
    before = (ROOT / "specs" / "smets2-v4.2.spec").read_bytes()
    result = run("apply", AMENDMENTS / "MP102A-consultation.amend", "-o", "specs")
    assert result.exit_code == 2
    assert "refusing to write over an input file" in result.stderr
    assert (ROOT / "specs" / "smets2-v4.2.spec").read_bytes() == before


def test_apply_needs_somewhere_to_write() -> None:
    result = run("apply", AMENDMENTS / "MP102A.amend")
    assert result.exit_code == 2
    assert "-o DIR" in result.stderr


def test_verify_alone_reports_without_writing() -> None:
    result = run("apply", AMENDMENTS / "MP102A.amend", "--verify")
    assert result.exit_code == 0, result.stderr
    assert "SMETS2@5.0: differs from its base only where MP102A says" in result.stdout


def amendment_file(tmp_path: Path, body: str, specs: str) -> Path:
    path = tmp_path / "draft.amend"
    path.write_text(PREAMBLE.format(specs=specs) + "\n" + body, encoding="utf-8")
    return path


def test_an_instruction_that_does_not_apply_stops_its_target_only(tmp_path: Path) -> None:
    path = amendment_file(
        tmp_path,
        "Amendments to SMETS2 4.2\n\n"
        '1. In clause 5.5.3, for "mains power cut" substitute "Supply Outage".\n\n'
        "Amendments to SMETS2 5.0\n\n"
        '1. In clause 5.6.4, for "a mains power failure" substitute "a Supply Outage".\n',
        "SMETS2 4.2, 5.0",
    )
    out = tmp_path / "out"
    result = run("apply", path, "-o", out)
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["smets2-v5.0.spec"]
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{path}:13:25: instruction 1 does not apply to SMETS2@4.2 clause 5.5.3: "
        '"mains power cut" does not occur'
    )
    assert lines[1] == '    1. In clause 5.5.3, for "mains power cut" substitute "Supply Outage".'
    assert lines[2] == "    " + " " * 24 + "^" * 17
    assert lines[-1] == "1 problem found"


def test_a_malformed_instruction_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = amendment_file(
        tmp_path, 'Amendments to SMETS2 4.2\n\n1. In clause 5.5.3 omit "Comms Hub".\n', "SMETS2 4.2"
    )
    result = run("apply", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{path}:13:20: a clause number is followed by a comma: expected ',' as in 'In clause 5.5.3, for ...'"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_target_is_reported_at_its_version(tmp_path: Path) -> None:
    path = amendment_file(tmp_path, "Amendments to SMETS2 4.3\n\n1. Omit clause 5.5.3.\n", "SMETS2 4.3")
    result = run("apply", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    loaded = ", ".join(spec.key for spec in bundled())
    assert (
        result.stderr.splitlines()[0] == f"{path}:11:22: no spec SMETS2 4.3 in the corpus (loaded: {loaded})"
    )


def test_align_prints_every_pair_with_its_score_and_the_totals() -> None:
    result = run("align", "SMETS2@4.2", "SMETS2@5.0")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["kind", "SMETS2", "4.2", "SMETS2", "5.0", "score"]
    assert "renumbered  5.5.3       5.6.4       92.0" in lines
    assert "removed     4.2.5       -" in lines
    assert "added       -           4.3.4.6" in lines
    assert lines[-1] == "41 kept, 6 changed, 30 renumbered, 10 added, 2 removed"


def test_align_can_show_one_kind() -> None:
    result = run("align", "SMETS2@4.2", "SMETS2@5.0", "--only", "renumbered")
    rows = result.stdout.splitlines()[1:-1]
    assert len(rows) == 30 and all(row.startswith("renumbered") for row in rows)


def test_align_names_an_unknown_version() -> None:
    result = run("align", "SMETS2@4.2", "SMETS2@6.0")
    assert result.exit_code == 2
    assert "no spec SMETS2@6.0 in the corpus" in result.stderr


def test_apply_counts_the_clauses_and_definitions_an_amendment_omits(tmp_path: Path) -> None:
    (tmp_path / "v4.2.spec").write_text(SMALL_SPEC, encoding="utf-8")
    config = tmp_path / "spectool.toml"
    config.write_text('[corpus]\nspecs = ["*.spec"]\n', encoding="utf-8")
    path = amendment_file(
        tmp_path,
        "Amendments to SMETS2 4.2\n\n"
        "1. Omit clause 5.4.3 and renumber the following clauses.\n"
        '2. Omit the definition of "Polyphase ESME".\n',
        "SMETS2 4.2",
    )
    out = tmp_path / "out"
    result = run("apply", path, "-o", out, "--config", config)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{out / 'v4.2.spec'}: SMETS2@4.2 0 clause(s) or definition(s) changed or inserted, "
        "1 renumbered, 2 omitted\n"
    )


SPEC_WITH_A_SUBSECTION = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 2 General
2.1 ESME shall monitor the voltage on every phase.
2.2 ESME shall keep its Event Log through a Supply Outage.
## 2.3 Detail
2.3.1 ESME shall record a Power Outage Event.
"""


def test_redline_refuses_an_amended_text_that_apply_refuses(tmp_path: Path) -> None:
    (tmp_path / "v4.2.spec").write_text(SPEC_WITH_A_SUBSECTION, encoding="utf-8")
    config = tmp_path / "spectool.toml"
    config.write_text('[corpus]\nspecs = ["*.spec"]\n', encoding="utf-8")
    path = amendment_file(
        tmp_path,
        "Amendments to SMETS2 4.2\n\n1. After clause 2.2 insert:\n    2.3 ESME shall sample the voltage.\n",
        "SMETS2 4.2",
    )
    applied = run("apply", path, "-o", tmp_path / "out", "--config", config)
    redline = run("redline", path, "-o", tmp_path / "r.docx", "--config", config)
    assert (applied.exit_code, redline.exit_code) == (2, 2)
    assert redline.stderr == applied.stderr
    assert redline.stderr.splitlines()[0] == (
        "<SMETS2@4.2 as amended>:12:4: section 2.3 is numbered twice (first at line 10)"
    )
    assert not (tmp_path / "r.docx").exists()
