"""A section whose heading Word labels "Part I": the label counts to the section's number, the title keeps it.

The import reads a heading labelled in a shape no section has ("Part I", "Schedule 3") as the section
that what follows it needs when the label counts to that number (a clause 1.1 after "Part I Scope"):
the section is titled "Part I Scope". Export and the redline's page show such a section as the
document did, "Part I Scope" without the typed "1", so export then import is a fixed point and the
in-place redline finds the heading by its text. One rule here serves all three.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spectool.model.document import Clause, Section
from spectool.model.document import Paragraph as FreeParagraph
from spectool.model.numbers import roman_value

# "Annex B", "Appendix C", "Schedule 3", "Section V": a heading numbered in a shape no section has.
_NAMED_HEADING = re.compile(
    r"((?:section|annex|appendix|schedule|part|chapter|article|attachment|annexure)\s+"
    r"(?-i:[0-9]{1,4}[A-Z]?|[IVXLC]{1,6}|[A-Z](?:[0-9]{1,4})?)(?:\.[0-9]{1,4})*)(?![A-Za-z0-9])"
    r"(?:\s*[.:\-\u2013\u2014]\s*|\s+|$)(.*)",
    re.DOTALL | re.IGNORECASE,
)
# Upper-case roman numerals as Word writes them (no "IIII", no "IC"), up to 399.
_UPPER_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def named_heading(title: str) -> tuple[str, str] | None:
    """("Part I", "Scope") for a title that opens with a label in a shape no section has."""
    named = _NAMED_HEADING.fullmatch(title)
    return (" ".join(named[1].split()).rstrip("."), named[2]) if named else None


def label_count(label: str) -> int | None:
    """The count a heading's label shows after its word: 1 for "Part I", 3 for "Schedule 3"; None for
    letters ("Annex B"), dotted numbers and anything else."""
    word, _, count = label.rpartition(" ")
    if not word.strip() or not word.isalpha():
        return None
    if count.isdigit():
        return int(count)
    if count and _UPPER_ROMAN.fullmatch(count):
        return roman_value(count.lower())
    return None


def counted_label(section: Section, following: Section | None) -> tuple[str, str] | None:
    """("Part I", "Scope") for section 1 titled "Part I Scope" that the import reads back from a heading
    showing that label: what opens the section is a clause of its own (1.1), or else the next section
    is its child; free paragraphs may stand before either (the import moves them in with the heading)."""
    named = named_heading(section.title)
    number = section.number
    if named is None or number.is_inserted or label_count(named[0]) != number.last:
        return None
    for block in section.blocks:
        if isinstance(block, Clause):
            return named if block.number.parent == number else None
        if not isinstance(block, FreeParagraph):
            return None
    return named if following is not None and following.number.parent == number else None


def counted_labels(sections: Sequence[Section]) -> list[tuple[str, str] | None]:
    """`counted_label` of each section, in order."""
    return [
        counted_label(section, sections[index + 1] if index + 1 < len(sections) else None)
        for index, section in enumerate(sections)
    ]


def shown_label(label: str) -> bool:
    """Whether export shows a counted label as Word's list label ("Part I"), not typed: a label with
    digits ("Part 3") would read back from Word's label as a section number, so it is typed."""
    return not any(character.isdigit() for character in label)
