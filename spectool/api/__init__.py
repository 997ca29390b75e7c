"""spectool's library layer: a `Workspace` holds the configuration and corpus of one drafting run.

Open it once; through it check, fill in coverage, apply an amendment, redline, import, export and
pack. What the run works out (the corpus, rule tables, joined texts, applied amendments, diffs) is
worked out once and kept in the workspace's memo. docs/api.md shows it at work.
"""

from __future__ import annotations

from spectool.api.applied import AppliedAmendment, AppliedTarget
from spectool.api.redlining import Drafting, RedlineDraft
from spectool.api.workspace import Workspace

__all__ = ["AppliedAmendment", "AppliedTarget", "Drafting", "RedlineDraft", "Workspace"]
