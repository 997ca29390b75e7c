"""The consolidated spec source of an applied amendment, and where it is written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from spectool.amend.apply import AppliedSpec
from spectool.errors import InputError, Problem, UsageError
from spectool.model.document import Spec
from spectool.parsing import parse_spec, render_spec


def consolidated_source(applied: AppliedSpec) -> str:
    """The amended spec in the source format (under the header the amendment gives it), read back to
    be sure it parses as a spec."""
    text = render_spec(applied.consolidated)
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


def output_paths(folder: Path, bases: Mapping[str, Spec]) -> dict[str, Path]:
    """Where each target's consolidated source is written, by key (`SMETS2@4.2`): in `folder`,
    under its base file's name; but where two targets' base files share a name (`xx/v1.spec`,
    `yy/v1.spec`), each of them as `NAME-vVERSION.spec` instead, so neither overwrites the other.

    Pass every target of the amendment (not only those applied this time), so that a target's
    name does not depend on which others are written with it.
    """
    names = {key: Path(base.path).name if base.path else _by_key(key) for key, base in bases.items()}
    while clashing := [
        key for key in names if names[key] != _by_key(key) and _sharing(names, key) is not None
    ]:
        for key in clashing:
            names[key] = _by_key(key)
    for key in names:
        other = _sharing(names, key)
        if other is not None:  # only keys that differ in nothing but capitals get here
            raise UsageError(f"{key} and {other} would both be written as {folder / names[key]}")
    return {key: folder / name for key, name in names.items()}


def _by_key(key: str) -> str:
    return f"{key.replace('@', '-v')}.spec"


def _sharing(names: Mapping[str, str], key: str) -> str | None:
    """Another target with the same file name as `key`'s, ignoring case as some file systems do."""
    return next(
        (k for k, name in names.items() if k != key and name.casefold() == names[key].casefold()), None
    )
