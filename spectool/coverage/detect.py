"""Decide whether a clause covers a cell: a requirement that addresses both the row and the column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from spectool.coverage.hits import Hit, SpecTerms
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.passages import Source
from spectool.coverage.terms import term_pattern
from spectool.model.document import Clause, Spec


@dataclass(frozen=True, slots=True)
class SetAside:
    """A row term in a definition that counts for nothing: the clause's own longer term covers it."""

    hit: Hit
    because: Hit  # the clause's own words: "Polyphase ESME" for the definition's "ESME"


@dataclass(frozen=True, slots=True)
class ClauseProfile:
    """Every row and column term a clause's passages use, found once for all the cells."""

    clause: Clause
    requirement: bool
    row_hits: tuple[Hit, ...]
    column_hits: tuple[Hit, ...]
    subject_hits: tuple[Hit, ...]
    needs_subject: bool
    set_aside: tuple[SetAside, ...] = ()  # row terms in definitions that its own longer terms absorb


def profile_spec(spec: Spec, matrix: CoverageMatrix) -> tuple[ClauseProfile, ...]:
    """A profile of every clause of `spec` against the terms of `matrix`."""
    terms = SpecTerms(spec, matrix)
    return tuple(_profile(clause, terms) for clause in spec.clauses())


def profile_candidates(spec: Spec, matrix: CoverageMatrix) -> tuple[ClauseProfile, ...]:
    """The profiles of the clauses of `spec` that may cover a cell of `matrix`, in the spec's order.

    Any other clause covers nothing, and most clauses of a large spec are such: telling them costs a
    fraction of a profile.
    """
    terms = SpecTerms(spec, matrix)
    return tuple(_profile(clause, terms) for clause in spec.clauses() if terms.may_cover(clause))


def _profile(clause: Clause, terms: SpecTerms) -> ClauseProfile:
    row_hits, column_hits, subject_hits = terms.hits(clause)
    kept, set_aside = _rows_named(row_hits)
    return ClauseProfile(
        clause=clause,
        requirement=clause.is_requirement,
        row_hits=kept,
        column_hits=tuple(column_hits),
        subject_hits=tuple(subject_hits),
        needs_subject=terms.needs_subject,
        set_aside=set_aside,
    )


def _rows_named(hits: list[Hit]) -> tuple[tuple[Hit, ...], tuple[SetAside, ...]]:
    """(the row hits that count, those set aside).

    The longer term wins across passages too: when the clause itself says "Polyphase ESME", the
    "ESME" in the definition of "Power Outage Event" (the Event that ESME records) is that same
    meter, not every ESME.
    """
    own = [hit for hit in hits if hit.source in _OWN_WORDS]
    kept: list[Hit] = []
    set_aside: list[SetAside] = []
    for hit in hits:
        wider = _wider(hit, own) if hit.source is Source.DEFINITION else None
        if wider is None:
            kept.append(hit)
        else:
            set_aside.append(SetAside(hit, wider))
    return tuple(kept), tuple(set_aside)


def _wider(hit: Hit, own: list[Hit]) -> Hit | None:
    """The first of the clause's own hits, of another owner, whose longer words hold `hit`'s term."""
    pattern = term_pattern(hit.term)
    return next(
        (
            other
            for other in own
            if other.owner != hit.owner and len(other.found) > len(hit.found) and pattern.search(other.found)
        ),
        None,
    )


_OWN_WORDS = (Source.TEXT, Source.SUB_ITEM, Source.HEADING)


class Verdict(StrEnum):
    """What a clause does for one cell."""

    COVERS = "covers"
    NOT_REQUIREMENT = "not a requirement"  # addresses both, but says no "shall"
    OFF_SUBJECT = "off subject"  # addresses both, but not the matter the matrix is about
    ROW_ONLY = "row only"  # names the row; the column is missing (or only in a note)
    COLUMN_ONLY = "column only"
    NOTE_ONLY = "note only"  # what it says about the cell is in informative notes
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class Decision:
    """A clause's verdict on a cell, with the hits behind it."""

    clause: str
    verdict: Verdict
    requirement: bool
    row_hits: tuple[Hit, ...]  # normative passages only
    column_hits: tuple[Hit, ...]
    subject_hits: tuple[Hit, ...]
    note_hits: tuple[Hit, ...]  # the row's or the column's terms in informative notes
    set_aside: tuple[SetAside, ...] = ()  # the row's terms in definitions that count for nothing

    @property
    def covers(self) -> bool:
        return self.verdict is Verdict.COVERS


def decide(profile: ClauseProfile, row: Row, column: Column) -> Decision:
    """The verdict of one clause on the cell (row, column)."""
    row_all = [hit for hit in profile.row_hits if hit.owner == row.key]
    column_all = [hit for hit in profile.column_hits if hit.owner == column.key]
    row_hits = tuple(hit for hit in row_all if hit.normative)
    column_hits = tuple(hit for hit in column_all if hit.normative)
    subject_hits = tuple(hit for hit in profile.subject_hits if hit.normative)
    note_hits = tuple(hit for hit in (*row_all, *column_all) if not hit.normative)
    # Worth telling only when the row is missing for it: the clause named another device itself.
    set_aside = () if row_hits else tuple(item for item in profile.set_aside if item.hit.owner == row.key)
    on_subject = _on_subject(profile)
    if row_hits and column_hits and not on_subject:
        verdict = Verdict.OFF_SUBJECT
    elif row_hits and column_hits:
        verdict = Verdict.COVERS if profile.requirement else Verdict.NOT_REQUIREMENT
    elif row_hits:
        verdict = Verdict.ROW_ONLY
    elif column_hits:
        verdict = Verdict.COLUMN_ONLY
    else:
        verdict = Verdict.NOTE_ONLY if note_hits else Verdict.UNRELATED
    return Decision(
        clause=profile.clause.id,
        verdict=verdict,
        requirement=profile.requirement,
        row_hits=row_hits,
        column_hits=column_hits,
        subject_hits=subject_hits,
        note_hits=note_hits,
        set_aside=set_aside,
    )


def _on_subject(profile: ClauseProfile) -> bool:
    """The clause names the matrix's subject in a normative passage, or the matrix has none."""
    return not profile.needs_subject or any(hit.normative for hit in profile.subject_hits)


class Covering:
    """The clauses that cover each cell, by `decide`'s rule, without a `Decision` per clause and cell.

    A clause covers (row, column) when it is a requirement, on the subject, and its normative
    passages name the row and the column: asking `decide` that of every clause for every cell of
    a 20,000-clause spec cost more than finding the terms did.
    """

    def __init__(self, profiles: tuple[ClauseProfile, ...]) -> None:
        self._clauses: list[str] = []
        self._rows: dict[str, set[int]] = {}
        self._columns: dict[str, set[int]] = {}
        for profile in profiles:
            if profile.requirement and _on_subject(profile):
                rows = (hit.owner for hit in profile.row_hits if hit.normative)
                columns = (hit.owner for hit in profile.column_hits if hit.normative)
                self.add(profile.clause.id, rows, columns)

    def add(self, clause: str, rows: Iterable[str], columns: Iterable[str]) -> None:
        """Count `clause`, a requirement on the subject, as naming these rows and columns; in order."""
        index = len(self._clauses)
        self._clauses.append(clause)
        for row in rows:
            self._rows.setdefault(row, set()).add(index)
        for column in columns:
            self._columns.setdefault(column, set()).add(index)

    def clauses(self, row: Row, column: Column) -> tuple[str, ...]:
        """The ids of the clauses that cover (row, column), in the spec's order."""
        both = self._rows.get(row.key, set()) & self._columns.get(column.key, set())
        return tuple(self._clauses[index] for index in sorted(both))
