"""`spectool redline`: draft legal text as a Word redline (or HTML, or Markdown) of two versions of a
spec, or of a spec and an amendment applied to it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from spectool.amend.apply import AppliedSpec, apply_target, missing_targets
from spectool.amend.model import Amendment
from spectool.amend.output import consolidated_source
from spectool.amend.reader import read_amendment
from spectool.atomic import write_text_atomic
from spectool.config import Config, load_config
from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.diff.model import Redline
from spectool.diff.summary import Summary
from spectool.errors import InputError, UsageError
from spectool.model.corpus import Corpus, split_key
from spectool.ownership import refuse_to_overwrite
from spectool.parsing import read_spec
from spectool.redline.cover import Modification, cover_view, modification_of, summary_view
from spectool.redline.docx import write_redline_docx
from spectool.redline.rationale import Rationale, rationales
from spectool.redline.resolved import resolved_findings
from spectool.redline.review import redline_html, redline_markdown
from spectool.redline.revisions import DEFAULT_AUTHOR, change_request_date, revision_author, revision_date

FORMATS = ("docx", "html", "markdown")
# A pull-request comment shows the changes with this many clauses either side, unless told otherwise.
MARKDOWN_CONTEXT = 1


@click.command("redline")
@click.argument(
    "sources", nargs=-1, required=True, metavar="OLD NEW | AMENDMENT", type=click.Path(path_type=Path)
)
@click.option("--target", metavar="SPEC@VERSION", help="The spec version the amendment is applied to.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="The file to write.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even if spectool did not write it.")
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
    force: bool,
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
    author = revision_author(author)
    if context_text is None:
        context_text = str(MARKDOWN_CONTEXT) if output_format == "markdown" else "all"
    context = parse_context(context_text)
    if output is None and output_format == "docx":
        raise UsageError("say where to write the .docx with -o FILE")
    built = _build(sources, target, config_path)
    redline, modification, inputs = built.redline, built.modification, built.inputs
    if output is not None:
        inputs = [*load_config(config_path).input_paths(), *inputs]
        refuse_to_overwrite(output, force=force, inputs=inputs)
    date = _date(date_text, built)
    shown = with_context(redline, context)
    notes = built.notes(shown)
    cover = cover_view(shown, author, date, modification)
    review = redline_html if output_format == "html" else redline_markdown  # a .docx goes to -o only
    summary = summary_view(redline)
    if output is None:
        sys.stdout.write(review(shown, cover, template_dir=template_dir, notes=notes))
        if print_summary:
            click.echo(summary_table(summary), err=True)
        return
    if output_format == "docx":
        write_redline_docx(
            shown,
            output,
            author=author,
            date=date,
            modification=modification,
            template_dir=template_dir,
            inputs=inputs,
            notes=notes,
        )
    else:
        write_text_atomic(output, review(shown, cover, template_dir=template_dir, notes=notes), inputs=inputs)
    if print_summary:
        click.echo(summary_table(summary))
    what = f"{redline.old.key} -> {redline.new.key}"
    if modification is not None:
        what = f"{modification.id} on {redline.old.key}"
    click.echo(f"{output}: {what}: {summary.line()}")


def parse_context(text: str) -> int | None:
    """`all` -> None (the whole text); a whole number N -> N."""
    if text.strip().lower() == "all":
        return None
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"--context {text!r}: expected a whole number or 'all'") from None
    if value < 0:
        raise UsageError(f"--context {text!r}: expected a whole number of clauses, 0 or more")
    return value


def summary_table(summary: Summary) -> str:
    headers = ("change", "item", "old", "new", "note")
    rows = [(r.change, r.what, r.old, r.new, r.detail) for r in summary.rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    lines.append(summary.line())
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Built:
    """What a redline is made from: the diff, and for an amendment its change request and instructions."""

    redline: Redline
    inputs: list[Path]
    amendment: Amendment | None = None
    applied: AppliedSpec | None = None

    @property
    def modification(self) -> Modification | None:
        return modification_of(self.amendment) if self.amendment is not None else None

    corpus: Corpus | None = None
    config: Config | None = None

    def notes(self, shown: Redline) -> tuple[Rationale, ...]:
        if self.amendment is None or self.applied is None:
            return ()
        resolved = None
        if self.corpus is not None and self.config is not None:
            resolved = resolved_findings(self.amendment, self.applied, self.corpus, self.config)
        return rationales(shown, self.amendment, self.applied, resolved)


def _date(text: str | None, built: _Built) -> str:
    """--date, else the change request's Date (so the same inputs give the same bytes), else now."""
    if built.amendment is None:
        return revision_date(text)
    return change_request_date(text, built.amendment.date, str(built.amendment.path))


def _build(sources: tuple[Path, ...], target: str | None, config_path: Path | None) -> _Built:
    if len(sources) == 2:
        if target is not None:
            raise UsageError("--target goes with an amendment, not with two spec sources")
        old, new = read_spec(sources[0]), read_spec(sources[1])
        if old.name != new.name:
            raise UsageError(f"{sources[0]} is {old.name} but {sources[1]} is {new.name}: redline one spec")
        return _Built(diff_specs(old, new), list(sources))
    if len(sources) != 1:
        raise UsageError("give two spec sources (OLD NEW) or one amendment")
    amendment = read_amendment(sources[0])
    if target is None:
        if len(amendment.keys) != 1:
            raise UsageError(f"say which target to redline with --target: one of {', '.join(amendment.keys)}")
        target = amendment.keys[0]
    if target not in amendment.keys:
        raise UsageError(f"{amendment.id} does not amend {target}: it amends {', '.join(amendment.keys)}")
    config = load_config(config_path)
    corpus = Corpus.load(config.spec_paths)
    problems = missing_targets(amendment, corpus, [target])
    if problems:
        raise InputError(problems)
    base = corpus.get(*split_key(target))
    if base is None:
        raise UsageError(f"no spec {target} in the corpus")
    applied = apply_target(amendment, target, base)
    consolidated_source(applied)  # an amended text that is no longer a valid spec fails as `apply` does
    inputs = [sources[0], *(Path(spec.path) for spec in corpus)]
    redline = diff_specs(base, applied.spec, applied.numbering)
    return _Built(redline, inputs, amendment, applied, corpus, config)
