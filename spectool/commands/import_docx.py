"""`spectool import`: read a published spec from Word (.docx) and write it in the spec source format."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.atomic import write_text_atomic
from spectool.errors import UsageError
from spectool.ownership import refuse_to_overwrite, sign_spec_source


@click.command("import")
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .spec to write.",
)
@click.option("--spec", "name", required=True, help="The spec's name, such as SMETS2.")
@click.option("--version", "version", required=True, help="The spec's version, such as 5.0.")
@click.option("--title", help="The spec's title (default: the document's Title paragraph or properties).")
@click.option(
    "--accept-changes",
    is_flag=True,
    help="Import a document with tracked changes as if every change were accepted.",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even if spectool did not write it.")
def command(
    document: Path,
    output: Path,
    name: str,
    version: str,
    title: str | None,
    accept_changes: bool,
    force: bool,
) -> None:
    """Import DOCUMENT (a .docx) as spec source; what cannot be mapped is listed on stderr."""
    if not document.is_file():
        raise UsageError(f"{document}: no such file")
    workspace = Workspace.open()
    inputs = workspace.input_paths(document)
    # Refuse before the import's work rather than after it; the atomic write checks again.
    if output.exists() and any(path.exists() and output.resolve() == path.resolve() for path in inputs):
        raise UsageError(f"{output}: refusing to write over an input file")
    imported = workspace.import_docx(
        document, name=name, version=version, title=title, accept_changes=accept_changes
    )
    refuse_to_overwrite(output, force=force)
    write_text_atomic(output, sign_spec_source(imported.source, document.name), inputs=inputs)
    for issue in imported.issues:
        click.echo(f"{document}: {issue}", err=True)
    spec = imported.spec
    counts = (
        _count(len(spec.sections), "section"),
        _count(sum(1 for _ in spec.clauses()), "clause"),
        _count(sum(1 for _ in spec.definitions()), "definition"),
        _count(len(imported.issues), "warning"),
    )
    click.echo(f"wrote {output}: {spec.key}, {', '.join(counts)}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
