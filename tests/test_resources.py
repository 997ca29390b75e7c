"""The grammars and templates ship inside the package, through spectool/data."""

from __future__ import annotations

from pathlib import Path

from spectool.resources import grammar_path, resource_dir

ROOT = Path(__file__).resolve().parents[1]


def test_package_data_points_at_the_top_level_folders() -> None:
    for name in ("grammars", "templates"):
        assert resource_dir(name).resolve() == (ROOT / name).resolve()
    assert grammar_path("spec").is_file() and grammar_path("amendment").is_file()
    assert (resource_dir("schemas") / "sarif-schema-2.1.0.json").is_file()
