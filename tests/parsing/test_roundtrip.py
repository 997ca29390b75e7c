"""Rendering a model to source and parsing it again gives the same model (hypothesis property)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from spectool.model.document import (
    Clause,
    Definition,
    Note,
    Section,
    Spec,
    SubItem,
    Suppression,
    Table,
    Text,
)
from spectool.model.numbers import ClauseNumber
from spectool.model.serialize import spec_from_dict, spec_to_dict
from spectool.parsing import parse_spec, render_spec
from spectool.parsing.references import find_references

WORDS = st.sampled_from(
    [
        "ESME",
        "GSME",
        "shall",
        "supply",
        "power",
        "to",
        "the",
        "Communications",
        "Hub",
        "during",
        "a",
        "firmware",
        "upgrade",
        "Supply",
        "Outage",
        "Section",
        "clause",
        "5.7.1",
        "of",
        "CHTS",
        "alert",
        "(including)",
        "3",
        "minutes;",
        "and,",
        "not",
        "without:",
        "&",
        "<",
        ">",
        "'",
        '"',
        "é",
    ]
)
LINE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
# A continuation line must not open with something the format reads as a marker.
CONTINUATION = LINE.filter(lambda line: not line.startswith(("(", "|", "//", "Note", "Table:", '"')))
LETTERS = "abcdefgh"
ROMANS = ("i", "ii", "iii", "iv", "v")


def texts(first: st.SearchStrategy[str] = LINE) -> st.SearchStrategy[Text]:
    return st.builds(
        lambda head, rest: Text("\n".join([head, *rest])),
        first,
        st.lists(CONTINUATION, max_size=2),
    )


def with_references(item: SubItem) -> SubItem:
    return SubItem(item.label, item.text, item.items, find_references(item.text))


@st.composite
def sub_items(draw: st.DrawFn) -> tuple[SubItem, ...]:
    count = draw(st.integers(0, 3))
    items = []
    for index in range(count):
        children = tuple(
            with_references(SubItem(ROMANS[child], draw(texts()))) for child in range(draw(st.integers(0, 2)))
        )
        items.append(with_references(SubItem(LETTERS[index], draw(texts()), children)))
    return tuple(items)


@st.composite
def attachments(draw: st.DrawFn) -> tuple[Note | Table, ...]:
    found: list[Note | Table] = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            text = draw(texts())
            found.append(Note(text, draw(st.sampled_from(["", "1", "2"])), find_references(text)))
        else:
            width = draw(st.integers(1, 3))
            cell = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
            header = tuple(draw(cell) for _ in range(width))
            rows = tuple(tuple(draw(cell) for _ in range(width)) for _ in range(draw(st.integers(0, 3))))
            found.append(Table(draw(LINE), header, rows))
    return tuple(found)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    sections = []
    for major in range(1, draw(st.integers(1, 3)) + 1):
        number = ClauseNumber((major,))
        blocks: list[Clause | Definition | Note | Table] = []
        if major == 1:
            for term in draw(st.lists(st.sampled_from(["Supply Outage", "Firmware", "Alert"]), unique=True)):
                text = draw(texts())
                blocks.append(Definition(term, text, draw(sub_items()), references=find_references(text)))
        for minor in range(1, draw(st.integers(0, 4)) + 1):
            text = draw(texts())
            suppressions = tuple(
                Suppression(("TERM001",), draw(LINE)) for _ in range(draw(st.integers(0, 1)))
            )
            # Now and then an inserted clause (1.2A) follows its plain neighbour.
            inserted = ClauseNumber((major, minor), suffixes=("", "A"))
            blocks.append(
                Clause(
                    inserted if draw(st.integers(0, 4)) == 0 else number.child(minor),
                    text,
                    draw(sub_items()),
                    draw(attachments()),
                    find_references(text),
                    suppressions,
                )
            )
        sections.append(Section(number, draw(LINE), tuple(blocks)))
    return Spec("SMETS2", draw(st.sampled_from(["4.2", "5.0"])), draw(LINE), tuple(sections))


@settings(max_examples=150, deadline=None)
@given(specs())
def test_render_then_parse_gives_the_same_model(spec: Spec) -> None:
    assert parse_spec(render_spec(spec)) == spec


@settings(max_examples=50, deadline=None)
@given(specs())
def test_rendering_is_stable(spec: Spec) -> None:
    once = render_spec(spec)
    assert render_spec(parse_spec(once)) == once


@settings(max_examples=50, deadline=None)
@given(specs())
def test_json_round_trip(spec: Spec) -> None:
    parsed = parse_spec(render_spec(spec))
    data = json.loads(json.dumps(spec_to_dict(parsed)))
    assert spec_from_dict(data) == parsed
    assert spec_to_dict(spec_from_dict(data)) == data  # positions too
