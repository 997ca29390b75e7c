"""Numbers that are no clause numbers ("A1.2", "(iv)", "Section V"): shown by Word as a list label.

Each label gets a w:num whose single level shows the label as it is (no %N placeholder), so Word and
LibreOffice show it before the text and the importer reads it back as the label Word shows, as it
read the original. Headings try the typed form first, when the importer reads it back the same.
"""

from __future__ import annotations

from spectool.docx_export.view import LabelList
from spectool.docx_import.classify import Heading as ReadHeading
from spectool.docx_import.classify import classify
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.reading import WordParagraph


class LabelLists:
    """The w:num of each label, one per distinct label, numbered from 1 in order of first use."""

    def __init__(self) -> None:
        self._lists: dict[str, LabelList] = {}

    def id_of(self, label: str) -> int:
        found = self._lists.get(label)
        if found is None:
            found = self._lists[label] = LabelList(len(self._lists) + 1, label.replace("%", "%%"))
        return found.id

    @property
    def lists(self) -> tuple[LabelList, ...]:
        return tuple(self._lists.values())


def typed_heading_reads_back(level: int, label: str, title: str) -> bool:
    """Whether "label title" typed in a Heading style is read as a heading with that label and title."""
    text = clean_text(f"{label} {title}".strip())
    piece = classify(WordParagraph(0, text, heading_level=level))
    return (
        isinstance(piece, ReadHeading)
        and piece.number is None
        and (piece.label, piece.title) == (label, title)
    )
