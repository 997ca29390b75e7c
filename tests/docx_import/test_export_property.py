"""Export then import is a fixed point, as a hypothesis property over documents with every block kind.

The documents put each block where Word can say it (docs/import.md, "Export": what Word cannot say):
free paragraphs after a heading, a table or each other rather than straight after a clause's text,
texts and titles that do not open with a clause number, labels that hold no dotted number.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spectool.docx_import import import_docx
from spectool.model.document import (
    Block,
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Section,
    Spec,
    Text,
)
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec, render_spec
from spectool.parsing.references import find_references
from spectool.redline.export import export_spec
from tests.parsing.test_roundtrip import LINE, sub_items, texts
from tests.parsing.test_roundtrip_free import tables

from .exported import as_exported

# Word labels that are no clause numbers and hold no dotted number ("A1.2" reads back as clause 1.2).
LABELS = st.sampled_from(["", "(iv)", "Schedule 3", "Annex B", "iii", "A.1", "B1", "Part B"])
# A heading shows no label of letters then digits: "B1" reads back as section number 1.
HEADING_LABELS = st.sampled_from(["", "Schedule 3", "Annex B", "iii", "A.1", "Part B", "(iv)"])
# A free text or a title that opens with a number reads back as a clause or a section.
PLAIN = LINE.filter(lambda line: not line.startswith(("5.7.1", "3", '"', "Section")))


def free_text(draw: st.DrawFn) -> Text:
    return draw(texts(PLAIN))


@st.composite
def free_run(draw: st.DrawFn, notes: bool = True) -> list[Block]:
    """Free blocks that may follow a heading, a table or the cover: paragraphs (only the last with
    sub-items), tables, placeholders, and a footnote after any of them."""
    blocks: list[Block] = []
    count = draw(st.integers(1, 3))
    for index in range(count):
        kind = draw(st.sampled_from(["paragraph", "table", "placeholder"]))
        if kind == "paragraph":
            text = free_text(draw)
            items = draw(sub_items()) if index == count - 1 else ()
            blocks.append(Paragraph(text, draw(LABELS), items, find_references(text)))
        elif kind == "table":
            blocks.append(draw(tables()))
        else:
            what = draw(st.sampled_from(["Image", "Chart", "Equation", "Object"]))
            blocks.append(Placeholder(what, "word/media/image1.png", draw(st.one_of(st.just(""), PLAIN))))
        if notes and draw(st.integers(0, 3)) == 0:
            text = free_text(draw)
            kind_of = draw(st.sampled_from(["Footnote", "Endnote"]))
            blocks.append(Footnote(kind_of, "9", text, find_references(text)))
    return blocks


@st.composite
def heading(draw: st.DrawFn) -> Heading:
    label = draw(HEADING_LABELS)
    title = draw(PLAIN) if not label else draw(st.one_of(st.just(""), PLAIN))
    return Heading(draw(st.integers(1, 4)), title, label)


@st.composite
def clause(draw: st.DrawFn, number: ClauseNumber) -> Clause:
    text = draw(texts())
    attachments: list[Note | Footnote] = []
    for _ in range(draw(st.integers(0, 2))):
        note_text = draw(texts(PLAIN))
        if draw(st.booleans()):
            attachments.append(Note(note_text, draw(st.sampled_from(["", "2"])), find_references(note_text)))
        else:
            attachments.append(Footnote("Footnote", "1", note_text, find_references(note_text)))
    return Clause(number, text, draw(sub_items()), tuple(attachments), find_references(text))


@st.composite
def word_documents(draw: st.DrawFn) -> Spec:
    front: list[Block] = []
    if draw(st.booleans()):
        front.extend(draw(free_run(notes=False)))
    if draw(st.booleans()):
        front.extend([draw(heading()), Contents()])
    sections = []
    for major in range(1, draw(st.integers(1, 3)) + 1):
        number = ClauseNumber((major,))
        blocks: list[Block] = draw(st.one_of(st.just([]), free_run()))
        if major == 1:  # a glossary: definitions are written as one Term / Definition table
            for term in draw(st.lists(st.sampled_from(["Supply Outage", "Firmware", "Alert"]), unique=True)):
                text = draw(texts(PLAIN))
                blocks.append(Definition(term, text, draw(sub_items()), references=find_references(text)))
        for minor in range(1, draw(st.integers(1, 3)) + 1):
            deep = number.child(minor).child(1) if draw(st.booleans()) else number.child(minor)
            blocks.append(draw(clause(deep)))
            if draw(st.integers(0, 2)) == 0:
                blocks.extend([draw(heading()), *draw(free_run())])
        sections.append(Section(number, draw(PLAIN), tuple(blocks)))
    return Spec("SMETS2", "5.0", draw(PLAIN), tuple(sections), front=tuple(front))


def round_trip(spec: Spec) -> Spec:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.docx"
        export_spec(spec, path)
        return import_docx(path, name=spec.name, version=spec.version).spec


@settings(max_examples=60, deadline=None)
@given(word_documents())
def test_export_then_import_gives_the_spec_back(generated: Spec) -> None:
    spec = parse_spec(render_spec(generated))  # as a drafter's source gives it
    once = round_trip(spec)
    assert once == as_exported(spec)
    assert round_trip(once) == once
