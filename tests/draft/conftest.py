"""Shared fixtures for the drafting tests: the bundled corpus and exported specs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.model.corpus import Corpus
from spectool.parsing import load_corpus
from spectool.redline.export import export_docx_bytes

ROOT = Path(__file__).resolve().parents[2]


@cache
def corpus() -> Corpus:
    return load_corpus(load_config(ROOT / "spectool.toml").spec_paths)


@cache
def exported(key: str) -> bytes:
    return export_docx_bytes(corpus().require(key))


@pytest.fixture
def bundled() -> Corpus:
    return corpus()
