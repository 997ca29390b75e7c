"""`spectool mirror`: propose an amendment's instructions for one version as instructions for another."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.api.messages import mirror_notes
from spectool.atomic import write_text_atomic
from spectool.ownership import refuse_to_overwrite


@click.command("mirror")
@click.argument("amendment_path", metavar="AMENDMENT", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "source_key", required=True, metavar="SPEC@VERSION", help="The version amended.")
@click.option("--to", "target_key", required=True, metavar="SPEC@VERSION", help="The version to propose for.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the proposal to this file (atomically) instead of printing it.",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even if spectool did not write it.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(
    amendment_path: Path,
    source_key: str,
    target_key: str,
    output: Path | None,
    force: bool,
    config_path: Path | None,
) -> None:
    """Print AMENDMENT's instructions for --from rewritten for --to, for the drafter to review and paste.

    Clause numbers follow the alignment of the two versions; each proposal is tried against the
    other version's text, and what does not carry over is noted as a `//` comment above it.
    """
    workspace = Workspace.open(config_path)
    inputs = workspace.input_paths(amendment_path)
    if output is not None:
        refuse_to_overwrite(output, force=force, inputs=inputs)
    mirror = workspace.mirror(amendment_path, source_key, target_key)
    if output is None:
        click.echo(mirror.render(), nl=False)
    else:
        write_text_atomic(output, mirror.render(), inputs=inputs)
        click.echo(f"wrote {output}", err=True)
    if mirror.notes:
        click.echo(mirror_notes(mirror), err=True)
