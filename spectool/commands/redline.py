"""`spectool redline`: draft legal text as a Word redline (or HTML, or Markdown) of two versions of a
spec, or of a spec and an amendment applied to it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from spectool.api import RedlineDraft, Workspace
from spectool.api.redlining import FORMATS, MARKDOWN_CONTEXT, Drafting, default_context, parse_context
from spectool.diff.summary import Summary
from spectool.errors import UsageError
from spectool.parsing import read_spec
from spectool.redline.revisions import DEFAULT_AUTHOR


@click.command("redline")
@click.argument(
    "sources", nargs=-1, required=True, metavar="OLD NEW | AMENDMENT", type=click.Path(path_type=Path)
)
@click.option("--target", metavar="SPEC@VERSION", help="The spec version the amendment is applied to.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="The file to write.")
@click.option("--author", default=DEFAULT_AUTHOR, show_default=True, help="The author of every revision.")
@click.option(
    "--date",
    "date_text",
    metavar="YYYY-MM-DDTHH:MM:SSZ",
    help="The date of every revision [default: the amendment's Date, else now].",
)
@click.option(
    "--context",
    "context_text",
    metavar="N|all",
    help='Show only changed clauses with N clauses either side ("..." for the rest), or all of the text '
    f"[default: {MARKDOWN_CONTEXT} for markdown, else all].",
)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="docx", show_default=True)
@click.option(
    "--template-dir", type=click.Path(path_type=Path, file_okay=False), help="Your copy of templates/."
)
@click.option("--summary", "print_summary", is_flag=True, help="Print the summary of changes here as well.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(
    sources: tuple[Path, ...],
    target: str | None,
    output: Path | None,
    author: str,
    date_text: str | None,
    context_text: str | None,
    output_format: str,
    template_dir: Path | None,
    print_summary: bool,
    config_path: Path | None,
) -> None:
    """Redline OLD against NEW (two spec sources), or AMENDMENT applied to --target SPEC@VERSION.

    A .docx has real tracked changes (accept all gives the new text, reject all the old), a cover block
    and a summary of changes; --format html or markdown gives the same redline for reviewers."""
    context = default_context(output_format) if context_text is None else parse_context(context_text)
    if output is None and output_format == "docx":
        raise UsageError("say where to write the .docx with -o FILE")
    workspace = Workspace.open(config_path)
    draft = _draft(workspace, sources, target, Drafting(author, date_text, context, template_dir))
    summary = draft.summary
    if output is None:
        sys.stdout.write(draft.review(output_format))
        if print_summary:
            click.echo(summary_table(summary), err=True)
        return
    draft.write(output, output_format, inputs=workspace.input_paths())
    if print_summary:
        click.echo(summary_table(summary))
    click.echo(draft.written_line(output))


def _draft(
    workspace: Workspace, sources: tuple[Path, ...], target: str | None, drafting: Drafting
) -> RedlineDraft:
    if len(sources) == 2:
        if target is not None:
            raise UsageError("--target goes with an amendment, not with two spec sources")
        return workspace.redline_specs(read_spec(sources[0]), read_spec(sources[1]), drafting)
    if len(sources) != 1:
        raise UsageError("give two spec sources (OLD NEW) or one amendment")
    amendment = workspace.amendment(sources[0])
    if target is None:
        if len(amendment.keys) != 1:
            raise UsageError(f"say which target to redline with --target: one of {', '.join(amendment.keys)}")
        target = amendment.keys[0]
    if target not in amendment.keys:
        raise UsageError(f"{amendment.id} does not amend {target}: it amends {', '.join(amendment.keys)}")
    return workspace.redline(workspace.apply(amendment, [target]), target, drafting)


def summary_table(summary: Summary) -> str:
    headers = ("change", "item", "old", "new", "note")
    rows = [(r.change, r.what, r.old, r.new, r.detail) for r in summary.rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    lines.append(summary.line())
    return "\n".join(lines)
