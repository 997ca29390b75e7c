"""One module per `spectool` sub-command, and the table that names them without importing them.

`spectool --help` lists every command from this table alone; a command's module (and with it lark,
lxml, numpy, the rules...) is imported only when that command runs. Each loader is a plain import,
so mypy follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import click


def _parse() -> click.Command:
    from spectool.commands.parse import command

    return command


def _check() -> click.Command:
    from spectool.commands.check import command

    return command


def _rules() -> click.Command:
    from spectool.commands.rules import command

    return command


def _coverage() -> click.Command:
    from spectool.commands.coverage import command

    return command


def _import() -> click.Command:
    from spectool.commands.import_docx import command

    return command


def _apply() -> click.Command:
    from spectool.commands.apply import command

    return command


def _align() -> click.Command:
    from spectool.commands.align import command

    return command


def _mirror() -> click.Command:
    from spectool.commands.mirror import command

    return command


def _redline() -> click.Command:
    from spectool.commands.redline import command

    return command


def _export() -> click.Command:
    from spectool.commands.export import command

    return command


def _draft() -> click.Command:
    from spectool.commands.draft import command

    return command


def _pack() -> click.Command:
    from spectool.commands.pack import command

    return command


@dataclass(frozen=True, slots=True)
class CommandEntry:
    name: str
    summary: str  # the first line of the command's docstring (a test keeps them equal)
    load: Callable[[], click.Command]


# In the order `spectool --help` lists them. One entry each.
COMMANDS = (
    CommandEntry(
        "parse", "Parse spec sources (files, or folders of *.spec) and report what they hold.", _parse
    ),
    CommandEntry(
        "check",
        "Check spec sources (or, with none, the configured corpus) and .amend amendments against the rules.",
        _check,
    ),
    CommandEntry("rules", "List every rule: code, name, severity (as configured) and summary.", _rules),
    CommandEntry(
        "coverage",
        "Show which clauses cover each cell of a coverage matrix (devices x scenarios), and the gaps.",
        _coverage,
    ),
    CommandEntry(
        "import",
        "Import DOCUMENT (a .docx) as spec source; what cannot be mapped is listed on stderr.",
        _import,
    ),
    CommandEntry(
        "apply",
        "Apply AMENDMENT to each spec version it targets; write each consolidated source into -o DIR.",
        _apply,
    ),
    CommandEntry(
        "align",
        "Align the clauses of SPEC@A with those of SPEC@B: kept, changed, renumbered, added, removed.",
        _align,
    ),
    CommandEntry(
        "mirror",
        "Print AMENDMENT's instructions for --from rewritten for --to, for the drafter to review and paste.",
        _mirror,
    ),
    CommandEntry(
        "redline",
        "Redline OLD against NEW (two spec sources), or AMENDMENT applied to --target SPEC@VERSION.",
        _redline,
    ),
    CommandEntry(
        "export",
        "Write SPEC (a spec source file, or SPEC@VERSION from the corpus) as a clean .docx.",
        _export,
    ),
    CommandEntry(
        "draft",
        "Write the amending instructions for the changes tracked in EDITED.docx to SPEC@VERSION.",
        _draft,
    ),
    CommandEntry(
        "pack",
        "Write AMENDMENT's legal-text pack: redlines, consolidated text, checks, coverage and an index.",
        _pack,
    ),
)
