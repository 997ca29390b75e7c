"""`spectool apply`: apply an amendment to the specs it targets and write the consolidated sources."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.errors import InputError, UsageError


@click.command("apply")
@click.argument("amendment_path", metavar="AMENDMENT", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="SPEC@VERSION",
    help="Apply only to this target (repeatable); default: every target.",
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the consolidated spec sources (never over an input).",
)
@click.option(
    "--verify", is_flag=True, help="Also confirm the text differs only where the amendment says it does."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(
    amendment_path: Path,
    targets: tuple[str, ...],
    output_dir: Path | None,
    verify: bool,
    config_path: Path | None,
) -> None:
    """Apply AMENDMENT to each spec version it targets; write each consolidated source into -o DIR."""
    if output_dir is None and not verify:
        raise UsageError(
            "say where to write the consolidated specs with -o DIR (or only check with --verify)"
        )
    workspace = Workspace.open(config_path)
    done = workspace.consolidate(amendment_path, output_dir, targets=targets, verify=verify)
    for warning in done.warnings:
        click.echo(warning.render(), err=True)
    if output_dir is not None:
        for path, target in zip(done.written, done.ready, strict=True):
            click.echo(f"{path}: {target.key} {target.what_changed()}")
    else:
        for target in done.ready:
            click.echo(f"{target.key}: differs from its base only where {done.applied.amendment.id} says")
    if done.problems:
        raise InputError(list(done.problems))
