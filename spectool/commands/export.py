"""`spectool export`: the clean .docx of one spec version, through the redline templates."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.config import Config, load_config
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.ownership import refuse_to_overwrite
from spectool.parsing import read_spec
from spectool.redline.export import export_spec


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
    config = load_config(config_path)
    spec = _load(spec_name, config)
    sources = (*config.input_paths(), *([Path(spec.path)] if spec.path else []))
    refuse_to_overwrite(output, force=force, inputs=sources)
    export_spec(spec, output, template_dir, inputs=tuple(config.input_paths()))
    click.echo(f"{output}: {spec.key}, {sum(1 for _ in spec.clauses())} clauses")


def _load(name: str, config: Config) -> Spec:
    path = Path(name)
    if path.is_file():
        return read_spec(path)
    return Corpus.load(config.spec_paths).require(name)
