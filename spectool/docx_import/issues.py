"""What an import could not map, or mapped with a change, told by paragraph number and first words."""

from __future__ import annotations

from dataclasses import dataclass

EXCERPT_WORDS = 8
EXCERPT_CHARACTERS = 60


def excerpt(text: str) -> str:
    """The first words of `text` on one line, with "..." when there is more."""
    words = text.split()
    shown = " ".join(words[:EXCERPT_WORDS])
    if len(shown) > EXCERPT_CHARACTERS:
        shown = shown[:EXCERPT_CHARACTERS].rstrip()
    return f"{shown}..." if len(shown) < len(" ".join(words)) else shown


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One warning: paragraph is 1-based in document order, counting paragraphs inside tables too."""

    paragraph: int
    first_words: str
    message: str

    def __str__(self) -> str:
        where = f"paragraph {self.paragraph}" if self.paragraph else "document"
        quoted = f' ("{self.first_words}")' if self.first_words else ""
        return f"{where}{quoted}: {self.message}"
