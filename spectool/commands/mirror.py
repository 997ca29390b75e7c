"""`spectool mirror`: propose an amendment's instructions for one version as instructions for another."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.amend.mirror import mirror_amendment
from spectool.amend.reader import read_amendment
from spectool.atomic import write_text_atomic
from spectool.config import load_config
from spectool.errors import UsageError
from spectool.model.corpus import Corpus
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
    config = load_config(config_path)
    inputs = [*config.input_paths(), amendment_path]
    if output is not None:
        refuse_to_overwrite(output, force=force, inputs=inputs)
    corpus = Corpus.load(config.spec_paths)
    amendment = read_amendment(amendment_path)
    source, target = corpus.require(source_key), corpus.require(target_key)
    if source.key not in amendment.keys:
        raise UsageError(
            f"{amendment_path} does not amend {source.key} (it amends {', '.join(amendment.keys)})"
        )
    if source.name != target.name or source.key == target.key:
        raise UsageError(f"mirror between two versions of one spec, not {source.key} and {target.key}")
    mirror = mirror_amendment(amendment, source, target)
    if output is None:
        click.echo(mirror.render(), nl=False)
    else:
        write_text_atomic(output, mirror.render(), inputs=inputs)
        click.echo(f"wrote {output}", err=True)
    notes = mirror.notes
    if notes:
        click.echo(
            f"{len(notes)} note{'s' if len(notes) != 1 else ''} for the drafter, shown as // comments",
            err=True,
        )
