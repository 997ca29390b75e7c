"""Any mix of paragraphs imports to source text that reads back, with every word kept."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spectool.model.document import Paragraph, Text

from .docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml

NUMBERING = (
    abstract_xml(
        1,
        level_xml(0, "%1", style="Heading1"),
        level_xml(1, "%1.%2", style="Heading2"),
        level_xml(2, "%1.%2.%3"),
        level_xml(3, "(%4)", "lowerLetter"),
        level_xml(4, "(%5)", "lowerRoman"),
    ),
    abstract_xml(2, level_xml(0, "Note %1:"), level_xml(1, "\u2022", "bullet")),
    num_xml(1, 1),
    num_xml(2, 2),
    num_xml(3, 1, {3: 1}),
)
TEXT = st.sampled_from(
    ["", "ESME shall act.", "(a) typed item", "(iv) roman", "Note: text", '"Term" means x', "| pipe |", "1.2"]
)
NUMBER = st.lists(st.integers(0, 3), min_size=1, max_size=4).map(lambda parts: ".".join(map(str, parts)))
PARAGRAPH = st.one_of(
    st.tuples(st.just("heading"), st.integers(1, 3), NUMBER, TEXT),
    st.tuples(st.just("typed"), st.just(0), NUMBER, TEXT),
    st.tuples(st.just("auto"), st.integers(0, 4), st.sampled_from(["1", "2", "3"]), TEXT),
    st.tuples(st.just("table"), st.integers(1, 3), st.just(""), TEXT),
    st.tuples(st.just("plain"), st.just(0), st.just(""), TEXT),
)


def build(paragraphs: list[tuple[str, int, str, str]]) -> DocxBuilder:
    builder = DocxBuilder()
    builder.numbering(*NUMBERING)
    builder.link_style("Heading1", 1)
    builder.link_style("Heading2", 1)
    for kind, level, number, text in paragraphs:
        if kind == "heading":
            builder.heading(f"{number} {text}".strip() if level != 2 else text, level)
        elif kind == "typed":
            builder.paragraph(f"{number} {text}")
        elif kind == "auto":
            builder.paragraph(text, numbering=(int(number), level))
        elif kind == "table":
            builder.table([[text] * level, ["x"] * level])
        else:
            builder.paragraph(text)
    return builder


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=14))
def test_any_mix_reads_back_or_is_refused_clearly(
    tmp_path: Path, paragraphs: list[tuple[str, int, str, str]]
) -> None:
    builder = build(paragraphs)
    result = import_built(builder, tmp_path)  # every mix imports: what is no clause is free text
    for issue in result.issues:
        assert issue.paragraph >= 0 and issue.message
    # No word is lost: every word typed into the document is in the source written.
    for _, _, _, text in paragraphs:
        for word in re.findall(r"[A-Za-z]+", text):
            assert word in result.source


def test_the_mix_above_is_not_all_refused(tmp_path: Path) -> None:
    result = import_built(build([("heading", 1, "", "Power"), ("auto", 2, "1", "ESME shall act.")]), tmp_path)
    assert [str(clause.number) for clause in result.spec.clauses()] == ["1.0.1"]
    free = import_built(build([("plain", 0, "", "nothing numbered")]), tmp_path)
    assert free.spec.sections == () and free.spec.front == (Paragraph(Text("nothing numbered")),)
    assert [issue.message for issue in free.issues] == [
        "no numbered clauses in 1 paragraphs and tables: imported as free text (clauses are numbered such "
        "as '5.7.1 ESME shall ...', typed or by Word)",
        "1 paragraph that is no clause, definition, note or sub-item: kept as free paragraphs",
    ]
