"""Round trips over the blocks of real documents: front matter, free paragraphs, unnumbered headings,
contents lists, footnotes, placeholders and tables with several header rows, merged and multi-line cells."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from spectool.model.document import (
    MERGED_ABOVE,
    MERGED_LEFT,
    Block,
    Clause,
    Contents,
    Footnote,
    Heading,
    Paragraph,
    Placeholder,
    Section,
    Spec,
    Table,
)
from spectool.model.numbers import ClauseNumber
from spectool.model.serialize import spec_from_dict, spec_to_dict
from spectool.parsing import parse_spec, render_spec
from spectool.parsing.references import find_references
from tests.parsing.test_roundtrip import LINE, WORDS, sub_items, texts

LABELS = st.sampled_from(["", "A1.2", "(iv)", "Schedule 3", "5A.1", "Annex B", "iii"])
WORD_CELL = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
CELL = st.one_of(
    WORD_CELL,
    st.lists(WORD_CELL, min_size=2, max_size=3).map("\n".join),  # a cell of several paragraphs
    st.tuples(WORD_CELL, WORD_CELL).map(" | ".join),  # a bar inside a cell
    st.sampled_from([MERGED_ABOVE, MERGED_LEFT]),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    width = draw(st.integers(1, 3))
    header = tuple(draw(WORD_CELL) for _ in range(width))
    more = tuple(tuple(draw(CELL) for _ in range(width)) for _ in range(draw(st.integers(0, 2))))
    rows = tuple(tuple(draw(CELL) for _ in range(width)) for _ in range(draw(st.integers(0, 3))))
    return Table(draw(st.one_of(st.just(""), LINE)), header, rows, more_header=more)


@st.composite
def free_blocks(draw: st.DrawFn) -> Block:
    kind = draw(st.sampled_from(["paragraph", "heading", "contents", "placeholder", "footnote", "table"]))
    if kind == "paragraph":
        text = draw(texts())
        return Paragraph(text, draw(LABELS), draw(sub_items()), find_references(text))
    if kind == "heading":
        return Heading(draw(st.integers(1, 4)), draw(st.one_of(st.just(""), LINE)), draw(LABELS))
    if kind == "contents":
        return Contents(tuple(draw(st.lists(LINE, max_size=4))))
    if kind == "placeholder":
        kind_of = draw(st.sampled_from(["Image", "Chart", "Equation", "Object"]))
        target = draw(
            st.sampled_from(["word/media/image1.png", "word/charts/chart2.xml", "word/embeddings/x.bin"])
        )
        return Placeholder(kind_of, target, draw(st.one_of(st.just(""), LINE)))
    if kind == "footnote":
        text = draw(texts())
        return Footnote(
            draw(st.sampled_from(["Footnote", "Endnote"])),
            str(draw(st.integers(1, 99))),
            text,
            find_references(text),
        )
    return draw(tables())


def _free(blocks: list[Block]) -> list[Block]:
    """Footnotes and tables after a clause attach to it, as the format reads them: move them there."""
    out: list[Block] = []
    for block in blocks:
        owner = out[-1] if out else None
        if isinstance(block, Footnote | Table) and isinstance(owner, Clause):
            out[-1] = Clause(
                owner.number, owner.text, owner.items, (*owner.attachments, block), owner.references
            )
        else:
            out.append(block)
    return out


@st.composite
def documents(draw: st.DrawFn) -> Spec:
    front = draw(st.lists(free_blocks(), max_size=5))
    sections = []
    for major in range(1, draw(st.integers(1, 3)) + 1):
        number = ClauseNumber((major,))
        blocks: list[Block] = draw(st.lists(free_blocks(), max_size=2))
        for minor in range(1, draw(st.integers(0, 3)) + 1):
            text = draw(texts())
            # A clause may stand deeper than its heading: 1.2.1 directly under section 1.
            deep = number.child(minor).child(1) if draw(st.booleans()) else number.child(minor)
            blocks.append(Clause(deep, text, draw(sub_items()), references=find_references(text)))
            blocks.extend(draw(st.lists(free_blocks(), max_size=2)))
        sections.append(Section(number, draw(LINE), tuple(_free(blocks))))
    return Spec("SMETS2", "5.0", draw(LINE), tuple(sections), front=tuple(front))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_render_then_parse_keeps_every_block(spec: Spec) -> None:
    assert parse_spec(render_spec(spec)) == spec


@settings(max_examples=50, deadline=None)
@given(documents())
def test_json_round_trip_of_every_block(spec: Spec) -> None:
    parsed = parse_spec(render_spec(spec))
    data = json.loads(json.dumps(spec_to_dict(parsed)))
    assert spec_from_dict(data) == parsed
    assert spec_to_dict(spec_from_dict(data)) == data
