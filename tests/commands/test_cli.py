"""The command table: every command module is listed, loads lazily, and its summary is its docstring's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]

PACKAGE = Path(__file__).resolve().parents[2] / "spectool" / "commands"


def test_every_command_module_has_an_entry() -> None:
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    loaded = {entry.load().callback.__module__.rsplit(".", 1)[1] for entry in COMMANDS}
    assert loaded == modules


def test_each_summary_is_the_first_line_of_the_commands_help() -> None:
    for entry in COMMANDS:
        command = entry.load()
        assert command.name == entry.name
        assert command.get_short_help_str(limit=500) == entry.summary, entry.name


def test_help_lists_every_command_and_imports_none_of_them() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for entry in COMMANDS:
        assert f"  {entry.name} " in result.output
    # In a fresh interpreter: listing the commands must not import what they need to run.
    probe = (
        "import sys; from click.testing import CliRunner; from spectool.cli import main; "
        "CliRunner().invoke(main, ['--help']); "
        "heavy = ('spectool.commands.', 'lark', 'numpy', 'lxml'); "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["nope"])
    assert result.exit_code == 2 and "No such command 'nope'" in result.output


def test_a_check_of_specs_imports_no_amending_diffing_redlining_or_word() -> None:
    # In a fresh interpreter: a check of the bundled specs needs the parser and the rules alone.
    probe = (
        "import sys; from click.testing import CliRunner; from spectool.cli import main; "
        "result = CliRunner().invoke(main, ['check', '--no-cache', '--fail-on', 'never']); "
        "assert result.exit_code == 0, result.output; "
        "heavy = ('spectool.amend.apply', 'spectool.diff', 'spectool.redline', 'spectool.docx_import', "
        "'spectool.docx_export', 'spectool.pack', 'numpy', 'lxml', 'jinja2'); "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert loaded.stdout.strip() == "[]"
