"""`spectool mirror`: propose an amendment's instructions for one version as instructions for another."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.api.messages import mirror_notes


@click.command("mirror")
@click.argument("amendment_path", metavar="AMENDMENT", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "source_key", required=True, metavar="SPEC@VERSION", help="The version amended.")
@click.option("--to", "target_key", required=True, metavar="SPEC@VERSION", help="The version to propose for.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(amendment_path: Path, source_key: str, target_key: str, config_path: Path | None) -> None:
    """Print AMENDMENT's instructions for --from rewritten for --to, for the drafter to review and paste.

    Clause numbers follow the alignment of the two versions; each proposal is tried against the
    other version's text, and what does not carry over is noted as a `//` comment above it.
    """
    mirror = Workspace.open(config_path).mirror(amendment_path, source_key, target_key)
    click.echo(mirror.render(), nl=False)
    if mirror.notes:
        click.echo(mirror_notes(mirror), err=True)
