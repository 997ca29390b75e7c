"""Each clause of a spec read into obligations as a matrix sees them: whom they bind, which columns they name.

References are followed: "Polyphase ESME shall meet clause 5.5.3" binds Polyphase ESME to what 5.5.3
requires of ESME, within a spec and across specs, each clause once however the references loop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction

from spectool.coverage.limits import Limits
from spectool.coverage.obligations import (
    NotApplying,
    Obligation,
    Reading,
    Sentence,
    Unreadable,
    has_modal,
    is_omitted,
    read_sentence,
    split_sentences,
)
from spectool.coverage.scope import MatrixWords
from spectool.coverage.words import Vocabulary, durations
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Section, Spec, SubItem
from spectool.model.numbers import ClauseNumber
from spectool.rules.parameters.quantities import DURATION

# "shall meet clause X", "as set out in Section X of the CHTS": what the actor inherits.
_INHERITS = re.compile(
    r"\b(?:meet|meets|comply\s+with|complies\s+with|set\s+out\s+in|in\s+accordance\s+with|specified\s+in"
    r"|required\s+by|described\s+in)\s+(?:(?:every|each|all|the)\s+(?:requirements?\s+)?(?:of|in)\s+)?"
    r"(?P<label>clause|section)s?\s+(?P<number>\d+(?:\.\d+)*)"
    r"(?:\s+of\s+(?:the\s+)?(?P<spec>[A-Z][A-Za-z0-9]*))?",
    re.IGNORECASE,
)


# What every reference holds: "clause 5" or "sections 4.3", looked for on lower-case ASCII text,
# where the engine skips to each "c" and "s" instead of trying every verb at every position.
_NUMBERED = re.compile(r"(?:clause|section)s?\s+[0-9]")
# _INHERITS up to the number, on lower-case ASCII text: each verb's first letter, then the word start.
_INHERITS_LOWER = re.compile(
    r"(?:m(?<!\w.)eets?|c(?<!\w.)ompl(?:y|ies)\s+with|s(?<!\w.)(?:et\s+out|pecified)\s+in"
    r"|i(?<!\w.)n\s+accordance\s+with|r(?<!\w.)equired\s+by|d(?<!\w.)escribed\s+in)"
    r"\s+(?:(?:every|each|all|the)\s+(?:requirements?\s+)?(?:of|in)\s+)?(?:clause|section)s?\s+\d"
)


def _refers(text: str) -> bool:
    """True when `text` inherits by reference ("shall meet clause X"); most texts are ruled out by
    looking for a numbered clause or section (or, outside ASCII, the letters of "clause" and
    "section") before the pattern runs."""
    lowered = text.lower()
    if text.isascii():
        return _NUMBERED.search(lowered) is not None and _INHERITS_LOWER.search(lowered) is not None
    return ("clau" in lowered or "ect" in lowered) and _INHERITS.search(text) is not None


_ITEM_END = re.compile(r"[;,]\s*(?:and|or)?\s*$")  # "; and" ending a sub-item
_SHORTER = re.compile(rf"\b(?:shorter|less|briefer)\s+than\s+{DURATION}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Judged:
    """One obligation as a matrix sees it: the rows it binds and the columns its action names."""

    clause: str  # the clause that states it, or that inherits it by reference
    sentence: Sentence
    obligation: Obligation
    family: frozenset[str]  # every row its actor may stand for
    scope: frozenset[str]  # the rows it binds
    columns: frozenset[str]  # named in its action and conditions
    excepted: frozenset[str]  # named in its exceptions
    contexts: frozenset[str]  # rows whose context words it uses
    on_subject: bool
    durations: tuple[Fraction, ...]
    conflicts: tuple[str, ...] = ()  # keys of the columns whose parameter its durations contradict
    via: tuple[str, ...] = ()  # the clauses it came through: ("5.5.3",), ("CHTS@1.5 4.4.2",)
    inheritor: Obligation | None = None  # the referring obligation, when inherited
    inherits: bool = False  # its action refers to clauses whose obligations it inherits

    def binds(self, row: str, context_rows: frozenset[str]) -> bool:
        return row in self.scope and (row not in context_rows or row in self.contexts)

    @property
    def decides(self) -> bool:
        """It can decide a cell: it is on the subject and names a column."""
        return self.on_subject and bool(self.columns or self.excepted)


@dataclass(frozen=True, slots=True)
class Mention:
    """A clause (or a definition) that names a row and a column, on the subject, without binding anyone."""

    clause: str
    rows: frozenset[str]
    columns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Unread:
    """A requirement sentence the reader could not read, that names a column of the matrix."""

    clause: str
    sentence: Sentence
    reason: str
    rows: frozenset[str]
    columns: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Core:
    """What an obligation's words say to a matrix, whatever clause it stands in."""

    columns: frozenset[str]
    excepted: frozenset[str]
    contexts: frozenset[str]
    on_subject: bool
    durations: tuple[Fraction, ...]
    inherits: bool
    conflicts: tuple[str, ...]  # the columns whose parameter its durations contradict


class SpecJudge:
    """The obligations, mentions and unreadable sentences of one spec, for one matrix."""

    def __init__(
        self,
        spec: Spec,
        words: MatrixWords,
        limits: Limits,
        corpus: Corpus | None = None,
        *,
        thorough: bool = False,
        judges: dict[int, SpecJudge] | None = None,
    ) -> None:
        self.spec = spec
        # Thorough: read every clause that names a column, for --explain; else only those that can
        # decide a cell (on the subject) or that inherit by reference.
        self.thorough = thorough
        self.words = words
        self.limits = limits
        self._corpus = corpus
        self._own: dict[int, tuple[Judged, ...]] = {}
        self._closure: dict[int, tuple[Judged, ...]] = {}
        self._active: set[int] = set()
        self._unread: dict[int, tuple[Unread, ...]] = {}
        self._others: dict[str, SpecJudge] = {}
        # Every judge of this run by its spec (id, the spec being alive in the corpus): a loop of
        # references across specs meets the same judge again, which ends it as within a spec.
        self._judges = judges if judges is not None else {}
        self._judges.setdefault(id(spec), self)
        self.sections = tuple(
            (section, block) for section in spec.sections for block in section.blocks if type(block) is Clause
        )
        self._section_of = {id(clause): section for section, clause in self.sections}
        self._headings: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._narrowed: dict[int, str | None] = {}
        self._under: dict[str, list[Clause]] | None = None
        self._referred: dict[tuple[str, str], list[Clause]] = {}
        self._deciding: dict[tuple[str, str], tuple[tuple[str, Judged], ...]] = {}
        self._not_applying = self._find_not_applying()
        # (columns, conflict columns) an inherited obligation must name to be kept; None: all.
        self._inheriting: tuple[frozenset[str], frozenset[str]] | None = None

    def clauses(self) -> Iterator[Clause]:
        return (clause for _, clause in self.sections)

    def obligations(self, clause: Clause) -> tuple[Judged, ...]:
        """Its own obligations and those it inherits by reference."""
        key = id(clause)
        found = self._closure.get(key)
        if found is not None:
            return found
        own = self.own(clause)
        for judged in own:
            if judged.inherits and judged.scope and judged.inheritor is None:
                break
        else:
            found = self._closure[key] = own  # it refers to nothing: it inherits nothing
            return found
        if key in self._active:
            return own  # a loop of references: what the clause says itself is all it adds
        self._active.add(key)
        # The first of the inherited obligations that bind the same rows to the same columns the
        # same way is kept; the others are told apart before they are built.
        seen: set[tuple[object, ...]] = set()
        try:
            inherited = tuple(each for judged in own for each in self._inherit(judged, seen))
        finally:
            self._active.discard(key)
        found = self._closure[key] = own + inherited if inherited else own
        return found

    def inherit_only(self, columns: frozenset[str], conflicts: frozenset[str]) -> None:
        """From here on, inherit only obligations that name one of `columns`, or whose durations
        conflict in one of `conflicts`: the others cannot change a cell (`_Findings._open`)."""
        self._inheriting = (columns, conflicts)

    def own(self, clause: Clause) -> tuple[Judged, ...]:
        found = self._own.get(id(clause))
        if found is None:
            found = self._own[id(clause)] = self._read(clause)
        return found

    def unread(self, clause: Clause) -> tuple[Unread, ...]:
        self.own(clause)
        return self._unread.get(id(clause), ())

    def mentions(
        self, columns: Vocabulary | None = None, rows: frozenset[str] | None = None
    ) -> Iterator[Mention]:
        """The rows and columns (of `columns`, else all) that each clause's text, notes, tables and
        headings name, on the subject; clauses that name no column are ruled out in one pass.
        With `rows`, only the mentions that name one of them."""
        columns = columns or self.words.columns
        # "Not used (formerly ...)": what it once said is gone.
        clauses = [clause for clause in self.clauses() if not is_omitted(clause.text.value)]
        texts = [self._mention_text(clause) for clause in clauses]
        arounds = [self._heading_text(self._section(clause)) for clause in clauses]
        headings = list(dict.fromkeys(arounds))
        heading_names = dict(zip(headings, columns.naming(headings), strict=True))
        for clause, text, around, names in zip(clauses, texts, arounds, columns.naming(texts), strict=True):
            if names or heading_names[around]:
                found = self._mention(clause.id, text, around, columns, rows)
                if found is not None:
                    yield found

    def _read_text(self, clause: Clause) -> str:
        full = self._full_text(clause)
        if clause.tables:
            full += " " + " ".join(" ".join(row) for table in clause.tables for row in table.rows)
        return full

    def _mention_text(self, clause: Clause) -> str:
        text = self._full_text(clause)
        if clause.attachments:
            parts = [text, *(note.text.flat for note in clause.notes)]
            parts.extend("; ".join(row) for table in clause.tables for row in table.rows)
            text = "\n".join(parts)
        return text

    def _full_text(self, clause: Clause) -> str:
        """The clause and its sub-items as one string, joined once (it is read and looked through)."""
        found = self._full.get(id(clause))
        if found is None:
            found = self._full[id(clause)] = clause.full_text
        return found

    def definition_mentions(
        self, columns: Vocabulary | None = None, rows: frozenset[str] | None = None
    ) -> Iterator[Mention]:
        vocabulary = columns or self.words.columns
        for definition in self.spec.definitions():
            label = f'definition of "{definition.term}"'
            found = self._mention(label, definition.text.flat, definition.term, vocabulary, rows)
            if found is not None:
                yield found

    def _mention(
        self, label: str, text: str, around: str, vocabulary: Vocabulary, wanted: frozenset[str] | None
    ) -> Mention | None:
        words = self.words
        whole = f"{text}\n{around}"
        # The actors first where only some rows are wanted: most texts name none of theirs, which
        # their own terms' one pattern tells.
        if wanted is not None and not words.actors_of(wanted).names(whole):
            return None
        actors = words.scope(term for _, term, *_ in words.actors.find(whole))
        if wanted is not None and wanted.isdisjoint(actors):
            return None
        if words.matrix.subject and not words.subject.names(whole):
            return None
        columns = vocabulary.owners(whole)
        if not columns:
            return None
        contexts = words.contexts.owners(whole)
        rows = frozenset(row for row in actors if row not in words.context_rows or row in contexts)
        return Mention(label, rows, columns) if rows else None

    def _read(self, clause: Clause) -> tuple[Judged, ...]:
        if is_omitted(clause.text.value):
            return ()
        words = self.words
        full = self._read_text(clause)
        # Read when it names a column on the subject, or else when it refers to another clause. The
        # subject's few terms are the quicker search, and most clauses that fail, fail on them.
        on_subject = (not words.matrix.subject or words.subject.names(full)) and words.columns.names(full)
        # Its unreadable sentences count only where a cell's rules read it, for an explanation too:
        # off the subject, it is read for the explanation's verdicts alone.
        counted = on_subject or _refers(full)
        if not counted and not (self.thorough and words.columns.names(full)):
            return ()  # it can decide no cell, and inherits nothing
        judged: list[Judged] = []
        unread: list[Unread] = []
        clause_id = clause.id
        left_out = list(self._not_applying.get(clause_id, ()))
        # (text, where, line) and its readings; a Sentence is built only for what is kept.
        read = [(place, self._readings(place[0])) for place in _sentences(clause)]
        left_out.extend(
            term
            for _, readings in read
            for reading in readings
            if isinstance(reading, NotApplying) and not reading.target
            for term in reading.actors
        )
        narrowed = self._narrowed_row(self._section(clause))
        leaving = tuple(left_out)
        thorough = self.thorough
        for place, readings in read:
            sentence: Sentence | None = None
            for reading in readings:
                if isinstance(reading, Obligation):
                    core = self._core(reading)
                    # Kept when it can decide a cell or inherits by reference; for an explanation,
                    # also when it names a column off the subject.
                    if (
                        core.inherits
                        or (core.on_subject and (core.columns or core.excepted))
                        or (thorough and core.columns)
                    ):
                        sentence = sentence or Sentence(*place)
                        judged.append(self._judge(clause_id, sentence, reading, leaving, narrowed))
                elif isinstance(reading, Unreadable) and counted:
                    columns = words.columns.owners(place[0])
                    if columns:
                        rows = words.scope(term for _, term, *_ in words.actors.find(place[0]))
                        sentence = sentence or Sentence(*place)
                        unread.append(Unread(clause_id, sentence, reading.reason, rows, columns))
        if unread:
            self._unread[id(clause)] = tuple(unread)
        return tuple(judged)

    def _readings(self, text: str) -> list[Reading]:
        cache = self.words.readings
        found = cache.get(text)
        if found is None:
            found = cache[text] = read_sentence(text, self.words.actors)
        return found

    def _core(self, obligation: Obligation) -> _Core:
        # Its words alone decide it, not its actor or modality: the same action is judged once for
        # every actor that owes it.
        key = (obligation.lead, obligation.action, obligation.exceptions)
        cache = self.words.cores
        found = cache.get(key)
        if found is None:
            words = self.words
            body = f"{obligation.lead} {obligation.action}" if obligation.lead else obligation.action
            excepted = " ".join(obligation.exceptions)
            columns = words.columns.owners(body) | self._timed_columns(body)
            stated = durations(body)
            conflicts: tuple[str, ...] = ()
            if stated and columns:
                spaced = f"{obligation.lead} {obligation.action}"
                conflicts = self.limits.conflicts(words.matrix, columns, spaced, stated)
            found = cache[key] = _Core(
                columns=columns,
                excepted=words.columns.owners(excepted) if excepted else frozenset(),
                contexts=words.contexts.owners(body) if words.context_rows else frozenset(),
                on_subject=not words.matrix.subject or words.subject.names(body),
                durations=stated,
                inherits=_refers(obligation.action),
                conflicts=conflicts,
            )
        return found

    def _timed_columns(self, body: str) -> frozenset[str]:
        """The columns of a duration that `body` bounds with another value.

        "a loss of power shorter than 10 minutes", or the parameter's own phrase with another value
        ("without power for 2 minutes"), speaks of the column whose term is the 3-minute delay: it is
        named, so that the disagreement shows as a conflict instead of vanishing.
        """
        found = []
        shorter: bool | None = None
        for column in self.words.timed_columns:
            if shorter is None:
                shorter = "than" in body.lower() and _SHORTER.search(body) is not None
            limit = self.limits.by_name.get(column.parameter)
            if shorter or (limit is not None and any(True for _ in limit.table.statements(body))):
                found.append(column.key)
        return frozenset(found)

    def _judge(
        self,
        clause: str,
        sentence: Sentence,
        obligation: Obligation,
        left_out: tuple[str, ...],
        narrowed: str | None,
    ) -> Judged:
        words = self.words
        core = self._core(obligation)
        family = words.family(obligation.actors)
        scope = words.scope(obligation.actors)
        if narrowed is not None and narrowed in family:
            family = scope = frozenset({narrowed})  # "ESME" in a section the matrix gives to one variant
        if obligation.except_actors or left_out:
            removed = words.family((*obligation.except_actors, *left_out))
            scope, family = scope - removed, family - removed
        return Judged(
            clause,
            sentence,
            obligation,
            family,
            scope,
            core.columns,
            core.excepted,
            core.contexts,
            core.on_subject,
            core.durations,
            core.conflicts,
            inherits=core.inherits,
        )

    def _inherit(self, judged: Judged, seen: set[tuple[object, ...]]) -> Iterator[Judged]:
        if judged.inheritor is not None or not judged.scope or not judged.inherits:
            return
        referring = judged.obligation
        binding = referring.modality.binding
        for match in _INHERITS.finditer(referring.action):
            judge = self._judge_for(match["spec"])
            if judge is None:
                continue
            prefix = "" if judge is self else f"{judge.spec.key} "
            for target, each in judge._deciding_in(match["label"].lower(), match["number"]):
                scope = judged.scope & each.family
                if not scope:
                    continue
                obligation = each.obligation
                modality = obligation.modality if binding else referring.modality
                contexts = each.contexts | judged.contexts
                distinct = (scope, modality, each.columns, each.excepted, contexts, each.conflicts)
                if distinct in seen:
                    continue
                seen.add(distinct)
                if obligation.modality is not modality:
                    obligation = replace(obligation, modality=modality)
                yield Judged(
                    judged.clause,
                    each.sentence,
                    obligation,
                    judged.family & each.family,
                    scope,
                    each.columns,
                    each.excepted,
                    contexts,
                    each.on_subject,
                    each.durations,
                    each.conflicts,
                    (f"{prefix}{target}", *each.via),
                    referring,
                )

    def _judge_for(self, name: str | None) -> SpecJudge | None:
        if name is None or name.upper() == self.spec.name.upper():
            return self
        if self._corpus is None:
            return None
        judge = self._others.get(name.upper())
        if judge is None:
            specs = [spec for spec in self._corpus if spec.name.upper() == name.upper()]
            if not specs:
                return None
            judge = self._judges.get(id(specs[-1]))
            if judge is None:
                judge = SpecJudge(
                    specs[-1],
                    self.words,
                    self.limits,
                    self._corpus,
                    thorough=self.thorough,
                    judges=self._judges,
                )
                if self._inheriting is not None:
                    judge.inherit_only(*self._inheriting)
            self._others[name.upper()] = judge
        return judge

    def _deciding_in(self, label: str, number: str) -> tuple[tuple[str, Judged], ...]:
        """(clause id, obligation) of every obligation of the clauses a reference names that can
        decide a cell: most references are met again, and most of what they name decides nothing."""
        key = (label, number)
        found = self._deciding.get(key)
        if found is not None:
            return found
        targets = self._targets(label, number)
        inheriting = self._inheriting
        found = tuple(
            (target.id, each)
            for target in targets
            for each in self.obligations(target)
            if each.decides
            and (
                inheriting is None
                or not inheriting[0].isdisjoint(each.columns)
                or not inheriting[0].isdisjoint(each.excepted)
                or not inheriting[1].isdisjoint(each.conflicts)
            )
        )
        # A target still being read (a loop of references) gave only its own obligations this time;
        # the next time it gives them all, so the list is kept only when every target is done.
        closure = self._closure
        if all(id(target) in closure for target in targets):
            self._deciding[key] = found
        return found

    def _targets(self, label: str, number: str) -> list[Clause]:
        """The clauses a reference names: the clause itself, or every clause under a section."""
        key = (label, number)
        found = self._referred.get(key)
        if found is None:
            found = self._referred[key] = self._find_targets(label, number)
        return found

    def _find_targets(self, label: str, number: str) -> list[Clause]:
        if label == "clause":
            found = self.spec.clause(number)
            if found is not None:
                return [found]
        if self._under is None:
            self._under = {}
            for clause in self.clauses():
                above = clause.id
                while (cut := above.rfind(".")) != -1:
                    above = above[:cut]
                    self._under.setdefault(above, []).append(clause)
        return self._under.get(number, [])

    def _section(self, clause: Clause) -> Section:
        section = self._section_of.get(id(clause))
        return section if section is not None else self.spec.section_of(clause)

    def _heading_text(self, section: Section) -> str:
        found = self._headings.get(id(section))
        if found is None:
            titles = []
            number: ClauseNumber | None = section.number
            while number is not None:
                heading = self.spec.section(number)
                if heading is not None:
                    titles.append(heading.title)
                number = number.parent
            found = self._headings[id(section)] = "\n".join(titles)
        return found

    def _narrowed_row(self, section: Section) -> str | None:
        if id(section) not in self._narrowed:
            row = self.words.narrowed(self.spec.key, str(section.number))
            self._narrowed[id(section)] = row.key if row is not None else None
        return self._narrowed[id(section)]

    def _find_not_applying(self) -> dict[str, list[str]]:
        """ "Clause 5.5.3 does not apply to Polyphase ESME", wherever it stands: clause -> actors left out."""
        found: dict[str, list[str]] = {}
        for _, clause in self.sections:
            if "apply" not in clause.text.value:
                continue
            for sentence in split_sentences(clause.text.value):
                for reading in self._readings(sentence):
                    if isinstance(reading, NotApplying) and reading.target:
                        found.setdefault(reading.target, []).extend(reading.actors)
        return found


def _sentences(clause: Clause) -> Iterator[tuple[str, str, int]]:
    """(text, where, line) of the clause's sentences; a lead-in ending in ":" is read with each
    sub-item, a table with each row."""
    sentences = split_sentences(clause.text.value)
    line = clause.position.line
    for index, text in enumerate(sentences):
        if index == len(sentences) - 1 and clause.items and text.endswith(":"):
            yield from _items(text[:-1], clause.items)
            continue
        yield (text, "its text", line)
        if clause.tables and "table" in text.lower() and has_modal(text):
            for table in clause.tables:
                for number, row in enumerate(table.rows, start=1):
                    where = f"table row {number}"
                    yield (f"{text.rstrip('.')} ({'; '.join(row)}).", where, table.position.line)
    if clause.items and not clause.text.value.rstrip().endswith(":"):
        yield from _items("", clause.items)


def _items(lead: str, items: tuple[SubItem, ...]) -> Iterator[tuple[str, str, int]]:
    for item in items:
        text = _ITEM_END.sub("", " ".join(item.text.flat.split())).rstrip(".:")
        # A sub-item with a modal verb of its own is a sentence of its own: "(a) ESME shall ...".
        joined = text if has_modal(text) or not lead else f"{lead} {text}"
        if item.items:
            yield from _items(joined, item.items)
        else:
            yield (joined, f"sub-item ({item.label})", item.position.line)
