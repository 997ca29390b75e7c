"""The shortcuts of `assess` change nothing: no covering clause is screened out, no cell filled otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.coverage.detect import Covering, decide, profile_candidates, profile_spec
from spectool.coverage.load import load_coverage
from spectool.coverage.matrix import CoverageMatrix
from spectool.coverage.passages import Passage, Source, definitions_used, passages_of
from spectool.coverage.request import amend_corpus
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from tests.coverage.helpers import MATRIX, smets

ROOT = Path(__file__).resolve().parents[2]

# Clauses that name a row, a column or the subject in each of the places a clause can, and miss.
NEAR_MISSES = smets(
    '# 2 Glossary\n"Power Outage Event" means the Event that ESME records on a loss of power.\n'
    '"Polyphase ESME" means ESME that measures a three-phase Supply.\n'
    "# 5 Meters\n## 5.4 Firmware upgrade\n"
    "5.4.1 ESME shall keep the hub powered.\n"
    "5.4.2 ESME keeps the hub powered.\n"
    "5.4.3 Polyphase ESME shall record each Power Outage Event.\n"
    "## 5.5 Restarts\n"
    "5.5.1 ESME shall record the time of each reboot.\n"
    "Note: during a firmware upgrade, power may be lost.\n"
    "5.5.2 The hub shall restart:\n  (a) after a Power Outage Event; and\n  (b) on request.\n"
    "5.5.3 Polyphase ESME shall keep power on each phase during a firmware upgrade.\n"
)


def bundled() -> Iterator[tuple[Spec, CoverageMatrix]]:
    config = load_config(ROOT / "spectool.toml")
    corpus = Corpus.load(config.spec_paths)
    amended = amend_corpus(corpus, ROOT / "amendments" / "MP102A.amend").after
    for matrix in (*load_coverage(config).matrices, MATRIX):
        for spec in (*corpus, *amended, NEAR_MISSES):
            yield spec, matrix


CASES = list(bundled())
IDS = [f"{spec.key}-{matrix.name}-{index}" for index, (spec, matrix) in enumerate(CASES)]


@pytest.mark.parametrize(("spec", "matrix"), CASES, ids=IDS)
def test_candidates_are_the_full_profiles_of_every_clause_that_may_cover(
    spec: Spec, matrix: CoverageMatrix
) -> None:
    every = profile_spec(spec, matrix)
    candidates = profile_candidates(spec, matrix)
    by_clause = {profile.clause.id: profile for profile in every}
    assert all(by_clause[profile.clause.id] == profile for profile in candidates)
    chosen = {profile.clause.id for profile in candidates}
    for profile in every:
        if any(decide(profile, row, column).covers for row in matrix.rows for column in matrix.columns):
            assert profile.clause.id in chosen, f"{spec.key} {profile.clause.id} screened out"


@pytest.mark.parametrize(("spec", "matrix"), CASES, ids=IDS)
def test_covering_fills_each_cell_as_decide_does(spec: Spec, matrix: CoverageMatrix) -> None:
    profiles = profile_spec(spec, matrix)
    covering = Covering(profiles)
    for row in matrix.rows:
        for column in matrix.columns:
            expected = tuple(profile.clause.id for profile in profiles if decide(profile, row, column).covers)
            assert covering.clauses(row, column) == expected, (row.key, column.key)


def passages_one_by_one(spec: Spec, clause_id: str) -> list[Passage]:
    """A clause's passages built afresh for it alone, as before the spec's were built once."""
    clause = spec.clause(clause_id)
    assert clause is not None
    own = [Passage(Source.TEXT, "its text", clause.text)]
    own.extend(Passage(Source.SUB_ITEM, f"sub-item ({item.label})", item.text) for item in clause.all_items())
    passages = list(own)
    section = spec.section_of(clause)
    current = section
    while True:
        number = current.number
        column = current.position.column + number.depth + len(str(number)) + 2
        text = type(clause.text)(current.title)
        label = f"heading {number} {current.title}"
        passages.append(Passage(Source.HEADING, label, text, current.position.line, column))
        parent = spec.section(number.parent) if number.parent is not None else None
        if parent is None:
            break
        current = parent
    for definition in definitions_used(spec, " ".join(passage.text.value for passage in own)):
        label = f'definition of "{definition.term}"'
        passages.append(Passage(Source.DEFINITION, label, definition.text))
        for item in definition.all_items():
            passages.append(Passage(Source.DEFINITION, f"{label} ({item.label})", item.text))
    passages.extend(Passage(Source.NOTE, f"Note {note.label}".strip(), note.text) for note in clause.notes)
    return passages


def test_passages_built_once_are_those_built_one_by_one() -> None:
    for each in (NEAR_MISSES, *(spec for spec, _ in CASES[:4])):
        for clause in each.clauses():
            built = passages_of(each, clause)
            assert list(built) == passages_one_by_one(each, clause.id)
            assert [passage.locate(0) for passage in built] == [
                passage.locate(0) for passage in passages_one_by_one(each, clause.id)
            ]
