"""Malformed sources: every problem reported at its line and column, with what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.errors import InputError, Problem
from spectool.parsing import parse_spec, read_spec
from spectool.parsing.diagnostics import ERROR_EXAMPLES, describe
from spectool.parsing.grammar import lark_parser
from spectool.parsing.transformer import SpecTransformer

HEADER = "---\nspec: SMETS2\nversion: 4.2\ntitle: T\n---\n"


def problems(text: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        parse_spec(text, "x.spec")
    return list(caught.value.problems)


def only(text: str) -> Problem:
    (problem,) = problems(text)
    return problem


def test_clause_outside_its_section() -> None:
    problem = only(HEADER + "# 5 ESME\n## 5.7 Power\n5.8.1 ESME shall work.\n")
    assert (problem.line, problem.column, problem.width) == (8, 1, 5)
    assert problem.message == "clause 5.8.1 does not belong to section 5.7: expected a number 5.7.N"


def test_unclosed_table_before_a_clause() -> None:
    problem = only(HEADER + "# 5 ESME\n5.1 ESME shall.\nTable: Codes\n| A |\n5.2 ESME shall.\n")
    assert (problem.line, problem.column) == (10, 1)
    assert problem.message == "unclosed table: expected a table row or 'End Table'"


def test_unclosed_table_at_end_of_file() -> None:
    problem = only(HEADER + "# 5 ESME\n5.1 ESME shall.\nTable: Codes\n| A |\n")
    assert problem.message == "unclosed table: expected a table row or 'End Table'"
    assert problem.line == 10


def test_duplicate_clause_number() -> None:
    problem = only(HEADER + "# 5 ESME\n5.1 ESME shall.\n5.1 GSME shall.\n")
    assert (problem.line, problem.column) == (8, 1)
    assert problem.message == "clause 5.1 is numbered twice (first at line 7)"


def test_duplicate_section_number() -> None:
    problem = only(HEADER + "# 5 ESME\n# 5 GSME\n")
    assert problem.message == "section 5 is numbered twice (first at line 6)"
    assert (problem.line, problem.column) == (7, 3)


def test_unknown_header_key() -> None:
    problem = only("---\nspec: SMETS2\nversion: 4.2\ntitle: T\nowner: SECAS\n---\n# 5 ESME\n")
    assert (problem.line, problem.column, problem.width) == (5, 1, 5)
    assert problem.message == (
        "unknown header key 'owner': expected one of spec, version, title, status, date, "
        "source, source-sha256"
    )


def test_missing_header_keys() -> None:
    problem = only("---\nspec: SMETS2\n---\n# 5 ESME\n")
    assert problem.message == "the header lacks version, title"


def test_missing_header() -> None:
    problem = only("# 5 ESME\n5.1 ESME shall.\n")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message == "a spec source starts with a header: expected '---' on the first line"


def test_unclosed_header() -> None:
    problem = only("---\nspec: SMETS2\nversion: 4.2\n# 5 ESME\n")
    assert problem.line == 4
    assert problem.message.startswith("the header is not closed")


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.spec"
    path.write_bytes((HEADER + "# 5 ESME\n5.1 Caf\xe9 shall.\n").encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_spec(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (7, 8)
    assert problem.message == "byte 0xe9 is not UTF-8: expected UTF-8 text"


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_empty_file(text: str) -> None:
    problem = only(text)
    assert problem.message == "the file is empty: expected a header starting with '---'"


def test_heading_depth_must_match_its_number() -> None:
    problem = only(HEADER + "# 5 ESME\n# 5.7 Power\n")
    assert problem.message == "heading 5.7 has 1 '#' but its number has 2 level(s): expected ## 5.7"


def test_subsection_needs_its_parent() -> None:
    problem = only(HEADER + "# 5 ESME\n### 5.7.4 Interface\n")
    assert (
        problem.message == "section 5.7.4 stands under no enclosing section: expected a heading 5.7 before it"
    )


def test_stray_line_and_orphan_continuation() -> None:
    found = problems(HEADER + "# 5 ESME\nThis is loose text.\n  indented orphan\n5.1 ESME shall.\n")
    assert [(p.line, p.column) for p in found] == [(7, 1), (8, 3)]
    assert found[0].message.startswith(
        "this line is not a heading, clause, definition, note, table or comment"
    )
    assert found[1].message.startswith("an indented line with nothing above it")


def test_table_row_with_wrong_width() -> None:
    problem = only(HEADER + "# 5 ESME\n5.1 X shall.\nTable: T\n| A | B |\n| --- | --- |\n| 1 |\nEnd Table\n")
    assert problem.line == 11
    assert problem.message == "this row has 1 cell(s) but the table's header has 2"


def test_suppression_needs_a_reason() -> None:
    problem = only(HEADER + "# 5 ESME\n// spectool-disable: TERM001\n5.1 X shall.\n")
    assert problem.message == "a suppression must give its reason after '--'"


def test_several_independent_errors_are_all_reported() -> None:
    found = problems(
        HEADER
        + "# 5 ESME\n## 5.7 Power\n5.8.1 Wrong section shall.\nloose text\n5.7.1 A shall.\n"
        + "Table: T\n| A |\n5.7.1 Again shall.\n"
    )
    assert [p.line for p in found] == [8, 9, 13, 13]
    assert "does not belong" in found[0].message
    assert "numbered twice" in found[-1].message or "numbered twice" in found[-2].message


def test_problem_renders_with_caret() -> None:
    problem = only(HEADER + "# 5 ESME\n## 5.7 Power\n5.8.1 ESME shall work.\n")
    assert problem.render().splitlines() == [
        "x.spec:8:1: clause 5.8.1 does not belong to section 5.7: expected a number 5.7.N",
        "    5.8.1 ESME shall work.",
        "    ^^^^^",
    ]


@pytest.mark.parametrize(
    ("message", "sample"),
    [(message, sample) for message, samples in ERROR_EXAMPLES.items() for sample in samples],
)
def test_every_error_example_is_diagnosed_with_its_message(message: str, sample: str) -> None:
    from lark.exceptions import UnexpectedInput

    with pytest.raises(UnexpectedInput) as caught:
        lark_parser("spec", SpecTransformer).parse(sample)
    assert describe(caught.value)[0] == message


def test_control_characters_are_refused_where_they_stand(tmp_path: Path) -> None:
    path = tmp_path / "pasted.spec"
    path.write_bytes((HEADER + "# 5 ESME\n5.1 ESME shall\x0c keep power.\n5.2 X\x00 shall.\n").encode())
    with pytest.raises(InputError) as caught:
        read_spec(path)
    first, second = caught.value.problems
    assert (first.line, first.column, first.message) == (
        7,
        15,
        "control character U+000C: expected printable text",
    )
    assert first.source_line == "5.1 ESME shall? keep power."
    assert (second.line, second.column) == (8, 6)


def test_absurdly_long_numbers_are_problems_not_crashes() -> None:
    digits = "9" * 5000
    clause = only(HEADER + f"# 5 ESME\n5.{digits} ESME shall work.\n")
    assert clause.message.startswith("this line is not a heading, clause")
    heading = only(HEADER + f"# 5{digits} ESME\n")
    assert heading.message == "a heading needs a section number: expected '## 5.7 Title'"
    spec = parse_spec(HEADER + f"# 5 ESME\n5.1 ESME shall meet clause 5.{digits}.\n")
    assert spec.clause("5.1") is not None and spec.clause("5.1").references == ()  # type: ignore[union-attr]


def test_provenance_problems_name_their_line() -> None:
    header = "---\nspec: S\nversion: 1\ntitle: T\n---\n# 1 One\n1.1 Text.\n\nProvenance:\n"
    problem = only(header + "  1.1: p3@2 nowhere\n")
    assert (problem.line, problem.column) == (10, 3)
    assert "'nowhere' is not a Word location" in problem.message
    problem = only(header + "  1.1 p3@2\n")
    assert problem.message.startswith("a provenance line is 'key: locations'")
    problem = only(header + "  1.1: p3@2\n  1.1: p4@3\n")
    assert (problem.line, problem.message) == (11, "provenance key '1.1' is given twice")


def test_source_keys_go_together() -> None:
    problem = only("---\nspec: S\nversion: 1\ntitle: T\nsource: a.docx\n---\n# 1 One\n")
    assert (problem.line, problem.message) == (
        5,
        "the header keys 'source' and 'source-sha256' go together: one is missing",
    )
    problem = only("---\nspec: S\nversion: 1\ntitle: T\nsource: a.docx\nsource-sha256: abc\n---\n# 1 One\n")
    assert problem.message == "'source-sha256' must be 64 lowercase hexadecimal digits"
