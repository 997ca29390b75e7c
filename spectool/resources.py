"""Locate the grammars and templates shipped with spectool."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# spectool/data/grammars and data/templates are links to the top-level folders, so a wheel carries
# copies of them; a checkout without symlinks falls back to the top-level folders themselves.
_CANDIDATE_ROOTS = (_PACKAGE / "data", _PACKAGE.parent)


def resource_dir(name: str) -> Path:
    """The folder `name` ("grammars", "templates", "schemas") shipped with the package."""
    for root in _CANDIDATE_ROOTS:
        folder = root / name
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"spectool's {name}/ folder is missing from the installation")


def grammar_path(name: str) -> Path:
    """The path of grammars/<name>.lark."""
    return resource_dir("grammars") / f"{name}.lark"
