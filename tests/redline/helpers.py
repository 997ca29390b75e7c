"""Shared steps of the redline tests: write a redline, read it back as each version's text."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from spectool.diff.model import Redline, Side
from spectool.diff.plain import normalise_lines
from spectool.model.document import Spec
from spectool.parsing import parse_spec, read_spec
from spectool.redline.accept import lines_after, lines_before, read_document_xml, read_side
from spectool.redline.docx import redline_docx_bytes
from spectool.redline.view import BODY_BOOKMARK

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "sample.spec"
DATE = "2024-05-01T09:30:00Z"


def sample() -> Spec:
    return read_spec(SAMPLE)


def edit_sample(*edits: tuple[str, str]) -> Spec:
    """The sample fixture with each (old, new) replacement made in its source text."""
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return parse_spec(text, "edited.spec")


def write_docx(redline: Redline, folder: Path, name: str = "redline.docx", **options: Any) -> Path:
    path = folder / name
    path.write_bytes(redline_docx_bytes(redline, author="SECAS", date=DATE, **options))
    return path


def body_lines(path: Path, side: Side) -> list[str]:
    """The body's text (after the cover and summary) with every revision accepted (NEW) or rejected."""
    return normalise_lines(lines_after(read_side(read_document_xml(path), side), BODY_BOOKMARK))


def front_lines(path: Path) -> list[str]:
    """The cover block and summary: the same either way, as they carry no revisions."""
    return normalise_lines(lines_before(read_side(read_document_xml(path), Side.NEW), BODY_BOOKMARK))


def document_root(path: Path) -> Any:
    return read_document_xml(path)


def part(path: Path, name: str) -> Any:
    """One XML part of a .docx, parsed."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))
