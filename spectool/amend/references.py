"""Make references follow renumbered clauses: `clause 5.6.4` becomes `clause 5.6.5` in running text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spectool.amend.textedit import Paragraph, rebuild, segments
from spectool.model.document import Reference, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references

# "clause 4.4.2 of the Communications Hub Technical Specification": a document named after the number.
_OTHER_DOCUMENT = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def refers_within(reference: Reference, value: str, spec: str) -> bool:
    """True when `reference` (found in `value`) points into `spec`: it names it, or names no spec and
    no other document by its title ("Section 4 of the Smart Energy Code" points elsewhere)."""
    if reference.spec is not None:
        return reference.spec == spec
    return _OTHER_DOCUMENT.match(value, reference.offset + reference.length) is None


def renumber_text(value: str, numbering: Mapping[ClauseNumber, ClauseNumber], spec: str) -> str:
    """`value` with each reference to a clause of `spec` (or of no named spec) that `numbering`
    moves rewritten to the new number; everything else is left as it is."""
    if not numbering:
        return value
    out = value
    for reference in sorted(find_references(Text(value)), key=lambda ref: ref.offset, reverse=True):
        if not refers_within(reference, value, spec):
            continue
        new = numbering.get(reference.target)
        if new is None or new == reference.target:
            continue
        span = value[reference.offset : reference.offset + reference.length]
        # A label has no digits, so the first occurrence of the number in the span is the reference's.
        start = reference.offset + span.index(str(reference.target))
        out = out[:start] + str(new) + out[start + len(str(reference.target)) :]
    return out


def renumber_paragraph(
    paragraph: Paragraph, numbering: Mapping[ClauseNumber, ClauseNumber], spec: str
) -> Paragraph:
    """`paragraph` with its references (in its text, sub-items and notes) following `numbering`."""
    changed: dict[tuple[str, ...], Text] = {}
    for key, text in segments(paragraph):
        value = renumber_text(text.value, numbering, spec)
        if value != text.value:
            changed[key] = Text(value, text.line_starts)
    return rebuild(paragraph, changed) if changed else paragraph
