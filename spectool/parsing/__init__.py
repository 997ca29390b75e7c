"""Reading and writing spec sources."""

from __future__ import annotations

from spectool.parsing.reader import load_corpus, parse_spec, read_spec, read_specs
from spectool.parsing.writer import render_spec

__all__ = ["load_corpus", "parse_spec", "read_spec", "read_specs", "render_spec"]
