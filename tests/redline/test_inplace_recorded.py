"""The redline in place finds each block where `spectool import` recorded it (the spec's provenance),
by its text in reading order when no place is recorded, and refuses a block neither way finds."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.diff.document import diff_specs
from spectool.diff.model import Redline
from spectool.errors import InputError
from spectool.model.document import Spec
from spectool.parsing import read_spec
from spectool.redline.inplace import redline_onto_bytes
from spectool.redline.inplace.locate import Located, added_headings, free_texts, locate
from spectool.redline.inplace.recorded import recorded_places
from spectool.wordml.package import read_word_parts, word_package
from tests.redline.inplace_helpers import AMENDMENT, BUNDLED, Workspace, word_workspace

DATE = "2021-03-01T00:00:00Z"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return word_workspace(tmp_path_factory.mktemp("recorded"))


def mp102a(base: Spec, name: str, version: str) -> Redline:
    applied = apply_target(read_amendment(AMENDMENT), f"{name}@{version}", base)
    return diff_specs(base, applied.spec, applied.numbering)


def located(workspace: Workspace, source: str, base: Spec, redline: Redline) -> Located:
    package = word_package(read_word_parts(workspace.original(source)))
    recorded = recorded_places(base, redline)
    return locate(redline, package, free_texts(base), added_headings(base), recorded)


@pytest.mark.parametrize(("source", "name", "version"), BUNDLED)
def test_every_block_of_the_body_is_found_where_the_import_recorded_it(
    workspace: Workspace, source: str, name: str, version: str
) -> None:
    base = read_spec(workspace.root / "specs" / source)
    redline = mp102a(base, name, version)
    found = located(workspace, source, base, redline)
    in_body = [path for path in found.paragraphs if len(path) == 2] + list(found.tables)
    assert found.by_id == len(in_body) == len(recorded_places(base, redline)) > 50


@pytest.mark.parametrize(("source", "name", "version"), BUNDLED)
def test_without_provenance_the_text_finds_the_same_elements(
    workspace: Workspace, source: str, name: str, version: str
) -> None:
    base = read_spec(workspace.root / "specs" / source)
    redline = mp102a(base, name, version)
    by_id = located(workspace, source, base, redline)
    unrecorded = replace(base, origins=())
    by_text = located(workspace, source, unrecorded, redline)
    assert by_text.by_id == 0 and recorded_places(unrecorded, redline) == {}
    assert places(by_text) == places(by_id)


def places(found: Located) -> dict[tuple[int, ...], str]:
    """Each located paragraph and table by its path in the document (each call reads its own copy)."""
    elements = {**found.paragraphs, **{(*path, -1): table for path, table in found.tables.items()}}
    return {path: element.getroottree().getpath(element) for path, element in elements.items()}


def test_a_block_found_neither_where_recorded_nor_by_its_text_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    source, name, version = BUNDLED[2]
    text = (workspace.root / "specs" / source).read_text(encoding="utf-8")
    said = "Communications Hub Function shall implement the messages"
    assert said in text
    edited = tmp_path / source
    edited.write_text(text.replace(said, "Communications Hub Function shall refuse the messages"), "utf-8")
    base = read_spec(edited)
    with pytest.raises(InputError) as refused:
        redline_onto_bytes(
            mp102a(base, name, version), workspace.original(source), base=base, author="SECAS", date=DATE
        )
    message = str(refused.value)
    assert (
        "does not hold the text of CHTS 1.5: no paragraph '3.1.2 Communications Hub Function shall refuse"
        in message
    )
    assert re.search(
        r"where the import recorded it, paragraph \d+ reads '3\.1\.2 [^']* shall implement", message
    )
