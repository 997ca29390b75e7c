"""Config.input_paths: every file a configuration reads; and tables no feature reads are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.errors import ConfigError


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_input_paths_are_the_file_its_specs_below_folders_and_the_files_it_names(tmp_path: Path) -> None:
    config_file = write(
        tmp_path / "spectool.toml",
        '[corpus]\nspecs = ["specs", "extra/*.spec", "gone.spec"]\n\n'
        '[coverage]\nfile = "config/coverage.toml"\n',
    )
    nested = write(tmp_path / "specs" / "smets2" / "v4.2.spec")
    top = write(tmp_path / "specs" / "chts.spec")
    write(tmp_path / "specs" / "README.md")
    extra = write(tmp_path / "extra" / "gsme.spec")
    paths = load_config(config_file).input_paths()
    root = tmp_path.resolve()
    assert [path.resolve() for path in paths] == [
        config_file.resolve(),
        top.resolve(),
        nested.resolve(),
        extra.resolve(),
        root / "config" / "coverage.toml",  # named, whether or not it exists yet
    ]


def test_input_paths_of_a_pyproject_configuration_with_inline_matrices(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.spectool.corpus]\nspecs = ["a.spec"]\n\n'
        "[tool.spectool.coverage.matrices.demo]\ntitle = 'T'\n",
    )
    spec = write(tmp_path / "a.spec")
    assert load_config(pyproject).input_paths() == [pyproject, spec.parent.resolve() / "a.spec"]


def test_the_built_in_configuration_has_only_its_specs(tmp_path: Path) -> None:
    spec = write(tmp_path / "specs" / "a.spec")
    assert load_config(start=tmp_path).input_paths() == [tmp_path.resolve() / "specs" / "a.spec"]
    assert spec.is_file()


def test_an_amendments_table_is_refused_as_unknown(tmp_path: Path) -> None:
    config_file = write(tmp_path / "spectool.toml", '[amendments]\nfolder = "amendments"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(config_file)
    [problem] = raised.value.problems
    assert problem.line == 1
    assert "unknown table or key 'amendments'" in problem.message
