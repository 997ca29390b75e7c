"""A table's caption as Word shows it: "Table: Alerts", or a title that holds its own number as it is."""

from __future__ import annotations

import re

# "Table 3: Alerts", "Table 3.1 - Alerts": a caption with its own number, which the import keeps whole.
_NUMBERED_CAPTION = re.compile(r"table\s+[0-9]+(?:\.[0-9]+)*(?![0-9A-Za-z])", re.IGNORECASE)


def is_numbered_caption(text: str) -> bool:
    """True for "Table 3: Alerts"."""
    return _NUMBERED_CAPTION.match(text.strip()) is not None


def caption_line(title: str) -> str:
    """The caption paragraph of a table with this title, as export and the redlines write it."""
    return title if is_numbered_caption(title) else f"Table: {title}"
