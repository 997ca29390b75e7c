"""The error an instruction raises when it does not apply exactly."""

from __future__ import annotations


class EditError(Exception):
    """A text edit does not apply exactly: its words are missing, or occur more often than it allows."""
