"""Fill a matrix for one spec version from its obligations: each cell covered, excluded, mentioned, in
conflict, a gap, or not applicable, with the sentences that decide it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from spectool.coverage.judge import Judged, Mention, SpecJudge, Unread
from spectool.coverage.limits import Limits
from spectool.coverage.matrix import Column, CoverageMatrix, Row
from spectool.coverage.scope import MatrixWords
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Spec, SubItem


class Status(StrEnum):
    COVERED = "covered"
    CONFLICTING = "conflicting"
    EXCLUDED = "excluded"
    MENTIONED = "mentioned only"
    GAP = "gap"
    NOT_APPLICABLE = "n/a"

    @property
    def uncovered(self) -> bool:
        """A cell the matrix needs that no requirement covers: a gap, or words that bind no one."""
        return self in (Status.GAP, Status.MENTIONED)


LEGEND: dict[Status, str] = {
    Status.COVERED: "an obligation (shall, must, shall not) on the row's device in the column's scenario",
    Status.CONFLICTING: "an obligation covers it, but states a duration the shared parameter contradicts",
    Status.EXCLUDED: "an explicit permission or exception for the cell (may, need not, except, other than)",
    Status.MENTIONED: "named only by notes, headings, definitions or sentences that bind no one to it",
    Status.GAP: "nothing in the spec speaks of the cell",
    Status.NOT_APPLICABLE: "the matrix says the cell needs no requirement, and why",
}


class Verdict(StrEnum):
    """What one sentence does for one cell."""

    COVERS = "covers"
    CONFLICTS = "conflicts"
    EXCLUDES = "excludes"
    MENTIONS = "mentions only"
    UNREADABLE = "unreadable"
    OFF_SUBJECT = "off subject"  # binds the row to the column's scenario, but not on the matrix's subject
    OTHER_ACTOR = "other actor"  # names the column, binds another device (or no one in the matrix)
    OTHER_SCENARIO = "other scenario"  # binds the row to something else


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence's verdict on a cell: quoted, with its actor, modality, scope, conditions and exceptions."""

    clause: str
    verdict: Verdict
    sentence: str
    where: str  # "its text", "sub-item (a)", "table row 1", "heading", "definition of ..."
    line: int
    actor: str = ""
    modality: str = ""
    action: str = ""  # what the modal verb requires, permits or frees from
    scope: tuple[str, ...] = ()  # the row keys it binds
    conditions: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    via: tuple[str, ...] = ()  # the clauses it is inherited through
    reason: str = ""  # for an unreadable sentence: why


@dataclass(frozen=True, slots=True)
class Cell:
    row: str
    column: str
    status: Status
    clauses: tuple[str, ...] = ()  # the ids of the clauses that decide it (none for a gap)
    reason: str = ""  # why it is not applicable
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A clause cited by a cell as a reader needs it: its id, heading, text and the words that matched."""

    clause: str
    heading: str
    line: int
    lines: tuple[tuple[int, str], ...]  # (depth, text): the clause, then "(a) ..." at depth 1, ...
    highlights: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SpecCoverage:
    """One matrix filled in for one spec version, over the rows that spec is responsible for."""

    matrix: CoverageMatrix
    spec: str
    version: str
    path: str
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]
    excerpts: tuple[Excerpt, ...]
    amended_by: str = ""  # the amendment applied to the spec first, if any
    unread: tuple[Unread, ...] = ()  # requirement sentences naming a column that could not be read

    @property
    def key(self) -> str:
        return f"{self.spec}@{self.version}"

    @property
    def title(self) -> str:
        """`SMETS2@4.2`, or `SMETS2@4.2 as amended by MP102A`."""
        return f"{self.key} as amended by {self.amended_by}" if self.amended_by else self.key

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.matrix.columns

    def cell(self, row: str, column: str) -> Cell:
        for cell in self.cells:
            if (cell.row, cell.column) == (row, column):
                return cell
        raise KeyError(f"{self.key} has no cell {row} x {column}")

    @property
    def gaps(self) -> tuple[Cell, ...]:
        """The cells the matrix needs that no requirement covers (gaps and mentioned-only cells)."""
        return tuple(cell for cell in self.cells if cell.status.uncovered)

    def excerpt(self, clause: str) -> Excerpt | None:
        return next((excerpt for excerpt in self.excerpts if excerpt.clause == clause), None)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Every sentence's verdict on one cell of one spec version (`spectool coverage --explain`)."""

    matrix: CoverageMatrix
    spec: str  # NAME@VERSION
    path: str
    row: Row
    column: Column
    cell: Cell
    decisions: tuple[Evidence, ...]  # the sentences that bind the row or name the column
    unrelated: int  # how many other clauses do neither


class Assessor:
    """What filling a matrix needs besides the spec: its words, the parameters' values, the corpus."""

    def __init__(
        self, matrix: CoverageMatrix, limits: Limits | None = None, corpus: Corpus | None = None
    ) -> None:
        self.matrix = matrix
        self.words = MatrixWords(matrix)
        self.limits = limits or Limits()
        self.corpus = corpus  # for references to other specs

    def judge(self, spec: Spec, *, thorough: bool = False) -> SpecJudge:
        return SpecJudge(spec, self.words, self.limits, self.corpus, thorough=thorough)


def assess(
    spec: Spec,
    matrix: CoverageMatrix,
    *,
    amended_by: str = "",
    assessor: Assessor | None = None,
    excerpts: bool = True,
) -> SpecCoverage:
    """The matrix filled in for `spec`; without `excerpts`, the cited clauses' texts are left out
    (a report shows them, a rule does not: on a large spec thousands of clauses are cited)."""
    assessor = assessor or Assessor(matrix)
    judge = assessor.judge(spec)
    rows = matrix.rows_for(spec.name)
    findings = _Findings(judge, rows)
    cells = tuple(findings.cell(row, column) for row in rows for column in matrix.columns)
    cited = {clause for cell in cells for clause in cell.clauses} if excerpts else set()
    texts = tuple(_excerpt(judge, clause) for clause in judge.clauses() if clause.id in cited)
    return SpecCoverage(
        matrix, spec.name, spec.version, spec.path, rows, cells, texts, amended_by, findings.unread
    )


def assess_all(
    specs: Iterable[Spec], matrix: CoverageMatrix, *, amended_by: str = "", assessor: Assessor | None = None
) -> tuple[SpecCoverage, ...]:
    """The matrix for each spec version responsible for at least one of its rows."""
    assessor = assessor or Assessor(matrix)
    return tuple(
        assess(spec, matrix, amended_by=amended_by, assessor=assessor)
        for spec in specs
        if matrix.rows_for(spec.name)
    )


def explain(
    spec: Spec, matrix: CoverageMatrix, row: Row, column: Column, *, assessor: Assessor | None = None
) -> Explanation:
    """Why the cell (row, column) of `spec` is what it is, sentence by sentence."""
    assessor = assessor or Assessor(matrix)
    judge = assessor.judge(spec, thorough=True)
    findings = _Findings(judge, matrix.rows_for(spec.name))
    cell = findings.cell(row, column)
    decisions: list[Evidence] = []
    related: set[str] = set()
    for clause in judge.clauses():
        for judged in judge.obligations(clause):
            verdict = findings.verdict(judged, row.key, column.key)
            if verdict is not None:
                decisions.append(_evidence(judged, verdict))
                related.add(clause.id)
        for unread in judge.unread(clause):
            if column.key in unread.columns:
                decisions.append(_unread_evidence(unread))
                related.add(clause.id)
    for mention in findings.mentions:
        if row.key in mention.rows and column.key in mention.columns and mention.clause not in related:
            decisions.append(Evidence(mention.clause, Verdict.MENTIONS, "", "its text, notes or headings", 0))
            related.add(mention.clause)
    # The nearest to deciding first; what a clause says itself before what it inherits.
    decisions.sort(key=lambda evidence: (_VERDICT_ORDER.index(evidence.verdict), bool(evidence.via)))
    total = sum(1 for _ in spec.clauses())
    return Explanation(
        matrix, spec.key, spec.path, row, column, cell, tuple(decisions), total - len(related & _ids(spec))
    )


_VERDICT_ORDER = tuple(Verdict)


def _ids(spec: Spec) -> set[str]:
    return {clause.id for clause in spec.clauses()}


class _Findings:
    """Each cell's deciding sentences, from every obligation of the spec that binds one of its rows."""

    def __init__(self, judge: SpecJudge, rows: tuple[Row, ...]) -> None:
        self.judge = judge
        matrix = judge.words.matrix
        self.context_rows = frozenset(row.key for row in matrix.rows if row.context)
        self.rows = rows
        self.by_cell: dict[tuple[str, str], list[tuple[Verdict, Judged]]] = {}
        self.wanted = frozenset(row.key for row in rows)
        unread: list[Unread] = []
        # What each clause says itself first, then what it inherits: an inherited obligation shows
        # only where no clause's own words decide the cell, so only what can still change a cell is
        # inherited (the judge is told which columns those are); the explanation inherits everything.
        owns = []
        for clause in judge.clauses():
            own = judge.own(clause)
            for judged in own:
                self._add(judged)
            owns.append((clause, len(own)))
            unread.extend(judge.unread(clause))
        if not judge.thorough:
            judge.inherit_only(*self._open(matrix))
        for clause, count in owns:
            for judged in judge.obligations(clause)[count:]:
                self._add(judged)
        self.unread = tuple(unread)
        self._mentions: tuple[Mention, ...] | None = None

    def _add(self, judged: Judged) -> None:
        if not judged.decides:
            return
        for row in judged.scope & self.wanted:
            if not judged.binds(row, self.context_rows):
                continue
            for column in judged.columns | judged.excepted:
                verdict = self._verdict(judged, column)
                if verdict is not None:
                    self.by_cell.setdefault((row, column), []).append((verdict, judged))

    def _open(self, matrix: CoverageMatrix) -> tuple[frozenset[str], frozenset[str]]:
        """The columns an inherited obligation can still decide: those where a row has no covering
        (or conflicting) obligation of the spec's own, and those where a row's own cover is no
        conflict, which an inherited conflict would turn into one."""
        columns: list[str] = []
        conflicts: list[str] = []
        for column in matrix.columns:
            verdicts = [
                {verdict for verdict, _ in self.by_cell.get((row.key, column.key), ())}
                for row in self.rows
                if matrix.not_applicable_reason(row, column) is None
            ]
            if any(not each & _BINDING for each in verdicts):
                columns.append(column.key)
            elif any(Verdict.CONFLICTS not in each for each in verdicts):
                conflicts.append(column.key)
        return frozenset(columns), frozenset(conflicts)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """What names the cells that no obligation decides; only their columns are looked for."""
        if self._mentions is None:
            matrix = self.judge.words.matrix
            open_columns = {
                column.key
                for row in self.rows
                for column in matrix.columns
                if matrix.not_applicable_reason(row, column) is None
                and not any(
                    verdict in _DECIDING for verdict, _ in self.by_cell.get((row.key, column.key), ())
                )
            }
            found: list[Mention] = []
            if open_columns:
                columns = self.judge.words.columns_of(frozenset(open_columns))
                # A cell asks only for its own row; the explanation of any row, for every mention.
                rows = None if self.judge.thorough else self.wanted
                found = list(self.judge.mentions(columns, rows))
                found.extend(self.judge.definition_mentions(columns, rows))
            self._mentions = tuple(found)
        return self._mentions

    @staticmethod
    def _verdict(judged: Judged, column: str) -> Verdict | None:
        if column in judged.columns and judged.obligation.modality.binding:
            return Verdict.CONFLICTS if column in judged.conflicts else Verdict.COVERS
        if column in judged.columns or column in judged.excepted:
            return Verdict.EXCLUDES
        return None

    def verdict(self, judged: Judged, row: str, column: str) -> Verdict | None:
        """One obligation's verdict on (row, column); None if it neither binds the row nor names it."""
        binds = judged.binds(row, self.context_rows)
        names = column in judged.columns or column in judged.excepted
        if binds and names:
            return self._verdict(judged, column) if judged.on_subject else Verdict.OFF_SUBJECT
        if names and judged.on_subject:
            return Verdict.OTHER_ACTOR
        if binds and judged.on_subject:
            return Verdict.OTHER_SCENARIO
        return None

    def cell(self, row: Row, column: Column) -> Cell:
        matrix = self.judge.words.matrix
        reason = matrix.not_applicable_reason(row, column)
        if reason is not None:
            return Cell(row.key, column.key, Status.NOT_APPLICABLE, reason=reason)
        found = self.by_cell.get((row.key, column.key), [])
        for verdict, status in _PRECEDENCE:
            deciding = [judged for each, judged in found if each is verdict]
            # What a clause says itself decides; one inherited by reference only where nothing does.
            deciding = [judged for judged in deciding if not judged.via] or deciding
            if deciding:
                evidence = tuple(_evidence(judged, verdict) for judged in deciding)
                return Cell(
                    row.key, column.key, status, _unique(judged.clause for judged in deciding), "", evidence
                )
        unread = [each for each in self.unread if column.key in each.columns and row.key in each.rows]
        mentioned = [m for m in self.mentions if row.key in m.rows and column.key in m.columns]
        if unread or mentioned:
            evidence = tuple(_unread_evidence(each) for each in unread) + tuple(
                Evidence(m.clause, Verdict.MENTIONS, "", "its text, notes or headings", 0) for m in mentioned
            )
            clauses = _unique([*(each.clause for each in unread), *(m.clause for m in mentioned)])
            return Cell(row.key, column.key, Status.MENTIONED, clauses, "", evidence)
        return Cell(row.key, column.key, Status.GAP)


_DECIDING = (Verdict.CONFLICTS, Verdict.COVERS, Verdict.EXCLUDES)
_BINDING = frozenset({Verdict.CONFLICTS, Verdict.COVERS})
_PRECEDENCE = (
    (Verdict.CONFLICTS, Status.CONFLICTING),
    (Verdict.COVERS, Status.COVERED),
    (Verdict.EXCLUDES, Status.EXCLUDED),
)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _evidence(judged: Judged, verdict: Verdict) -> Evidence:
    obligation = judged.obligation
    sentence = judged.sentence
    return Evidence(
        clause=judged.clause,
        verdict=verdict,
        sentence=sentence.text,
        where=sentence.where,
        line=sentence.line,
        actor=(judged.inheritor or obligation).actor or ", ".join(obligation.actors),
        modality=obligation.modality.value,
        action=obligation.action,
        scope=tuple(sorted(judged.scope)),
        conditions=obligation.conditions,
        exceptions=obligation.exceptions,
        via=judged.via,
    )


def _unread_evidence(unread: Unread) -> Evidence:
    sentence = unread.sentence
    return Evidence(
        unread.clause, Verdict.UNREADABLE, sentence.text, sentence.where, sentence.line, reason=unread.reason
    )


def _excerpt(judge: SpecJudge, clause: Clause) -> Excerpt:
    spec = judge.spec
    section = spec.section_of(clause)
    lines = [(0, clause.text.flat), *_item_lines(clause.items, 1)]
    highlights: set[str] = set()
    for _, text in lines:
        for vocabulary in (judge.words.columns, judge.words.actors, judge.words.subject):
            # Most lines name few of the vocabularies: `names` rules one out before `find` runs.
            if vocabulary.names(text):
                for _, _, start, end in vocabulary.find(text):
                    highlights.add(" ".join(text[start:end].split()))
    return Excerpt(
        clause=clause.id,
        heading=f"{section.number} {section.title}",
        line=clause.position.line,
        lines=tuple(lines),
        highlights=tuple(sorted(highlights, key=lambda word: (word.casefold(), word))),
    )


def _item_lines(items: tuple[SubItem, ...], depth: int) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for item in items:
        lines.append((depth, f"({item.label}) {item.text.flat}"))
        lines.extend(_item_lines(item.items, depth + 1))
    return lines
