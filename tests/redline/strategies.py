"""Hypothesis strategies: a small spec and a second version of it with random edits, as a drafter makes
them (rewording, inserting, deleting and moving clauses, sub-items, notes, table rows, definitions)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hypothesis import strategies as st

from spectool.model.document import Clause, Definition, Note, Section, Spec, SubItem, Table, Text
from spectool.model.numbers import ClauseNumber

# Words with the characters that need care: XML specials, quotes, a tab, a control character.
VOCABULARY = (
    "ESME GSME shall supply power to the Communications Hub during a firmware upgrade Supply Outage "
    "alert 3 minutes not without Section clause 5.7.1 of CHTS and, (including) & < > \" ' ; é"
)
WORDS = [*VOCABULARY.split(), "\t", "bell\x07", "a&b", "<w:t>", "x]]>"]
LETTERS = "abcdefgh"


@dataclass
class ClauseDraft:
    text: str
    items: list[str] = field(default_factory=list)
    note: str | None = None
    rows: list[tuple[str, str]] | None = None


@dataclass
class SectionDraft:
    title: str
    clauses: list[ClauseDraft]


@dataclass
class SpecDraft:
    definitions: list[tuple[str, str]]
    sections: list[SectionDraft]


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
short = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
terms = st.sampled_from(["Supply Outage", "Firmware Image", "Hot Shoe", "Alert", "Device", "Load Switch"])


@st.composite
def clause_drafts(draw: st.DrawFn) -> ClauseDraft:
    return ClauseDraft(
        draw(words),
        draw(st.lists(words, max_size=3)),
        draw(st.none() | words),
        draw(st.none() | st.lists(st.tuples(short, short), min_size=1, max_size=3)),
    )


@st.composite
def spec_drafts(draw: st.DrawFn) -> SpecDraft:
    definitions = draw(st.lists(st.tuples(terms, words), max_size=3, unique_by=lambda pair: pair[0]))
    sections = draw(
        st.lists(
            st.builds(SectionDraft, short, st.lists(clause_drafts(), min_size=1, max_size=4)),
            min_size=1,
            max_size=3,
        )
    )
    return SpecDraft(definitions, sections)


@st.composite
def reworded(draw: st.DrawFn, text: str) -> str:
    """A few word-level edits: replace, insert or delete a word."""
    tokens = text.split(" ")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(len(tokens) - 1, 0)))
        action = draw(st.sampled_from(("replace", "insert", "delete")))
        if action == "replace" and tokens:
            tokens[at] = draw(st.sampled_from(WORDS))
        elif action == "insert":
            tokens.insert(at, draw(st.sampled_from(WORDS)))
        elif len(tokens) > 1:
            del tokens[at]
    return " ".join(tokens)


@st.composite
def edited(draw: st.DrawFn, draft: SpecDraft) -> SpecDraft:
    """A second version of `draft`."""
    definitions = []
    for term, text in draft.definitions:
        action = draw(st.sampled_from(("keep", "keep", "reword", "delete")))
        if action != "delete":
            definitions.append((term, draw(reworded(text)) if action == "reword" else text))
    if draw(st.booleans()):
        definitions.append((draw(terms.filter(lambda t: t not in dict(definitions))), draw(words)))
    sections = []
    for section in draft.sections:
        title = draw(reworded(section.title)) if draw(st.integers(0, 5)) == 0 else section.title
        clauses = [edit for clause in section.clauses if (edit := draw(_edited_clause(clause))) is not None]
        for _ in range(draw(st.integers(0, 2))):
            clauses.insert(draw(st.integers(0, len(clauses))), draw(clause_drafts()))
        sections.append(SectionDraft(title, clauses))
    if draw(st.integers(0, 4)) == 0:
        sections.insert(
            draw(st.integers(0, len(sections))),
            draw(st.builds(SectionDraft, short, st.lists(clause_drafts(), min_size=1, max_size=2))),
        )
    everything = [(s, c) for s, section in enumerate(sections) for c in range(len(section.clauses))]
    if len(everything) > 2 and draw(st.booleans()):  # move a clause elsewhere, text and all
        s, c = draw(st.sampled_from(everything))
        moved = sections[s].clauses.pop(c)
        target = draw(st.integers(0, len(sections) - 1))
        sections[target].clauses.insert(draw(st.integers(0, len(sections[target].clauses))), moved)
    return SpecDraft(definitions, [section for section in sections if section.clauses])


@st.composite
def _edited_clause(draw: st.DrawFn, clause: ClauseDraft) -> ClauseDraft | None:
    action = draw(st.sampled_from(("keep", "keep", "reword", "delete", "items", "attachments")))
    if action == "delete":
        return None
    if action == "keep":
        return clause
    if action == "reword":
        return replace(clause, text=draw(reworded(clause.text)))
    if action == "items":
        items = list(clause.items)
        if len(items) > 0 and draw(st.booleans()):
            del items[draw(st.integers(0, len(items) - 1))]
        if len(items) > 0 and draw(st.booleans()):
            at = draw(st.integers(0, len(items) - 1))
            items[at] = draw(reworded(items[at]))
        if draw(st.booleans()):
            items.insert(draw(st.integers(0, len(items))), draw(words))
        return replace(clause, items=items)
    note = clause.note
    note = (
        draw(st.none() | words) if note is None else draw(st.sampled_from((None, note, note + " and more")))
    )
    rows = list(clause.rows or [])
    if len(rows) > 0 and draw(st.booleans()):
        del rows[draw(st.integers(0, len(rows) - 1))]
    if draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), (draw(short), draw(short)))
    if len(rows) > 0 and draw(st.booleans()):
        code, name = rows[0]
        rows[0] = (code, draw(reworded(name)))
    return replace(clause, note=note, rows=rows or None)


def build_spec(draft: SpecDraft, version: str) -> Spec:
    """Number the draft as a published version would: sections in order, clauses within them."""
    sections: list[Section] = []
    number = 1
    if draft.definitions:
        blocks = tuple(Definition(term, Text(text)) for term, text in draft.definitions)
        sections.append(Section(ClauseNumber((number,)), "Glossary", blocks))
        number += 1
    for section in draft.sections:
        clauses = tuple(
            _clause(ClauseNumber((number, index)), clause)
            for index, clause in enumerate(section.clauses, start=1)
        )
        sections.append(Section(ClauseNumber((number,)), section.title, clauses))
        number += 1
    return Spec("SMETS2", version, "Smart Metering Equipment Technical Specifications", tuple(sections))


def _clause(number: ClauseNumber, draft: ClauseDraft) -> Clause:
    items = tuple(
        SubItem(LETTERS[index % len(LETTERS)], Text(text)) for index, text in enumerate(draft.items)
    )
    attachments: list[Note | Table] = []
    if draft.note is not None:
        attachments.append(Note(Text(draft.note)))
    if draft.rows:
        attachments.append(Table("Alerts", ("Code", "Name"), tuple(draft.rows)))
    return Clause(number, Text(draft.text), items, tuple(attachments))


@st.composite
def spec_pairs(draw: st.DrawFn) -> tuple[Spec, Spec]:
    """An old version and a new version of one spec."""
    draft = draw(spec_drafts())
    return build_spec(draft, "4.2"), build_spec(draw(edited(draft)), "5.0")
