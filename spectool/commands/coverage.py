"""`spectool coverage`: which clauses of each spec version cover which device and scenario."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.api.checking import shown_path
from spectool.atomic import write_text_atomic
from spectool.coverage.reports import RENDERERS
from spectool.coverage.request import CoverageRequest


@click.command("coverage")
@click.argument("specs", nargs=-1, metavar="[SPEC@VERSION]...")
@click.option(
    "--matrix", "matrix", metavar="NAME", help="The matrix to fill in (default: [coverage] default)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(RENDERERS)),
    default="text",
    show_default=True,
    help="How to write the report.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file (atomically) instead of printing it.",
)
@click.option(
    "--explain", nargs=2, metavar="ROW COLUMN", help="Why one cell is covered or not, clause by clause."
)
@click.option(
    "--compare",
    nargs=2,
    metavar="LEFT RIGHT",
    help="Two spec versions side by side, e.g. SMETS2@4.2 SMETS2@5.0.",
)
@click.option(
    "--amendment",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Fill the matrix in for the specs as this amendment leaves them.",
)
@click.option("--before-after", is_flag=True, help="With --amendment: each changed spec before and after it.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="spectool.toml to use (default: found from the current folder).",
)
def command(
    specs: tuple[str, ...],
    matrix: str | None,
    output_format: str,
    output: Path | None,
    explain: tuple[str, str] | None,
    compare: tuple[str, str] | None,
    amendment: Path | None,
    before_after: bool,
    config_path: Path | None,
) -> None:
    """Show which clauses cover each cell of a coverage matrix (devices x scenarios), and the gaps."""
    workspace = Workspace.open(config_path)
    request = CoverageRequest(
        matrix=matrix,
        specs=specs,
        output_format=output_format,
        explain=explain or None,
        compare=compare or None,
        amendment=amendment,
        before_after=before_after,
    )
    report = workspace.coverage(request, shown=shown_path)
    if output is None:
        click.echo(report, nl=False)
        return
    write_text_atomic(output, report, inputs=workspace.input_paths(*([amendment] if amendment else [])))
    click.echo(f"wrote {output}", err=True)
