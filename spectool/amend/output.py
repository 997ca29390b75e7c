"""The consolidated spec source of an applied amendment, and where it is written."""

from __future__ import annotations

from pathlib import Path

from spectool.amend.apply import AppliedSpec
from spectool.errors import InputError, Problem
from spectool.parsing import parse_spec, render_spec


def consolidated_source(applied: AppliedSpec) -> str:
    """The amended spec in the source format, read back to be sure it parses as a spec."""
    text = render_spec(applied.spec)
    where = f"<{applied.key} as amended>"
    try:
        parse_spec(text, where)
    except InputError as error:
        # The instructions each applied, yet together they left text that is no longer a valid spec.
        raise InputError(
            [
                Problem(
                    where, problem.line, problem.column, problem.message, problem.source_line, problem.width
                )
                for problem in error.problems
            ]
        ) from None
    return text


def output_path(folder: Path, applied: AppliedSpec) -> Path:
    """The consolidated file keeps its base file's name, in `folder`."""
    name = Path(applied.base.path).name if applied.base.path else f"{applied.key.replace('@', '-v')}.spec"
    return folder / name
