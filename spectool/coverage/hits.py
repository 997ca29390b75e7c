"""Find a matrix's row, column and subject terms in the passages of one spec, each passage once."""

from __future__ import annotations

from dataclasses import dataclass

from spectool.coverage.matrix import CoverageMatrix
from spectool.coverage.passages import Passage, Source, SpecPassages
from spectool.coverage.terms import Span, TermSearch, Vocabulary
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


Hits = tuple[list[Hit], list[Hit], list[Hit]]  # (row hits, column hits, subject hits)
ROWS, COLUMNS, SUBJECT_TERMS = 0, 1, 2  # the axes, in that order


class MatrixSearch:
    """A matrix's rows, columns and subject searched in texts, each distinct text once.

    Shared by the specs of one run: two versions of a spec, or a spec and an amendment of it, repeat
    most of their texts.
    """

    def __init__(self, matrix: CoverageMatrix) -> None:
        self.search = TermSearch(
            (
                Vocabulary.of((row.key, row.terms) for row in matrix.rows),
                Vocabulary.of((column.key, column.terms) for column in matrix.columns),
                Vocabulary.of([(SUBJECT, matrix.subject)]),
            )
        )
        self._found: dict[str, tuple[tuple[Span, ...], ...]] = {}

    def spans(self, text: str) -> tuple[tuple[Span, ...], ...]:
        """`TermSearch.spans` of `text`, for rows, columns and subject."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self.search.spans(text)
        return found


class SpecTerms:
    """The hits of a matrix's rows, columns and subject in the clauses of one spec.

    `SpecPassages` hands every clause of a section the same headings, and every clause that uses a
    defined term the same definition: on a large spec most passages are these, so their hits are
    found once, as are those of a text that several sub-items repeat.
    """

    def __init__(self, spec: Spec, matrix: CoverageMatrix, search: MatrixSearch | None = None) -> None:
        self.needs_subject = bool(matrix.subject)
        self._passages = SpecPassages(spec)
        self._matrix_search = MatrixSearch(matrix) if search is None else search
        self._search = self._matrix_search.search
        # By identity; the value holds the block, so its id cannot pass to another object.
        self._shared: dict[int, tuple[tuple[Passage, ...], Hits]] = {}
        self._bearing: list[tuple[int, ...]] | None = None
        self._bearing_any: tuple[int, ...] | None = None

    def hits(self, clause: Clause) -> Hits:
        """The clause's (row hits, column hits, subject hits), passage by passage in their order."""
        passages = self._passages.of(clause)
        hits: Hits = ([], [], [])
        for passage in passages.own:
            self._add(hits, passage)
        for block in passages.shared:
            for into, more in zip(hits, self._block_hits(block), strict=True):
                into.extend(more)
        for passage in passages.notes:
            self._add(hits, passage)
        return hits

    def may_cover(self, clause: Clause) -> bool:
        """False when the clause covers no cell, told without finding its hits.

        A clause covers a cell only if it is a requirement and names a row, a column and (when the
        matrix has one) the subject in its own words, its headings or the definitions it uses. Its
        own words are only tested for the words of the terms, which every occurrence has; the
        headings' and definitions' hits are known once for the whole spec.
        """
        words = self._passages.own_words(clause)
        in_headings: Hits | None = None  # looked up only when its own words do not name an axis
        # The subject first: on a large spec it rules out the most clauses.
        for axis in (SUBJECT_TERMS, COLUMNS, ROWS) if self.needs_subject else (COLUMNS, ROWS):
            if self._search.may_name(words, axis):
                continue
            if in_headings is None:
                in_headings = self._block_hits(self._passages.headings(clause))
            if in_headings[axis]:
                continue
            if not self._passages.uses_any(self._bearing_on(axis), words):
                return False
        # Last: the terms rule out most clauses at less cost than "shall" is looked for.
        return clause.is_requirement

    def own_spans(self, clause: Clause) -> list[tuple[tuple[Span, ...], ...]]:
        """The spans of each of the clause's own texts (its text, its sub-items), axis by axis."""
        texts = [clause.text.value, *(item.text.value for item in clause.all_items())]
        return [self._spans(text) for text in texts]

    def shared_hits(self, clause: Clause) -> tuple[Hits, list[Hits]]:
        """The hits of the clause's headings and of each definition it uses that names a term."""
        # A definition without a term of the matrix adds nothing: only those with one are looked for.
        used = self._passages.used_indexes(clause, self._bearing_on_any())
        return (
            self._block_hits(self._passages.headings(clause)),
            [self._block_hits(self._passages.definition(index)) for index in used],
        )

    def _spans(self, text: str) -> tuple[tuple[Span, ...], ...]:
        return self._matrix_search.spans(text)

    def _bearing_on_any(self) -> tuple[int, ...]:
        """The positions in the glossary of the definitions whose passages name any axis."""
        if self._bearing_any is None:
            self._bearing_any = tuple(
                sorted({index for axis in range(3) for index in self._bearing_on(axis)})
            )
        return self._bearing_any

    def _bearing_on(self, axis: int) -> tuple[int, ...]:
        """The positions in the glossary of the definitions whose passages name `axis`."""
        if self._bearing is None:
            blocks = [self._block_hits(self._passages.definition(index)) for index in self._passages.glossary]
            self._bearing = [
                tuple(
                    index for index, hits in zip(self._passages.glossary, blocks, strict=True) if hits[each]
                )
                for each in (ROWS, COLUMNS, SUBJECT_TERMS)
            ]
        return self._bearing[axis]

    def _block_hits(self, block: tuple[Passage, ...]) -> Hits:
        kept = self._shared.get(id(block))
        if kept is None:
            found: Hits = ([], [], [])
            for passage in block:
                self._add(found, passage)
            kept = self._shared[id(block)] = (block, found)
        return kept[1]

    def _add(self, hits: Hits, passage: Passage) -> None:
        found = self._spans(passage.text.value)
        for into, spans in zip(hits, found, strict=True):
            for owner, term, start, _, words in spans:
                line, column = passage.locate(start)
                into.append(Hit(owner, term, words, passage.source, passage.label, line, column))
