"""`spectool parse`: validate spec sources and summarise them, or dump their model as JSON."""

from __future__ import annotations

import json

import click

from spectool.model.document import Spec
from spectool.model.serialize import spec_to_dict
from spectool.parsing import read_specs


def summary_row(spec: Spec) -> dict[str, object]:
    clauses = list(spec.clauses())
    return {
        "file": spec.path,
        "spec": spec.name,
        "version": spec.version,
        "sections": len(spec.sections),
        "clauses": len(clauses),
        "definitions": sum(1 for _ in spec.definitions()),
        "references": sum(1 for clause in clauses for _ in clause.all_references()),
    }


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A summary table, or the whole model as JSON.",
)
def command(paths: tuple[str, ...], output_format: str) -> None:
    """Parse spec sources (files, or folders of *.spec) and report what they hold."""
    specs = read_specs(paths)
    if output_format == "json":
        click.echo(json.dumps([spec_to_dict(spec) for spec in specs], indent=2, ensure_ascii=False))
        return
    rows = [summary_row(spec) for spec in specs]
    headers = ["file", "spec", "version", "sections", "clauses", "definitions", "references"]
    widths = {h: max(len(h), *(len(str(row[h])) for row in rows)) for h in headers}
    click.echo("  ".join(h.ljust(widths[h]) for h in headers))
    for row in rows:
        click.echo("  ".join(str(row[h]).ljust(widths[h]) for h in headers))
    click.echo(f"{len(specs)} spec{'s' if len(specs) != 1 else ''} parsed, no problems")
