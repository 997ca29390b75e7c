"""What a command says of its result, worded once for the command line and the pack's log."""

from __future__ import annotations

from spectool.amend.mirror import Mirror


def mirror_notes(mirror: Mirror) -> str:
    """How many notes a mirror leaves the drafter (as // comments in what it proposes)."""
    count = len(mirror.notes)
    return f"{count} note{'s' if count != 1 else ''} for the drafter, shown as // comments"
