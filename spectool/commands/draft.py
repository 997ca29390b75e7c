"""`spectool draft`: a Word document's tracked changes (or two clean documents) in, an amendment out."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.amend.writer import render_amendment
from spectool.api import Workspace
from spectool.atomic import write_text_atomic
from spectool.draft.drafting import draft_amendment
from spectool.draft.instructions import DraftError
from spectool.draft.views import read_compared, read_tracked
from spectool.errors import InputError, Problem
from spectool.model.document import Spec


@click.command("draft")
@click.argument("edited", metavar="EDITED.docx", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--target", "target_key", required=True, metavar="SPEC@VERSION", help="The version amended.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The .amend file to write (never over an input).",
)
@click.option(
    "--compare",
    "original",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The clean designated document: EDITED.docx is then a clean edited copy of it.",
)
@click.option(
    "--mirror", is_flag=True, help="Add the instructions `mirror` proposes for the other live versions."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(
    edited: Path, target_key: str, output: Path, original: Path | None, mirror: bool, config_path: Path | None
) -> None:
    """Write the amending instructions for the changes tracked in EDITED.docx to SPEC@VERSION.

    The text with every change rejected must be the target's; the instructions are proved by
    applying them. The check's findings on the result are printed as the draft is written.
    """
    workspace = Workspace.open(config_path)
    config, corpus = workspace.config, workspace.corpus
    target = corpus.require(target_key)
    others: tuple[Spec, ...] = ()
    if mirror:
        live = config.live_versions.get(target.name, [])
        others = tuple(corpus.require(f"{target.name}@{v}") for v in live if v != target.version)
    try:
        if original is None:
            views = read_tracked(edited, target.name, target.version)
        else:
            views = read_compared(original, edited, target.name, target.version)
        draft = draft_amendment(views, target, others)
    except DraftError as error:
        raise InputError([Problem(str(edited), 0, 0, str(error))]) from None
    inputs = (edited, *((original,) if original else ()), *(Path(spec.path) for spec in corpus if spec.path))
    write_text_atomic(output, render_amendment(draft.amendment), inputs=inputs)
    count = sum(len(t.instructions) for t in draft.amendment.targets)
    click.echo(
        f"{output}: {count} instruction{'s' if count != 1 else ''} for {draft.amendment.specs_affected}"
    )
    for note in draft.notes:
        click.echo(f"note: {note}", err=True)
    # Findings on the corpus as it stands are `spectool check`'s to report; these are the draft's.
    findings = workspace.check([output]).result.findings
    for finding in (f for f in findings if Path(f.path) == output):
        where = f"{finding.path}:{finding.line}:{finding.column}" if finding.line else finding.path
        click.echo(f"{where}: {finding.severity.value} {finding.code} {finding.message}")
