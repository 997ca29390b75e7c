"""How many documents `spectool export` then `spectool import` gives back unchanged: the bundled specs,
the SEC-shaped documents built in tests/docx_import/sec_shapes.py, and the real-document corpus of
bench/real_docs.py (fetched into its cache folder at run time, never committed).

For each document's import S it counts: python-docx opens export(S); import(export(S)) == S exactly;
equal once export's own rules are applied (contents written afresh, notes numbered in citation order,
placeholders as the lines naming them: tests/docx_import/exported.py); and import(export(.)) of that
result changes nothing (a fixed point after one round). It lists the documents that differ, with the
first line of the difference in the source format.

Run: .venv/bin/python bench/export_round_trip.py [--cache DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_docs import DEFAULT_CACHE, corpus
from spectool.docx_import import import_docx
from spectool.errors import SpectoolError
from spectool.model.document import Spec
from spectool.parsing import read_spec, render_spec
from spectool.redline.export import export_spec
from tests.docx_import.exported import as_exported
from tests.docx_import.sec_shapes import SHAPES

ROOT = Path(__file__).resolve().parent.parent


def documents(cache: Path, limit: int | None) -> Iterator[tuple[str, str, Path | Spec]]:
    """(group, name, a Word document or a spec model) for every document judged."""
    for path in sorted((ROOT / "specs").glob("*.spec")):
        yield "bundled", path.name, read_spec(path)
    with tempfile.TemporaryDirectory() as folder:
        for name, build in SHAPES.items():
            yield "sec-shaped", name, build().save(Path(folder) / f"{name}.docx")
    for document in corpus(cache)[:limit]:
        yield "corpus", document.name, document.path


def round_trip(spec: Spec, folder: Path) -> Spec:
    path = folder / "export.docx"
    export_spec(spec, path)
    docx.Document(str(path))  # python-docx opens every output, or this raises
    return import_docx(path, name=spec.name, version=spec.version).spec


def first_difference(expected: Spec, found: Spec) -> str:
    lines = difflib.unified_diff(render_spec(expected).splitlines(), render_spec(found).splitlines(), n=0)
    changed = [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return " | ".join(changed[:2])[:150]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--limit", type=int, default=None, help="judge only the first N corpus documents")
    options = parser.parse_args(argv)
    counts: dict[str, Counter[str]] = {}
    differing: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for group, name, source in documents(options.cache, options.limit):
            tally = counts.setdefault(group, Counter())
            tally["documents"] += 1
            try:
                spec = (
                    source
                    if isinstance(source, Spec)
                    else import_docx(source, name="REAL", version="1.0").spec
                )
            except SpectoolError:
                tally["refused by the import"] += 1
                continue
            once = round_trip(spec, folder)
            tally["python-docx opens the export"] += 1
            expected = as_exported(spec)
            tally["exactly the same"] += once == spec
            tally["the same by export's rules"] += once == expected
            tally["a fixed point after one round"] += round_trip(once, folder) == once
            if once != expected:
                differing.append(f"{group} {name}: {first_difference(expected, once)}")
    for group, tally in counts.items():
        print(f"{group}: " + ", ".join(f"{key} {value}" for key, value in tally.items()))
    for line in differing:
        print(f"  differs: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
