"""Text as Word writes it: a tab is a w:tab element, never a character inside w:t."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    tab: bool = False

    @property
    def preserve(self) -> bool:
        # Word drops edge spaces (and may fold runs of spaces) unless xml:space is preserve.
        return bool(self.text) and (self.text[0].isspace() or self.text[-1].isspace() or "  " in self.text)


def text_pieces(text: str) -> list[Piece]:
    """The pieces of one run's text: the words between tabs, and a tab piece for each tab."""
    out: list[Piece] = []
    for index, part in enumerate(text.split("\t")):
        if index:
            out.append(Piece("", tab=True))
        if part:
            out.append(Piece(part))
    return out
