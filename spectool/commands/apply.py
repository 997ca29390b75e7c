"""`spectool apply`: apply an amendment to the specs it targets and write the consolidated sources."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.amend.apply import AppliedSpec, apply_target, missing_targets
from spectool.amend.output import consolidated_source, output_paths
from spectool.amend.reader import read_amendment
from spectool.amend.scope import verify_scope
from spectool.atomic import write_text_atomic
from spectool.config import load_config
from spectool.errors import InputError, Problem, UsageError
from spectool.model.corpus import Corpus, split_key


@click.command("apply")
@click.argument("amendment_path", metavar="AMENDMENT", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="SPEC@VERSION",
    help="Apply only to this target (repeatable); default: every target.",
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the consolidated spec sources (never over an input).",
)
@click.option(
    "--verify", is_flag=True, help="Also confirm the text differs only where the amendment says it does."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(
    amendment_path: Path,
    targets: tuple[str, ...],
    output_dir: Path | None,
    verify: bool,
    config_path: Path | None,
) -> None:
    """Apply AMENDMENT to each spec version it targets; write each consolidated source into -o DIR."""
    if output_dir is None and not verify:
        raise UsageError(
            "say where to write the consolidated specs with -o DIR (or only check with --verify)"
        )
    config = load_config(config_path)
    corpus = Corpus.load(config.spec_paths)
    amendment = read_amendment(amendment_path)
    keys = _selected(amendment.keys, targets)
    problems: list[Problem] = missing_targets(amendment, corpus, keys)
    # Named among every target, not only those selected, so a target's file name never depends on --target.
    bases = {key: base for key in amendment.keys if (base := corpus.get(*split_key(key))) is not None}
    paths = output_paths(output_dir, bases) if output_dir is not None else {}
    ready: list[tuple[AppliedSpec, str]] = []
    for key in keys:
        base = corpus.get(*split_key(key))
        if base is None:
            continue
        try:
            applied = apply_target(amendment, key, base)
            text = consolidated_source(applied)
        except InputError as error:
            problems.extend(error.problems)
            continue
        for warning in applied.warnings:
            click.echo(warning.render(), err=True)
        found = verify_scope(amendment, key, base, applied.spec) if verify else []
        problems.extend(found)
        if not found:
            ready.append((applied, text))
    if output_dir is not None:
        inputs = [*config.input_paths(), amendment_path]
        for applied, text in ready:
            path = paths[applied.key]
            write_text_atomic(path, text, inputs=inputs)
            click.echo(f"{path}: {applied.key} {_what_changed(applied)}")
    elif verify:
        for applied, _ in ready:
            click.echo(f"{applied.key}: differs from its base only where {amendment.id} says")
    if problems:
        raise InputError(problems)


def _selected(keys: list[str], targets: tuple[str, ...]) -> list[str]:
    wanted = [key.replace(" ", "@") for key in targets]
    unknown = [key for key in wanted if key not in keys]
    if unknown:
        raise UsageError(f"the amendment does not amend {', '.join(unknown)} (it amends {', '.join(keys)})")
    return wanted or keys


def _what_changed(applied: AppliedSpec) -> str:
    moved = len(applied.renumbered)
    omitted = sum(1 for new in applied.numbering.values() if new is None) + len(applied.omitted_terms)
    parts = [f"{len(applied.changed)} clause(s) or definition(s) changed or inserted"]
    if moved:
        parts.append(f"{moved} renumbered")
    if omitted:
        parts.append(f"{omitted} omitted")
    return ", ".join(parts)
