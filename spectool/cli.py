"""The `spectool` command line: the one place that prints and chooses exit codes."""

from __future__ import annotations

import sys
from typing import Any

import click

from spectool import __version__
from spectool.commands import COMMANDS
from spectool.errors import SpectoolError, error_report

EXIT_INPUT_ERROR = 2
_BY_NAME = {entry.name: entry for entry in COMMANDS}


class SpectoolGroup(click.Group):
    """Turns spectool's own errors into `file:line:col: message` and exit status 2, never a traceback;
    loads each command's module only when it runs (spectool.commands.COMMANDS)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [entry.name for entry in COMMANDS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _BY_NAME.get(cmd_name)
        return entry.load() if entry is not None else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(entry.name, entry.summary) for entry in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SpectoolError as error:
            click.echo(error_report(error), err=True)
            sys.exit(EXIT_INPUT_ERROR)


@click.group(cls=SpectoolGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spectool")
def main() -> None:
    """Check SEC technical specifications and draft their legal text as Word redlines."""
