"""spectool's library layer: a `Workspace` holds the configuration and corpus of one drafting run.

Open it once; through it check, fill in coverage, apply an amendment, redline, import, export and
pack. What the run works out (the corpus, rule tables, joined texts, applied amendments, diffs) is
worked out once and kept in the workspace's memo. docs/api.md shows it at work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spectool.api.applied import AppliedAmendment, AppliedTarget
    from spectool.api.redlining import Drafting, RedlineDraft
    from spectool.api.workspace import Workspace

__all__ = ["AppliedAmendment", "AppliedTarget", "Drafting", "RedlineDraft", "Workspace"]


def __getattr__(name: str) -> object:
    """Each name imported on first use: `spectool check` needs the workspace, not the redline writer."""
    if name == "Workspace":
        from spectool.api.workspace import Workspace

        return Workspace
    if name in ("AppliedAmendment", "AppliedTarget"):
        from spectool.api import applied

        return getattr(applied, name)
    if name in ("Drafting", "RedlineDraft"):
        from spectool.api import redlining

        return getattr(redlining, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
