"""`spectool align`: pair the clauses of two versions of a spec and show what became of each."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from spectool.api import Workspace
from spectool.diff.align import PairKind


@click.command("align")
@click.argument("old_key", metavar="SPEC@A")
@click.argument("new_key", metavar="SPEC@B")
@click.option(
    "--only",
    "kinds",
    multiple=True,
    type=click.Choice([kind.value for kind in PairKind]),
    help="Show only pairs of this kind (repeatable); the totals always count every pair.",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(old_key: str, new_key: str, kinds: tuple[str, ...], config_path: Path | None) -> None:
    """Align the clauses of SPEC@A with those of SPEC@B: kept, changed, renumbered, added, removed."""
    workspace = Workspace.open(config_path)
    old, new = workspace.corpus.require(old_key), workspace.corpus.require(new_key)
    alignment = workspace.align(old_key, new_key)
    shown = [pair for pair in alignment.pairs if not kinds or pair.kind.value in kinds]
    rows = [
        (
            pair.kind.value,
            pair.old.id if pair.old is not None else "-",
            pair.new.id if pair.new is not None else "-",
            f"{pair.score:.1f}" if pair.old is not None and pair.new is not None else "",
        )
        for pair in shown
    ]
    header = ("kind", f"{old.name} {old.version}", f"{new.name} {new.version}", "score")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    counts = Counter(pair.kind for pair in alignment.pairs)
    click.echo(", ".join(f"{counts[kind]} {kind.value}" for kind in PairKind))
