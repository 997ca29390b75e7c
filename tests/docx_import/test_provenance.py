"""Provenance: an imported spec names its document and, per block, the Word elements it was read from."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from spectool.docx_import.provenance import ProvenanceError, check_document, element_at, origins_of
from spectool.model.document import Clause, Definition, Footnote, Section, Spec, Table
from spectool.model.provenance import FOOTNOTE, PARAGRAPH, ROW, TABLE, WordLocation, keyed_blocks
from spectool.model.serialize import spec_from_dict, spec_to_dict
from spectool.parsing import parse_spec, render_spec
from spectool.wordml.package import open_word_package

from .docx_builder import import_built
from .sec_shapes import specification
from .test_revisions import revised

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def element_text(element: object) -> str:
    return " ".join("".join(node.itertext()) for node in element.iter(f"{W}p"))  # type: ignore[attr-defined]


def first_words(block: object) -> str:
    if isinstance(block, Section):
        return block.title
    if isinstance(block, Clause | Definition):
        return block.text.value.split("\n")[0][:20]
    return ""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Spec]:
    folder = tmp_path_factory.mktemp("provenance")
    result = import_built(specification(), folder)
    return folder / "built.docx", result.spec


def test_the_source_document_is_named_with_its_digest(imported: tuple[Path, Spec]) -> None:
    path, spec = imported
    assert spec.source is not None
    assert spec.source.name == "built.docx"
    assert spec.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_location_finds_the_element_the_block_was_read_from(imported: tuple[Path, Spec]) -> None:
    path, spec = imported
    body = open_word_package(path).body
    kinds: set[str] = set()
    for key, block in keyed_blocks(spec):
        for location in origins_of(spec, block):
            kinds.add(location.kind)
            if location.kind == FOOTNOTE:
                assert isinstance(block, Footnote)
                continue
            element = element_at(body, location)
            words = first_words(block)
            if location is origins_of(spec, block)[0] and words:
                assert words in element_text(element), (key, location)
    assert kinds == {PARAGRAPH, TABLE, ROW, FOOTNOTE}


def test_blocks_keep_their_own_paragraph_first_and_tables_their_table(imported: tuple[Path, Spec]) -> None:
    _, spec = imported
    clause = spec.clause("3.1.1.2")
    assert clause is not None
    locations = origins_of(spec, clause)
    # The clause, its three sub-items and their two roman sub-items, each a paragraph of its own.
    assert [location.kind for location in locations] == [PARAGRAPH] * 6
    assert [location.number for location in locations] == list(
        range(locations[0].number, locations[0].number + 6)
    )
    table = next(block for _, block in keyed_blocks(spec) if isinstance(block, Table) and block.title)
    assert [location.kind for location in origins_of(spec, table)] == [PARAGRAPH, TABLE]  # caption, table
    definition = next(spec.definitions())
    (row,) = origins_of(spec, definition)
    assert (row.kind, row.row, row.describe()) == (ROW, 2, "table 2, row 2")


def test_provenance_reads_back_from_the_source(imported: tuple[Path, Spec]) -> None:
    _, spec = imported
    text = render_spec(spec)
    assert "\nProvenance:\n  front+1: p2@1\n" in text
    reread = parse_spec(text, "x.spec")
    assert reread.source == spec.source
    assert reread.origins == spec.origins
    assert reread == spec
    data = spec_to_dict(reread)
    assert data["source"] == {"name": "built.docx", "sha256": spec.source.sha256 if spec.source else ""}
    assert data["provenance"][0] == {"key": "front+1", "locations": ["p2@1"]}
    assert spec_from_dict(data).origins == spec.origins


def test_the_document_must_be_the_one_imported(imported: tuple[Path, Spec], tmp_path: Path) -> None:
    path, spec = imported
    check_document(spec, path)
    changed = tmp_path / "changed.docx"
    changed.write_bytes(path.read_bytes() + b"\0")
    with pytest.raises(ProvenanceError, match=r"not the document SMETS2@5\.0 was imported from"):
        check_document(spec, changed)


def test_a_location_that_is_not_there_is_refused(imported: tuple[Path, Spec]) -> None:
    path, _ = imported
    body = open_word_package(path).body
    with pytest.raises(ProvenanceError, match="no w:tbl at t9@1"):
        element_at(body, WordLocation(TABLE, 9, (1,)))
    with pytest.raises(ProvenanceError, match="no w:p at p1@9999"):
        element_at(body, WordLocation(PARAGRAPH, 1, (9999,)))


def test_accepted_changes_keep_the_document_but_no_places(tmp_path: Path) -> None:
    spec = import_built(revised(), tmp_path, accept_changes=True).spec
    assert spec.source is not None and spec.source.name == "built.docx"
    assert spec.origins == ()
    assert "Provenance:" not in render_spec(spec)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("p14@13", WordLocation(PARAGRAPH, 14, (13,))),
        ("t2@16", WordLocation(TABLE, 2, (16,))),
        ("t2r3@16.4", WordLocation(ROW, 2, (16, 4), 3)),
        ("footnote:2", WordLocation(FOOTNOTE, 2)),
    ],
)
def test_locations_are_written_as_they_are_read(text: str, location: WordLocation) -> None:
    assert WordLocation.parse(text) == location
    assert str(location) == text


@pytest.mark.parametrize("text", ["p14", "q1@2", "t2r@3", "p1@1..2", "footnote:x", ""])
def test_malformed_locations_are_none(text: str) -> None:
    assert WordLocation.parse(text) is None
