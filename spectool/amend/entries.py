"""The entries of a working copy: each block of a section with what it came from."""

from __future__ import annotations

from dataclasses import dataclass

from spectool.model.document import Block, Section
from spectool.model.numbers import ClauseNumber

# What an entry of the working copy came from: its identity is its number (or term) before the
# amendment; a clause the amendment inserts is (-1, n), a note or table standing alone (0, n), a Note
# the amendment puts at the start of a section (-2, the instruction's number).
Identity = ClauseNumber | str | tuple[int, int]


@dataclass
class Entry:
    identity: Identity
    block: Block
    from_base: bool = True  # False once inserted or substituted whole: its text is the drafter's own
    # A substituted clause whose new text restates no note or table keeps the base clause's own.
    kept_attachments: bool = False


@dataclass
class OpenSection:
    section: Section
    entries: list[Entry]
