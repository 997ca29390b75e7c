"""Decide whether a clause covers a cell: a requirement that addresses both the row and the column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.passages import Passage, Source, passages_of
from spectool.coverage.terms import Vocabulary, term_pattern
from spectool.model.document import Clause, Spec

SUBJECT = "subject"


@dataclass(frozen=True, slots=True)
class Hit:
    """A term of a row or a column found in one passage of a clause."""

    owner: str  # the row or column key, or SUBJECT
    term: str  # the term as configured
    found: str  # the words as the text writes them
    source: Source
    where: str  # the passage's label: "its text", "sub-item (a)", ...
    line: int
    column: int

    @property
    def normative(self) -> bool:
        return self.source.normative


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
    rows = Vocabulary.of((row.key, row.terms) for row in matrix.rows)
    columns = Vocabulary.of((column.key, column.terms) for column in matrix.columns)
    subject = Vocabulary.of([(SUBJECT, matrix.subject)])
    profiles = []
    for clause in spec.clauses():
        passages = passages_of(spec, clause)
        row_hits, set_aside = _rows_named(_hits(passages, rows))
        profiles.append(
            ClauseProfile(
                clause=clause,
                requirement=clause.is_requirement,
                row_hits=row_hits,
                column_hits=tuple(_hits(passages, columns)),
                subject_hits=tuple(_hits(passages, subject)),
                needs_subject=bool(matrix.subject),
                set_aside=set_aside,
            )
        )
    return tuple(profiles)


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
        pattern = term_pattern(hit.term)
        wider = next(
            (
                other
                for other in own
                if hit.source is Source.DEFINITION
                and other.owner != hit.owner
                and len(other.found) > len(hit.found)
                and pattern.search(other.found)
            ),
            None,
        )
        if wider is None:
            kept.append(hit)
        else:
            set_aside.append(SetAside(hit, wider))
    return tuple(kept), tuple(set_aside)


_OWN_WORDS = (Source.TEXT, Source.SUB_ITEM, Source.HEADING)


def _hits(passages: Iterable[Passage], vocabulary: Vocabulary) -> list[Hit]:
    hits = []
    for passage in passages:
        for occurrence in vocabulary.find(passage.text.value):
            line, column = passage.locate(occurrence.start)
            hits.append(
                Hit(
                    occurrence.owner,
                    occurrence.term,
                    occurrence.found,
                    passage.source,
                    passage.label,
                    line,
                    column,
                )
            )
    return hits


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
    on_subject = bool(subject_hits) or not profile.needs_subject
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
