"""What a clause names as `Covering` counts it: the rows and columns of its normative passages.

`assess` needs no more than this of a clause: whether it covers a cell, and the words of its own
text to highlight. Building a `ClauseProfile` (a `Hit` for every term, with its line and column, and
the notes, which cover nothing) for each of the thousands of candidates of a large spec cost three
times as much as finding the terms did.
"""

from __future__ import annotations

from dataclasses import dataclass

from spectool.coverage.hits import COLUMNS, ROWS, SUBJECT_TERMS, Hit, SpecTerms
from spectool.coverage.terms import Span, term_pattern
from spectool.model.document import Clause


@dataclass(frozen=True, slots=True)
class ClauseOwners:
    """The rows and columns a clause's normative passages name, the longer own term winning."""

    clause: Clause
    on_subject: bool  # names the matrix's subject in a normative passage, or the matrix has none
    rows: frozenset[str]
    columns: frozenset[str]
    own_words: frozenset[str]  # every term as its text and sub-items write it: the highlights


def clause_owners(terms: SpecTerms, clause: Clause) -> ClauseOwners:
    """`clause`'s owners, as `_rows_named` and `Covering` would count them from its profile.

    Its requirement is not asked: only clauses that `SpecTerms.may_cover` lets through come here.
    """
    own = terms.own_spans(clause)
    headings, definitions = terms.shared_hits(clause)
    rows = {span[0] for spans in own for span in spans[ROWS]}
    rows.update(hit.owner for hit in headings[ROWS])
    # A definition's row term counts unless the clause's own longer words (text, sub-items,
    # headings) of another row hold it: "Polyphase ESME" absorbs a definition's "ESME".
    wider = [(span[0], span[4]) for spans in own for span in spans[ROWS]]
    wider.extend((hit.owner, hit.found) for hit in headings[ROWS])
    for block in definitions:
        rows.update(hit.owner for hit in block[ROWS] if hit.owner not in rows and not _absorbed(hit, wider))
    columns = {span[0] for spans in own for span in spans[COLUMNS]}
    columns.update(hit.owner for hit in headings[COLUMNS])
    columns.update(hit.owner for block in definitions for hit in block[COLUMNS])
    on_subject = (
        not terms.needs_subject
        or any(spans[SUBJECT_TERMS] for spans in own)
        or bool(headings[SUBJECT_TERMS])
        or any(block[SUBJECT_TERMS] for block in definitions)
    )
    return ClauseOwners(clause, on_subject, frozenset(rows), frozenset(columns), _own_words(own))


def _absorbed(hit: Hit, wider: list[tuple[str, str]]) -> bool:
    """True when one of the clause's own row terms, of another owner, holds `hit`'s term in longer words."""
    pattern = term_pattern(hit.term)
    return any(
        owner != hit.owner and len(found) > len(hit.found) and pattern.search(found) for owner, found in wider
    )


def _own_words(own: list[tuple[tuple[Span, ...], ...]]) -> frozenset[str]:
    return frozenset(span[4] for spans in own for axis in spans for span in axis)
