"""`spectool check X.amend`: the corpus before and after, findings pointed at the amendment, MP102A clean."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.checking import AmendmentCheck, prepare_amendment_check
from spectool.config import load_config
from spectool.findings import Finding, Severity
from spectool.rules.runner import check_paths
from tests.amend.helpers import AMENDMENTS, PREAMBLE, ROOT, bundled


@pytest.fixture(scope="module")
def check() -> AmendmentCheck:
    return prepare_amendment_check(AMENDMENTS / "MP102A-consultation.amend", bundled())


def finding(spec: str, version: str, clause: str, line: int, column: int, path: str = "") -> Finding:
    path = path or f"specs/{spec.lower()}-v{version}.spec"
    return Finding("TEST001", Severity.ERROR, "m", path, line, column, column + 8, spec, version, clause)


def test_the_corpus_before_and_after(check: AmendmentCheck) -> None:
    assert check.base is bundled()
    assert check.amendment.id == "MP102A"
    assert [spec.key for spec in check.corpus] == [spec.key for spec in check.base]
    before, after = check.base.require("SMETS2@4.2"), check.corpus.require("SMETS2@4.2")
    assert before.clause("5.5.3") != after.clause("5.5.3")
    assert check.corpus.require("SMETS2@5.0") is check.base.require("SMETS2@5.0")


def test_a_finding_in_quoted_new_words_points_at_those_words(check: AmendmentCheck) -> None:
    spec = check.corpus.require("SMETS2@4.2")
    clause = spec.clause("5.4.4.5")
    assert clause is not None
    offset = clause.text.value.index("spurious")
    line, column = clause.text.locate(offset)
    moved = check.attribute(replace(finding("SMETS2", "4.2", "5.4.4.5", line, column), path=spec.path))
    # "spurious" wraps onto the instruction's third line in the .amend file.
    assert (moved.path, moved.line, moved.column, moved.end_column) == (check.amendment.path, 21, 4, 12)
    assert check.amendment.source_line(21)[3:11] == "spurious"


def test_a_finding_elsewhere_in_a_changed_clause_points_at_the_clause_the_instruction_names(
    check: AmendmentCheck,
) -> None:
    spec = check.corpus.require("SMETS2@4.2")
    clause = spec.clause("5.5.3")
    assert clause is not None
    line, column = clause.text.locate(clause.text.value.index("Comms Hub"))
    moved = check.attribute(replace(finding("SMETS2", "4.2", "5.5.3", line, column), path=spec.path))
    assert (moved.line, moved.column, moved.end_column) == (23, 14, 19)


def test_findings_elsewhere_are_left_where_they_are(check: AmendmentCheck) -> None:
    untouched = finding("SMETS2", "4.2", "5.5.5", 250, 3)
    assert check.attribute(untouched) is untouched
    other_version = finding("SMETS2", "5.0", "5.4.5.5", 231, 55)
    assert check.attribute(other_version) is other_version
    already = finding("SMETS2", "4.2", "5.5.3", 19, 1, path=check.amendment.path)
    assert check.attribute(already) is already


def test_a_finding_in_an_inserted_clause_points_at_its_line_in_the_amendment() -> None:
    full = prepare_amendment_check(AMENDMENTS / "MP102A.amend", bundled())
    spec = full.corpus.require("SMETS2@4.2")
    clause = spec.clause("5.6.5")
    assert clause is not None
    line, column = clause.text.locate(clause.text.value.index("restart"))
    moved = full.attribute(replace(finding("SMETS2", "4.2", "5.6.5", line, column), path=spec.path))
    assert moved.path == full.amendment.path
    assert full.amendment.source_line(moved.line)[moved.column - 1 :].startswith("restart")


def run_check(name: str) -> list[Finding]:
    config = load_config(ROOT / "spectool.toml")
    return list(check_paths([AMENDMENTS / name], config).result.findings)


def test_spectool_check_finds_nothing_in_the_corrected_mp102a() -> None:
    assert [f"{f.location} {f.code} {f.message}" for f in run_check("MP102A.amend")] == []


def test_xver001_fires_on_each_instruction_of_the_consultation_text() -> None:
    found = [(f.line, f.clause) for f in run_check("MP102A-consultation.amend") if f.code == "XVER001"]
    assert found == [(19, "5.4.4.5"), (23, "5.5.3")]


def test_new_words_are_found_after_the_edited_clause_was_rewrapped(check: AmendmentCheck) -> None:
    spec = check.corpus.require("SMETS2@4.2")
    clause = spec.clause("5.5.3")
    assert clause is not None
    assert clause.text.value.count("\n") == 3  # the edit made the clause a line longer
    line, column = clause.text.locate(clause.text.value.index("spurious"))
    moved = check.attribute(replace(finding("SMETS2", "4.2", "5.5.3", line, column), path=spec.path))
    assert (moved.line, moved.column) == (25, 31)
    assert check.amendment.source_line(25)[30:38] == "spurious"


def test_findings_in_an_edited_definition_point_at_the_amendment(tmp_path: Path) -> None:
    path = tmp_path / "alert.amend"
    path.write_text(
        PREAMBLE.format(specs="SMETS2 4.2, 5.0")
        + "\nAmendments to SMETS2 4.2, 5.0\n\n"
        + '1. In the definition of "Alert", after "message" insert "sent on a mains power failure".\n',
        encoding="utf-8",
    )
    config = load_config(ROOT / "spectool.toml")
    found = [f for f in check_paths([path], config).result.findings if f.path == str(path)]
    # TERM001 at the quoted new words; DEF005 (the definition now differs from CHTS's) at the term.
    assert sorted((f.code, f.line, f.column, f.end_column, f.clause) for f in found) == [
        ("DEF005", 13, 25, 32, "Alert"),
        ("DEF005", 13, 25, 32, "Alert"),
        ("TERM001", 13, 68, 87, "Alert"),
        ("TERM001", 13, 68, 87, "Alert"),
    ]
