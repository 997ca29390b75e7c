"""`clause_owners` counts what `Covering` and `_excerpt` counted from a clause's full profile."""

from __future__ import annotations

import pytest

from spectool.coverage.detect import ClauseProfile, Covering, profile_spec
from spectool.coverage.hits import SpecTerms
from spectool.coverage.matrix import CoverageMatrix, Row
from spectool.coverage.owners import ClauseOwners, clause_owners
from spectool.coverage.passages import Source
from spectool.model.document import Spec
from tests.coverage.helpers import ESME, FIRMWARE, MATRIX, REBOOT, smets
from tests.coverage.test_candidates import CASES, IDS

POLYPHASE = Row("polyphase", "Polyphase ESME", ("SMETS2",), ("Polyphase ESME",))
WIDER = CoverageMatrix("wider", "Wider terms", (ESME, POLYPHASE), (FIRMWARE, REBOOT))
# The row terms of a definition that the clause's own longer words absorb, or do not.
ABSORBED = smets(
    '# 2 Glossary\n"Power Outage Event" means the Event that ESME records on a loss of power.\n'
    "# 5 Meters\n## 5.4 Firmware upgrade\n"
    "5.4.1 ESME shall record each Power Outage Event.\n"
    "5.4.2 Polyphase ESME shall record each Power Outage Event.\n"
    "5.4.3 The meter shall record each Power Outage Event.\n"
    "5.4.4 Polyphase ESME shall restart:\n  (a) after a firmware upgrade.\n"
    "Note: ESME may reboot.\n"
)


def expected(profile: ClauseProfile) -> tuple[bool, set[str], set[str], set[str]]:
    on_subject = not profile.needs_subject or any(hit.normative for hit in profile.subject_hits)
    rows = {hit.owner for hit in profile.row_hits if hit.normative}
    columns = {hit.owner for hit in profile.column_hits if hit.normative}
    hits = (*profile.row_hits, *profile.column_hits, *profile.subject_hits)
    words = {hit.found for hit in hits if hit.source in (Source.TEXT, Source.SUB_ITEM)}
    return on_subject, rows, columns, words


def owners_of(spec: Spec, matrix: CoverageMatrix) -> list[ClauseOwners]:
    terms = SpecTerms(spec, matrix)
    return [clause_owners(terms, clause) for clause in spec.clauses()]


@pytest.mark.parametrize(
    ("spec", "matrix"), [*CASES, (ABSORBED, MATRIX), (ABSORBED, WIDER)], ids=[*IDS, "absorbed", "wider"]
)
def test_owners_are_those_of_the_full_profile(spec: Spec, matrix: CoverageMatrix) -> None:
    for profile, owners in zip(profile_spec(spec, matrix), owners_of(spec, matrix), strict=True):
        assert owners.clause is profile.clause
        found = (owners.on_subject, set(owners.rows), set(owners.columns), set(owners.own_words))
        assert found == expected(profile), profile.clause.id


def test_a_definitions_row_term_counts_unless_own_longer_words_of_another_row_hold_it() -> None:
    owners = {each.clause.id: each for each in owners_of(ABSORBED, WIDER)}
    assert owners["5.4.1"].rows == {"esme"}
    assert owners["5.4.2"].rows == {"polyphase"}  # the definition's ESME is that Polyphase ESME
    assert owners["5.4.3"].rows == {"esme"}  # through the definition alone
    assert owners["5.4.4"].rows == {"polyphase"}
    assert owners["5.4.4"].columns == {"firmware", "reboot"}
    assert owners["5.4.4"].own_words == {"Polyphase ESME", "restart", "firmware upgrade"}
    assert owners["5.4.3"].on_subject  # the matrix has no subject


def test_covering_built_from_owners_is_covering_built_from_profiles() -> None:
    for spec, matrix in [*CASES[:8], (ABSORBED, MATRIX), (ABSORBED, WIDER)]:
        from_profiles = Covering(profile_spec(spec, matrix))
        from_owners = Covering(())
        for owners in owners_of(spec, matrix):
            if owners.on_subject and owners.clause.is_requirement:
                from_owners.add(owners.clause.id, owners.rows, owners.columns)
        for row in matrix.rows:
            for column in matrix.columns:
                assert from_owners.clauses(row, column) == from_profiles.clauses(row, column)
