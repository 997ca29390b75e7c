"""The `spectool` command line: the one place that prints and chooses exit codes."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

import click

from spectool import __version__
from spectool.errors import InputError, SpectoolError

# Each module in spectool/commands/ defines `command`, a click command; one line each.
COMMANDS = (
    "parse",
    "check",
    "rules",
    "coverage",
    "import_docx",
    "apply",
    "align",
    "mirror",
    "redline",
    "export",
    "draft",
    "pack",
)

EXIT_INPUT_ERROR = 2


class SpectoolGroup(click.Group):
    """Turns spectool's own errors into `file:line:col: message` and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(error.render(), err=True)
            count = len(error.problems)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
            sys.exit(EXIT_INPUT_ERROR)
        except SpectoolError as error:
            click.echo(f"spectool: {error.render()}", err=True)
            sys.exit(EXIT_INPUT_ERROR)


@click.group(cls=SpectoolGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spectool")
def main() -> None:
    """Check SEC technical specifications and draft their legal text as Word redlines."""


def _register(names: tuple[str, ...]) -> None:
    for name in names:
        module = importlib.import_module(f"spectool.commands.{name}")
        command: Callable[..., Any] = module.command
        main.add_command(command)  # type: ignore[arg-type]


_register(COMMANDS)
