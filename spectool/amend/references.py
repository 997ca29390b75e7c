"""Make references follow renumbered clauses: `clause 5.6.4` becomes `clause 5.6.5` in running text."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping

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


_ITEM_LABELS = r"((?:\([a-z]{1,5}\))+)"
_OWN_ITEM = re.compile(rf"\b(?:(?:sub-)?items?|paragraphs?)\s+{_ITEM_LABELS}")
_LABEL = re.compile(r"\(([a-z]{1,5})\)")


def cited_items(
    value: str, spec: str, numbers: Collection[ClauseNumber], own: ClauseNumber | None = None
) -> Iterator[tuple[ClauseNumber, tuple[str, ...], int, int, int]]:
    """Each citation of a sub-item of a clause in `numbers`: "clause 5.4.3.1(b)(ii)" as (5.4.3.1,
    ("b", "ii"), where its labels start, where they end, where the citation starts); in clause `own`
    itself "item (b)" too."""
    for reference in find_references(Text(value)):
        if reference.target not in numbers or not refers_within(reference, value, spec):
            continue
        number = re.compile(rf"(?<![0-9.A-Z]){re.escape(str(reference.target))}{_ITEM_LABELS}")
        for found in number.finditer(value, reference.offset, reference.offset + reference.length):
            path = tuple(_LABEL.findall(found[1]))
            yield reference.target, path, found.start(1), found.end(1), reference.offset
    if own is not None and own in numbers:
        for found in _OWN_ITEM.finditer(value):
            yield own, tuple(_LABEL.findall(found[1])), found.start(1), found.end(1), found.start()


def reletter_text(
    value: str,
    relettered: Mapping[ClauseNumber, Mapping[tuple[str, ...], tuple[str, ...]]],
    spec: str,
    own: ClauseNumber | None = None,
) -> str:
    """`value` with references to re-lettered sub-items rewritten: "clause 5.4.3.1(b)" becomes
    "clause 5.4.3.1(a)", and in clause `own` itself "item (b)" becomes "item (a)"."""
    edits = set()
    for number, path, start, end, _ in cited_items(value, spec, relettered.keys(), own):
        new = relettered[number].get(path)
        if new is not None:
            edits.add((start, end, "".join(f"({label})" for label in new)))
    out = value
    for start, end, words in sorted(edits, reverse=True):
        out = out[:start] + words + out[end:]
    return out


def reletter_paragraph(
    paragraph: Paragraph,
    relettered: Mapping[ClauseNumber, Mapping[tuple[str, ...], tuple[str, ...]]],
    spec: str,
    own: ClauseNumber | None = None,
) -> Paragraph:
    """`paragraph` with its references to re-lettered sub-items following them (`own`: the number
    the paragraph had in the unamended spec, whose own "item (b)" follows too)."""
    changed: dict[tuple[str, ...], Text] = {}
    for key, text in segments(paragraph):
        value = reletter_text(text.value, relettered, spec, own)
        if value != text.value:
            changed[key] = Text(value, text.line_starts)
    return rebuild(paragraph, changed) if changed else paragraph


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
