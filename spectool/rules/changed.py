"""`--changed-since REV`: the clauses and definitions whose text differs from a git revision's."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from spectool.errors import InputError, UsageError
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from spectool.rules.defined_terms.glossary import definition_text

Owner = tuple[str, str]  # (path as the spec names it, clause id or defined term)


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *arguments], cwd=folder, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None


def _require_revision(folder: Path, revision: str) -> None:
    if _git(folder, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise UsageError(f"--changed-since needs a git repository, and {folder} is not in one")
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise UsageError(f"--changed-since: '{revision}' is not a revision of the repository at {folder}")


def _owners(spec: Spec) -> dict[str, str]:
    """Each clause, definition and section of a spec, with the text that decides whether it changed."""
    found: dict[str, str] = {}
    for section in spec.sections:
        found[section.id] = section.title
        for clause in section.clauses:
            notes = " ".join(note.text.flat for note in clause.notes)
            found[clause.id] = f"{clause.full_text}\n{notes}"
            found[section.id] += "\n" + found[clause.id]
        for definition in section.definitions:
            found[definition.term] = definition_text(definition)
    return found


def changed_owners(specs: Iterable[Spec], revision: str) -> set[Owner]:
    """(path, owner) of every clause, definition and section that is new or reworded since `revision`."""
    changed: set[Owner] = set()
    checked: set[Path] = set()
    for spec in specs:
        path = Path(spec.path)
        folder = path.resolve().parent
        if folder not in checked:
            _require_revision(folder, revision)
            checked.add(folder)
        now = _owners(spec)
        shown = _git(folder, "show", f"{revision}:./{path.name}")
        before: dict[str, str] = {}
        if shown.returncode == 0:
            try:
                before = _owners(parse_spec(shown.stdout, spec.path))
            except InputError:
                before = {}  # the old version did not parse: treat everything as changed
        changed.update((spec.path, owner) for owner, text in now.items() if before.get(owner) != text)
    return changed
