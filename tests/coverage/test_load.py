"""Coverage configuration: the shipped matrix loads; every mistake is a ConfigError at the key's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.coverage.load import load_coverage
from spectool.errors import ConfigError, UsageError

ROOT = Path(__file__).resolve().parents[2]

MATRIX = """\
[matrices.demo]
title = "Demo"

[matrices.demo.rows.esme]
label = "ESME"
spec = "SMETS2"
terms = ["ESME"]

[matrices.demo.rows.esme.not-applicable]
reboot = "ESME does not reboot here"

[matrices.demo.columns.firmware]
label = "Firmware upgrade"
terms = ["firmware upgrade"]

[matrices.demo.columns.reboot]
label = "Reboot"
terms = ["reboot*"]
"""


def write(tmp_path: Path, matrix: str, coverage: str = 'file = "coverage.toml"\n') -> Path:
    (tmp_path / "coverage.toml").write_text(matrix, encoding="utf-8")
    config = tmp_path / "spectool.toml"
    config.write_text(f'[versions]\nSMETS2 = ["4.2"]\n\n[coverage]\n{coverage}', encoding="utf-8")
    return config


def problem_of(config: Path) -> tuple[str, int, str]:
    with pytest.raises(ConfigError) as caught:
        load_coverage(load_config(config))
    problem = caught.value.problems[0]
    return Path(problem.path).name, problem.line, problem.message


def test_the_shipped_ota_power_matrix_loads() -> None:
    settings = load_coverage(load_config(ROOT / "spectool.toml"))
    matrix = settings.matrix()
    assert matrix.name == "ota-power"
    assert [row.key for row in matrix.rows] == [
        "esme-single-element",
        "esme-twin-element",
        "esme-polyphase",
        "gsme",
        "communications-hub",
        "hot-shoe",
    ]
    assert [column.key for column in matrix.columns] == [
        "firmware-activation",
        "ch-firmware-upgrade",
        "reboot",
        "short-interruption",
        "supply-outage",
    ]
    assert {row.key: row.specs for row in matrix.rows}["communications-hub"] == ("CHTS",)
    assert all(cell.reason for cell in matrix.not_applicable)


def test_a_valid_file_gives_typed_matrices(tmp_path: Path) -> None:
    settings = load_coverage(load_config(write(tmp_path, MATRIX)))
    matrix = settings.matrix("demo")
    assert (matrix.title, matrix.rows[0].terms, matrix.columns[1].terms) == ("Demo", ("ESME",), ("reboot*",))
    assert matrix.not_applicable_reason(matrix.rows[0], matrix.columns[1]) == "ESME does not reboot here"
    with pytest.raises(UsageError, match="no coverage matrix 'other'"):
        settings.matrix("other")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (('terms = ["ESME"]', "terms = []"), 7, "'matrices.demo.rows.esme.terms' needs at least one term"),
        (
            ('terms = ["ESME"]', 'terms = "ESME"'),
            7,
            "'matrices.demo.rows.esme.terms' must be a list of terms",
        ),
        (('terms = ["ESME"]', 'terms = ["re*boot"]'), 7, "may only end with one '*'"),
        (('spec = "SMETS2"', 'spec = "SMTES2"'), 6, "names SMTES2, which [versions] in spectool.toml"),
        (('label = "ESME"', 'lable = "ESME"'), 5, "unknown key 'matrices.demo.rows.esme.lable'"),
        (("reboot = ", "rebot = "), 10, "'rebot' is not a column of demo"),
        (('title = "Demo"', 'title = ""'), 2, "'matrices.demo.title' must be a non-empty string"),
        (('label = "Reboot"', "label = 3"), 17, "'matrices.demo.columns.reboot.label' must be a non-empty"),
    ],
)
def test_mistakes_point_at_the_key(tmp_path: Path, change: tuple[str, str], line: int, message: str) -> None:
    name, found_line, found = problem_of(write(tmp_path, MATRIX.replace(*change, 1)))
    assert (name, found_line) == ("coverage.toml", line)
    assert message in found


def test_a_missing_label_points_at_its_table(tmp_path: Path) -> None:
    name, line, message = problem_of(write(tmp_path, MATRIX.replace('label = "ESME"\n', "")))
    assert (name, line, message) == ("coverage.toml", 4, "'matrices.demo.rows.esme.label' is missing")


def test_toml_syntax_errors_are_config_errors(tmp_path: Path) -> None:
    name, line, message = problem_of(write(tmp_path, MATRIX.replace('title = "Demo"', "title = Demo")))
    assert (name, line) == ("coverage.toml", 2)
    assert "Invalid value" in message


@pytest.mark.parametrize(
    ("coverage", "line", "message"),
    [
        ('file = "nowhere.toml"\n', 5, "'coverage.file' names nowhere.toml, which does not exist"),
        ("file = 3\n", 5, "'coverage.file' must name the file of coverage matrices"),
        (
            'file = "coverage.toml"\ndefault = "other"\n',
            6,
            "'coverage.default' must name a matrix: one of demo",
        ),
        ('file = "coverage.toml"\nfiles = 1\n', 6, "unknown key 'coverage.files'"),
    ],
)
def test_mistakes_in_the_coverage_table(tmp_path: Path, coverage: str, line: int, message: str) -> None:
    name, found_line, found = problem_of(write(tmp_path, MATRIX, coverage))
    assert (name, found_line) == ("spectool.toml", line)
    assert found.startswith(message)
