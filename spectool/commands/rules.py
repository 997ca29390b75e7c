"""`spectool rules`: list the rules, or explain one."""

from __future__ import annotations

from pathlib import Path

import click

from spectool.api import Workspace
from spectool.api.checking import explanation
from spectool.errors import UsageError
from spectool.rules.registry import all_rules
from spectool.rules.settings import load_rule_settings


@click.command("rules")
@click.option("--explain", metavar="CODE", help="Show what a rule does, why, and an example.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="spectool.toml to use."
)
def command(explain: str | None, config_path: Path | None) -> None:
    """List every rule: code, name, severity (as configured) and summary."""
    registry = all_rules()
    if explain is not None:
        rule = registry.get(explain.strip().upper())
        if rule is None:
            raise UsageError(f"no rule {explain}: `spectool rules` lists them")
        click.echo(f"# {rule.code} {rule.name}\n\n{explanation(rule)}")
        return
    settings = load_rule_settings(Workspace.open(config_path).config, registry)
    rows = []
    for code, rule in registry.items():
        severity = settings.severity.get(code, rule.severity).value
        if settings.is_disabled(code):
            severity += " (disabled)"
        rows.append((code, rule.name, severity, rule.summary))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )
