"""Random edits written in place: a spec drawn by hypothesis is exported to Word and imported back as
the base; a second version drawn from it is redlined into the document, and reading the result with
every change accepted gives the second version's text, with every change rejected the document's own."""

from __future__ import annotations

from pathlib import Path

import docx
from hypothesis import HealthCheck, assume, given, settings

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.docx_import import import_docx
from spectool.model.document import Spec
from spectool.redline.check import check_document
from spectool.redline.export import export_spec
from spectool.redline.inplace import redline_onto_bytes
from spectool.redline.inplace.locate import same_text
from tests.redline.inplace_helpers import document, plain_lines, side_lines
from tests.redline.strategies import spec_pairs

DATE = "2024-05-01T09:30:00Z"


def compared(lines: list[str]) -> list[str]:
    """Lines as the importer reads them: the document keeps its own characters (a tab the importer
    reads as a space) where nothing changed."""
    return [same_text(line) for line in lines if line.strip()]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=spec_pairs())
def test_random_edits_accept_to_the_new_text_and_reject_to_the_document(
    tmp_path: Path, pair: tuple[Spec, Spec]
) -> None:
    old, new = pair
    original = tmp_path / "original.docx"
    export_spec(old, original)
    base = import_docx(original, name=old.name, version=old.version, title=old.title).spec
    body = page_lines(spec_page(base))
    # In place needs one paragraph of the document for each of the spec's: an empty sub-item "(b)"
    # is imported into the text before it, and such a document is refused (tested below).
    assume(compared(plain_lines(original)[-len(body) :]) == compared(body))
    # A glossary row with a term and no definition imports as a free paragraph, which in place cannot
    # stand in the Word table's row: such a document is refused (tests/redline/test_inplace_rows.py).
    assume(len(list(base.definitions())) == len(list(old.definitions())))
    redline = tmp_path / "onto.docx"
    data = redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=DATE)
    redline.write_bytes(data)
    rejected, accepted = side_lines(redline, Side.OLD), side_lines(redline, Side.NEW)
    assert rejected == plain_lines(original)
    front = len(rejected) - len(body)
    assert compared(accepted[front:]) == compared(page_lines(spec_page(new)))
    assert accepted[:front] == rejected[:front]
    assert check_document(document(redline)) == []
    docx.Document(str(redline))
