"""bench/import_bench.py's synthetic Word document imports as the clauses, tables and footnotes it holds."""

from __future__ import annotations

from pathlib import Path

from bench.import_bench import synthetic_document, write_docx
from spectool.docx_import import import_docx


def test_synthetic_document_imports_whole(tmp_path: Path) -> None:
    parts, paragraphs = synthetic_document(200)
    path = tmp_path / "synthetic.docx"
    size = write_docx(parts, path)
    assert size == sum(len(text.encode()) for text in parts.values())
    imported = import_docx(path, name="SMETS2", version="9.9")
    clauses = [clause.number for clause in imported.spec.clauses()]
    # Headings and clauses are numbered by Word's list alone: 1, 1.1, 1.1.1, then clauses 1.1.1.1 ...
    assert str(clauses[0]) == "1.1.1.1" and str(clauses[12]) == "1.2.1.1"
    assert len(clauses) == 240  # whole sections: 4 subsections of 12 clauses each
    assert parts["word/document.xml"].count("<w:tbl>") == 240 // 40
    assert paragraphs == parts["word/document.xml"].count("<w:p>")
    assert imported.source.count("Footnote") == 240 // 25
