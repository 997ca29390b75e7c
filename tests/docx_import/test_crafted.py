"""Crafted attribute values: read as if absent and reported, never a crash or a label of a billion letters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.model.document import MERGED_LEFT

from .docx_builder import DocxBuilder, abstract_xml, import_built, level_xml, num_xml

ABSURD = 99999999999
ITEM = 3  # the paragraph numbered by the list under test


def listed(item_level: str, num: str = num_xml(1, 1)) -> DocxBuilder:
    """Clause 5.7.1, then a paragraph of list 1 at level 2, which `item_level` defines."""
    builder = DocxBuilder()
    builder.numbering(abstract_xml(1, level_xml(0, "%1"), level_xml(1, "%1.%2"), item_level), num)
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    builder.paragraph("the item", numbering=(1, 2))
    return builder


def numbered_raw(properties: str) -> DocxBuilder:
    """Clause 5.7.1, then a paragraph with these `w:pPr` children."""
    builder = listed(level_xml(2, "(%3)", "lowerLetter"))
    builder.raw(f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>more text</w:t></w:r></w:p>")
    return builder


def spanned(cell_properties: str, cells: int = 1) -> DocxBuilder:
    builder = listed(level_xml(2, "(%3)", "lowerLetter"))
    first = f"<w:tc><w:tcPr>{cell_properties}</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    rest = "<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc>" * (cells - 1)
    builder.raw(f"<w:tbl><w:tr>{first}{rest}</w:tr></w:tbl>")
    return builder


def styled_outline(level: int) -> DocxBuilder:
    builder = listed(level_xml(2, "(%3)", "lowerLetter"))
    builder.style("Odd", "Odd Heading", outline_level=level)
    return builder


def in_numbering(message: str) -> tuple[int, str]:
    return 0, f"{message.replace(' is', ' in the numbering definitions is', 1)}: read as if absent"


# (document, the warning it must give as (paragraph, message), the sub-item labels of clause 5.7.1)
CASES: dict[str, tuple[Callable[[], DocxBuilder], tuple[int, str], list[str]]] = {
    "letter list started at 99999999999 (MemoryError)": (
        lambda: listed(level_xml(2, "(%3)", "lowerLetter", start=ABSURD)),
        in_numbering(f'w:start="{ABSURD}" is out of range (0 to 10000)'),
        ["a"],
    ),
    "roman list started at a 26-digit number (OverflowError)": (
        lambda: listed(level_xml(2, "(%3)", "upperRoman", start=10**25)),
        in_numbering('w:start="100000000000000000000000..." is out of range (0 to 10000)'),
        [],
    ),
    "start override above the limit": (
        lambda: listed(level_xml(2, "(%3)", "lowerRoman"), num=num_xml(1, 1, {2: 10_001})),
        in_numbering('w:startOverride="10001" is out of range (0 to 10000)'),
        ["i"],
    ),
    "start that is no number": (
        lambda: listed(level_xml(2, "(%3)", "lowerLetter").replace('w:val="1"', 'w:val="one"', 1)),
        in_numbering('w:start="one" is not a whole number'),
        ["a"],
    ),
    "start of more digits than int() reads": (
        lambda: listed(level_xml(2, "(%3)", "lowerLetter").replace('w:val="1"', f'w:val="{"9" * 5000}"', 1)),
        in_numbering(f'w:start="{"9" * 24}..." is not a whole number'),
        ["a"],
    ),
    "level restart that is no number": (
        lambda: listed(level_xml(2, "(%3)", "lowerLetter", extra='<w:lvlRestart w:val="x"/>')),
        in_numbering('w:lvlRestart="x" is not a whole number'),
        ["a"],
    ),
    "level index out of range": (
        lambda: listed(level_xml(2, "(%3)", "lowerLetter") + level_xml(12, "%13")),
        in_numbering('w:ilvl="12" is out of range (0 to 8)'),
        ["a"],
    ),
    "abstract list id that is no number": (
        lambda: listed(
            level_xml(2, "(%3)", "lowerLetter"),
            num='<w:num w:numId="1"><w:abstractNumId w:val="one"/></w:num>',
        ),
        in_numbering('w:abstractNumId="one" is not a whole number'),
        [],
    ),
    "level text longer than Word writes": (
        lambda: listed(level_xml(2, "(%3)" + "%3" * 200, "lowerLetter")),
        in_numbering(f'w:lvlText="{"(%3)" + "%3" * 10}..." is 404 characters long, over 255'),
        [],
    ),
    "paragraph list level out of range": (
        lambda: numbered_raw('<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>'),
        (ITEM + 1, 'w:ilvl="99" is out of range (0 to 8): read as if absent'),
        ["a"],
    ),
    "paragraph list id negative": (
        lambda: numbered_raw('<w:numPr><w:ilvl w:val="2"/><w:numId w:val="-3"/></w:numPr>'),
        (ITEM + 1, 'w:numId="-3" is out of range (0 to 2147483647): read as if absent'),
        ["a"],
    ),
    "paragraph outline level that is no number": (
        lambda: numbered_raw('<w:outlineLvl w:val="first"/>'),
        (ITEM + 1, 'w:outlineLvl="first" is not a whole number: read as if absent'),
        ["a"],
    ),
    "style outline level out of range": (
        lambda: styled_outline(99),
        (0, 'w:outlineLvl="99" in the styles is out of range (0 to 9): read as if absent'),
        ["a"],
    ),
    "cell spanning 300,000,000 columns (MemoryError)": (
        lambda: spanned('<w:gridSpan w:val="300000000"/>'),
        (ITEM + 1, 'w:gridSpan="300000000" is out of range (1 to 64): read as if absent'),
        ["a"],
    ),
    "row wider than Word's tables": (
        lambda: spanned('<w:gridSpan w:val="60"/>', cells=6),
        (
            ITEM + 1,
            "a table row of 65 columns is wider than Word allows: the cells after column 64 are left out",
        ),
        ["a"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_absurd_or_unreadable_value_is_read_as_absent_and_reported(tmp_path: Path, case: str) -> None:
    build, warning, items = CASES[case]
    result = import_built(build(), tmp_path)
    assert warning in [(issue.paragraph, issue.message) for issue in result.issues]
    clause = result.spec.clause("5.7.1")
    assert clause is not None and [item.label for item in clause.items] == items


def test_tables_keep_at_most_64_columns(tmp_path: Path) -> None:
    result = import_built(spanned('<w:gridSpan w:val="60"/>', cells=6), tmp_path)
    clause = result.spec.clause("5.7.1")
    assert clause is not None
    (table,) = clause.tables
    # The 59 columns the first cell spans are covered by it: the model marks them merged with the left.
    assert table.header == ("x", *[MERGED_LEFT] * 59, "y", "y", "y", "y")


def test_the_reported_crashes_are_warnings_of_the_command(tmp_path: Path) -> None:
    for name, builder in {
        "letters": listed(level_xml(2, "(%3)", "lowerLetter", start=ABSURD)),
        "roman": listed(level_xml(2, "(%3)", "upperRoman", start=10**25)),
        "span": spanned('<w:gridSpan w:val="300000000"/>'),
    }.items():
        document = builder.save(tmp_path / f"{name}.docx")
        output = tmp_path / f"{name}.spec"
        result = CliRunner().invoke(
            main, ["import", str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0"]
        )
        assert result.exit_code == 0, result.output
        assert "read as if absent" in result.stderr and "Traceback" not in result.stderr
        assert output.exists()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("1." + "9" * 5000, "1." + "9" * 58 + "..."),  # ValueError: more digits than int() reads
        (".".join(["1"] * 1500), ".".join(["1"] * 1500)[:60] + "..."),  # RecursionError opening sections
        (".".join(["1"] * 13), ".".join(["1"] * 13)),
    ],
)
def test_a_typed_number_no_spec_has_is_text(tmp_path: Path, typed: str, shown: str) -> None:
    builder = listed(level_xml(2, "(%3)", "lowerLetter"))
    builder.paragraph(f"{typed} deep")
    result = import_built(builder, tmp_path)
    assert (
        ITEM + 1,
        f"{shown} is no clause number (at most 12 parts of at most 9 digits): read as text",
    ) in [(issue.paragraph, issue.message) for issue in result.issues]
    assert [str(clause.number) for clause in result.spec.clauses()] == ["5.7.1"]


def test_a_note_cited_again_is_not_copied_again(tmp_path: Path) -> None:
    builder = listed(level_xml(2, "(%3)", "lowerLetter"))
    builder.footnote("5.7.2 ESME shall cite", "A long footnote.", ".")
    citation = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    builder.raw(f"<w:p><w:r><w:t>5.7.3 ESME shall cite again</w:t></w:r>{citation}</w:p>")
    result = import_built(builder, tmp_path)
    notes = {
        str(clause.number): [(note.label, note.text.value) for note in clause.footnotes]
        for clause in result.spec.clauses()
    }
    assert notes == {"5.7.1": [], "5.7.2": [("1", "A long footnote.")], "5.7.3": []}
    assert (ITEM + 2, "footnote 1 is cited again: its text stays where first cited") in [
        (issue.paragraph, issue.message) for issue in result.issues
    ]
