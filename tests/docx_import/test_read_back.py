"""The import writes its source a section at a time, each piece parsed back: the same text as
render_spec, and refused wherever the whole text would not read back as the model."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from spectool.docx_import import read_back
from spectool.docx_import.read_back import render_checked
from spectool.errors import InputError
from spectool.model.document import Clause, Section, Spec, Text
from spectool.model.numbers import ClauseNumber
from spectool.model.provenance import PARAGRAPH, BlockOrigin, WordLocation
from spectool.parsing import parse_spec, read_spec, render_spec

from .docx_builder import DocxBuilder, import_built
from .sec_shapes import legal_outline, specification

ROOT = Path(__file__).parent.parent.parent
SPECS = [
    ROOT / "tests" / "fixtures" / "sample.spec",
    Path(__file__).parent / "export-blocks.spec",
    *sorted((ROOT / "specs").glob("*.spec")),
]


def section(number: str, *clauses: str) -> Section:
    blocks = tuple(Clause(ClauseNumber.parse(clause), Text("The meter shall log it.")) for clause in clauses)
    return Section(ClauseNumber.parse(number), f"Heading {number}", blocks)


def spec_of(*sections: Section) -> Spec:
    return Spec("SMETS2", "5.0", "A test", sections)


def refusal(spec: Spec) -> str:
    with pytest.raises(InputError) as raised:
        render_checked(spec, "in.docx")
    (problem,) = raised.value.problems
    assert problem.path == "in.docx" and "spectool bug" in problem.hint
    return problem.message


@pytest.mark.parametrize("path", SPECS, ids=lambda path: path.name)
def test_the_pieces_are_the_text_render_spec_writes(path: Path) -> None:
    spec = read_spec(path)
    assert render_checked(spec, str(path)) == render_spec(spec)


@pytest.mark.parametrize("build", [specification, legal_outline], ids=["specification", "legal"])
def test_an_imported_provenance_table_is_read_back_in_slices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build: Callable[[], DocxBuilder]
) -> None:
    imported = import_built(build(), tmp_path, name="SMETS2", version="5.0")
    assert len(imported.spec.origins) > 7
    monkeypatch.setattr(read_back, "ORIGINS_PER_PIECE", 3)
    assert render_checked(imported.spec, "in.docx") == imported.source == render_spec(imported.spec)
    assert parse_spec(imported.source).origins == imported.spec.origins


def test_a_clause_outside_its_section_is_refused_with_the_parsers_message() -> None:
    astray = Clause(ClauseNumber.parse("1.1"), Text("The meter shall log it."))
    spec = spec_of(section("1", "1.2"), Section(ClauseNumber.parse("2"), "Second", (astray,)))
    whole = _first_problem(spec)
    assert "does not belong to section 2" in whole
    assert refusal(spec) == f"the imported text does not read back: {whole}"


def test_text_with_trailing_spaces_is_refused_by_its_section() -> None:
    spaced = Clause(ClauseNumber.parse("2.1"), Text("The meter shall log it.  "))
    spec = spec_of(section("1", "1.1"), Section(ClauseNumber.parse("2"), "Second", (spaced,)))
    assert parse_spec(render_spec(spec)) != spec
    assert refusal(spec) == "section 2 does not read back as imported"


def test_a_number_used_in_two_sections_is_refused_though_each_reads_back_alone() -> None:
    spec = spec_of(section("1", "1.1"), section("2", "2.1"), section("1", "1.2"))
    with pytest.raises(InputError):
        parse_spec(render_spec(spec))
    assert refusal(spec) == "the number 1 is used twice"


def test_a_section_away_from_its_parent_is_refused() -> None:
    spec = spec_of(section("1", "1.1"), section("2.1", "2.1.1"))
    whole = _first_problem(spec)
    assert "stands under section 1" in whole
    assert refusal(spec) == f"the imported text does not read back: {whole}"


def test_a_subsection_under_its_parent_reads_back_after_other_sections() -> None:
    spec = spec_of(
        section("1"),
        section("1.1", "1.1.1"),
        section("1.1.2", "1.1.2.1"),
        section("1.2", "1.2.1"),
        section("2"),
        section("2.1", "2.1.1"),
    )
    assert render_checked(spec, "in.docx") == render_spec(spec)


def test_a_provenance_key_given_twice_in_two_slices_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    where = (WordLocation(PARAGRAPH, 1, (0,)),)
    origins = (BlockOrigin("1", where), BlockOrigin("1.1", where), BlockOrigin("1", where))
    spec = dataclasses.replace(spec_of(section("1", "1.1")), origins=origins)
    with pytest.raises(InputError):
        parse_spec(render_spec(spec))
    monkeypatch.setattr(read_back, "ORIGINS_PER_PIECE", 2)
    assert refusal(spec) == "the provenance (block origins) does not read back as imported"


def _first_problem(spec: Spec) -> str:
    with pytest.raises(InputError) as raised:
        parse_spec(render_spec(spec))
    return raised.value.problems[0].message
