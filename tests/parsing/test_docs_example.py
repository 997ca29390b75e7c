"""The worked example in docs/format.md parses as documented."""

from __future__ import annotations

import re
from pathlib import Path

from spectool.parsing import parse_spec

DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def test_worked_example_parses() -> None:
    block = re.search(r"## A worked example\n\n```\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    spec = parse_spec(block[1], "docs/format.md")
    clause = spec.clause("5.7.4.1")
    assert clause is not None
    assert [item.label for item in clause.all_items()] == ["a", "i", "ii", "b"]
    assert [(str(ref.target), ref.spec) for ref in clause.all_references()] == [
        ("4.3", "CHTS"),
        ("5.7.4.1", None),
    ]
    assert clause.tables[0].rows[0][0] == "8F0A"
    suppressed = spec.clause("5.7.4.2")
    assert suppressed is not None and suppressed.suppressions[0].codes == ("TERM001",)
    assert [definition.term for definition in spec.definitions()] == ["Supply Outage"]


def test_real_document_example_parses() -> None:
    block = re.search(r"## Real documents\n.*?```\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    spec = parse_spec(block[1], "docs/format.md")
    assert [type(block).__name__ for block in spec.front] == [
        "Paragraph",
        "Paragraph",
        "Heading",
        "Table",
        "Contents",
        "Placeholder",
    ]
    clause = spec.clause("1.1.1")
    assert clause is not None and [type(a).__name__ for a in clause.attachments] == ["Footnote"]
    kinds = [type(block).__name__ for block in spec.sections[0].blocks]
    assert kinds == ["Paragraph", "Clause", "Heading", "Paragraph", "Table", "Placeholder"]
