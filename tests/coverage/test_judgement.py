"""The judgement suite: single-clause edits of the bundled specs, and the cell states each should leave.

Prints the counts of false covered cells (covered, though the edit requires nothing of the row in the
column's scenario) and of false gaps (a cell the edit covers, reported as anything else). The goal:
no false covered cell, and false gaps for at most 5% of the cells the edits cover.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.coverage.assess import Assessor, Status, assess
from spectool.coverage.limits import limits_of
from spectool.coverage.load import load_coverage
from spectool.parsing import load_corpus, parse_spec

ROOT = Path(__file__).resolve().parents[2]
SUITE = Path(__file__).with_name("judgement.toml")
ROWS = {
    "se": "esme-single-element",
    "te": "esme-twin-element",
    "pe": "esme-polyphase",
    "gsme": "gsme",
    "ch": "communications-hub",
    "hs": "hot-shoe",
}
COLUMNS = {
    "fw": "firmware-activation",
    "chfw": "ch-firmware-upgrade",
    "reboot": "reboot",
    "short": "short-interruption",
    "supply": "supply-outage",
}
KINDS = {
    "modality",
    "actor",
    "scope",
    "informative",
    "omitted",
    "reference",
    "words",
    "numbers",
    "unreadable",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    edit: str
    cell: str
    expected: Status
    found: Status


def edits() -> list[dict[str, object]]:
    with SUITE.open("rb") as handle:
        return list(tomllib.load(handle)["edit"])


def edited_source(source: str, edit: dict[str, object]) -> str:
    if "add" in edit:
        anchor = f"{edit['before']}\n"
        assert source.count(anchor) == 1, f"{edit['name']}: the line {edit['before']!r} is not there once"
        return source.replace(anchor, f"{edit['add']}\n{anchor}")
    find = str(edit["find"])
    assert source.count(find) == 1, f"{edit['name']}: {find!r} is not there once"
    return source.replace(find, str(edit["put"]))


def judge_all() -> list[Verdict]:
    config = load_config(ROOT / "spectool.toml")
    matrix = load_coverage(config).matrix("ota-power")
    corpus = load_corpus(config.spec_paths)
    verdicts = []
    for edit in edits():
        spec = corpus.require(str(edit["spec"]))
        source = Path(spec.path if Path(spec.path).is_absolute() else ROOT / spec.path).read_text(
            encoding="utf-8"
        )
        changed = parse_spec(edited_source(source, edit), spec.path)
        after = corpus.with_spec(changed)
        coverage = assess(changed, matrix, assessor=Assessor(matrix, limits_of(config, after, matrix), after))
        expect = edit["expect"]
        assert isinstance(expect, dict)
        for cell, state in expect.items():
            row, column = cell.split()
            found = coverage.cell(ROWS[row], COLUMNS[column]).status
            verdicts.append(Verdict(str(edit["name"]), cell, Status(state), found))
    return verdicts


def test_the_suite_is_what_the_brief_asks_for() -> None:
    found = edits()
    assert len(found) >= 60
    assert {str(edit["kind"]) for edit in found} == KINDS
    assert len({str(edit["name"]) for edit in found}) == len(found)


@pytest.fixture(scope="module")
def verdicts() -> list[Verdict]:
    return judge_all()


def test_no_false_covered_and_few_false_gaps(verdicts: list[Verdict]) -> None:
    covered = {Status.COVERED, Status.CONFLICTING}
    false_covered = [v for v in verdicts if v.found in covered and v.expected not in covered]
    false_gaps = [v for v in verdicts if v.expected in covered and v.found not in covered]
    expected_covered = sum(1 for v in verdicts if v.expected in covered)
    other = [v for v in verdicts if v.found != v.expected and v not in false_covered and v not in false_gaps]
    print(
        f"\njudgement suite: {len(edits())} edits, {len(verdicts)} cells; "
        f"false covered {len(false_covered)}, "
        f"false gaps {len(false_gaps)} of {expected_covered} covered cells, "
        f"other state mismatches {len(other)}"
    )
    for verdict in [*false_covered, *false_gaps, *other]:
        print(
            f"  {verdict.edit}: {verdict.cell} expected {verdict.expected.value}, found {verdict.found.value}"
        )
    assert false_covered == []
    assert len(false_gaps) <= 0.05 * expected_covered


def test_every_state_is_as_expected(verdicts: list[Verdict]) -> None:
    wrong = [
        f"{v.edit}: {v.cell} {v.expected.value} != {v.found.value}" for v in verdicts if v.found != v.expected
    ]
    assert wrong == []
