"""`spectool export`: the clean .docx of one spec version, through the redline templates."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.ownership import refuse_to_overwrite


@click.command("export")
@click.argument("spec_name", metavar="SPEC")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The .docx to write.",
)
@click.option(
    "--template-dir", type=click.Path(path_type=Path, file_okay=False), help="Your copy of templates/."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even if spectool did not write it.")
def command(
    spec_name: str, output: Path, template_dir: Path | None, config_path: Path | None, force: bool
) -> None:
    """Write SPEC (a spec source file, or SPEC@VERSION from the corpus) as a clean .docx."""
    workspace = Workspace.open(config_path)
    spec = workspace.spec(spec_name)
    refuse_to_overwrite(
        output, force=force, inputs=workspace.input_paths(*([Path(spec.path)] if spec.path else []))
    )
    workspace.export(spec, output, template_dir=template_dir)
    click.echo(f"{output}: {spec.key}, {sum(1 for _ in spec.clauses())} clauses")
