"""Spec model -> Word -> import gives the model back; and imported text always reads back."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spectool.docx_import import import_docx
from spectool.docx_import.normalise import clean_line
from spectool.model.document import Block, Clause, Definition, Section, Spec, Text
from spectool.parsing import read_spec

from .docx_builder import DocxBuilder, docx_from_spec, import_built

ROOT = Path(__file__).parent.parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "sample.spec"
BUNDLED = sorted((ROOT / "specs").glob("*.spec"))
EXPORT_MODULE = "spectool.redline.export"


def as_word_keeps_it(spec: Spec) -> Spec:
    """What survives Word: suppression comments live only in the source format."""

    def block(item: Block) -> Block:
        return dataclasses.replace(item, suppressions=()) if isinstance(item, Clause | Definition) else item

    def section(item: Section) -> Section:
        return dataclasses.replace(item, blocks=tuple(block(b) for b in item.blocks))

    return dataclasses.replace(spec, sections=tuple(section(s) for s in spec.sections))


def unwrapped(spec: Spec) -> Spec:
    """The spec with every text on one line: where a source line wraps is layout, which Word reflows."""

    def flat(node: Any) -> Any:
        changes: dict[str, Any] = {}
        for name in ("text", "items", "attachments", "blocks"):
            value = getattr(node, name, None)
            if isinstance(value, Text):
                changes[name] = Text(value.flat)
            elif isinstance(value, tuple):
                changes[name] = tuple(flat(child) for child in value)
        return dataclasses.replace(node, **changes) if changes else node

    return dataclasses.replace(spec, sections=tuple(flat(section) for section in spec.sections))


@pytest.mark.parametrize("path", [SAMPLE, *BUNDLED], ids=lambda path: path.name)
def test_a_spec_typed_into_word_imports_back_to_the_same_model(tmp_path: Path, path: Path) -> None:
    original = as_word_keeps_it(read_spec(path))
    result = import_built(docx_from_spec(original), tmp_path, name=original.name, version=original.version)
    assert result.spec == original
    assert result.issues == ()


@pytest.mark.skipif(
    importlib.util.find_spec(EXPORT_MODULE) is None,
    reason="spectool/redline/export.py (spectool export) does not exist yet",
)
@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.name)
def test_an_exported_bundled_spec_imports_back_to_the_same_model(tmp_path: Path, path: Path) -> None:
    from spectool.redline.export import export_spec

    original = as_word_keeps_it(read_spec(path))
    exported = tmp_path / f"{path.stem}.docx"
    export_spec(original, exported)
    result = import_docx(exported, name=original.name, version=original.version)
    assert unwrapped(result.spec) == unwrapped(original)
    assert result.issues == ()


# Text built from pieces that the source format gives a meaning to at the start of a line.
TRICKY = st.sampled_from(
    [
        "(a)",
        "(iv)",
        "(ii)",
        "(x)",
        "Note:",
        "Note 2:",
        '"Term"',
        "#",
        "##",
        "|",
        "// x",
        "End Table",
        "5.7.1",
        "---",
    ]
)
WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzESM01234.,;:()'\"\u201c\u201d\u00a0", min_size=1, max_size=8
)
LINE = st.lists(st.one_of(TRICKY, WORD), min_size=1, max_size=6).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clause=TEXT, items=st.lists(TEXT, max_size=3), note=TEXT)
def test_imported_text_reads_back_and_keeps_every_word(
    tmp_path: Path, clause: str, items: list[str], note: str
) -> None:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph(f"5.7.1 ESME {clause}")
    for label, text in zip("abc", items, strict=False):
        builder.paragraph(f"({label}) {text}")
    builder.paragraph(f"Note: {note}")
    # import_docx parses what it renders and raises unless it reads back as the same model.
    result = import_built(builder, tmp_path)
    (section,) = [s for s in result.spec.sections if s.blocks]
    imported = " ".join(
        part
        for block in section.blocks
        for part in (
            # A section's own note (when the clause ended before it) has no sub-items.
            [block.text.value, *(f"({i.label}) {i.text.value}" for i in getattr(block, "all_items", tuple)())]  # type: ignore[union-attr]
            + [n.text.value for n in getattr(block, "notes", ())]
        )
    )
    typed = f"ESME {clause} " + " ".join(
        f"({label}) {text}" for label, text in zip("abc", items, strict=False)
    )
    expected = clean_line(f"{typed} {note}").split()
    assert imported.split() == expected
