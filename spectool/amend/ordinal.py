"""Carry "the 2nd occurrence of" over to another version: the occurrence with the same words around it.

Another version may hold the quoted words more or fewer times, so an ordinal copied as it stands can
pick other words. The occurrence the instruction picks in its own version is found again in the
other by the words either side of it, and the ordinal is written afresh for that version.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from spectool.amend.model import EditText, Occurrence, Which
from spectool.amend.textedit import Key, Paragraph, matches_in, segments
from spectool.amend.writer import occurrence_words

# How many words either side of an occurrence tell it apart.
_CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class CarriedOccurrence:
    """The occurrence to write for the other version, and a note for the drafter if it changed."""

    occurrence: Occurrence
    note: str = ""


def carry_occurrence(
    edit: EditText,
    source: Paragraph,
    source_terms: set[str],
    proposed: EditText,
    target: Paragraph,
    target_terms: set[str],
) -> CarriedOccurrence | None:
    """The occurrence of `proposed`'s words in `target` that stands where `edit`'s stands in
    `source`; None when the instruction picks no single occurrence or the words are missing."""
    occurrence = edit.occurrence
    if occurrence.which not in (Which.NTH, Which.LAST):
        return None
    here = _contexts(source, matches_in(source, edit, source_terms))
    there = _contexts(target, matches_in(target, proposed, target_terms))
    if not here or not there:
        return None
    index = len(here) - 1 if occurrence.which is Which.LAST else occurrence.nth - 1
    if index >= len(here):
        return None
    scores = [_likeness(here[index], context) for context in there]
    best = max(range(len(there)), key=lambda k: scores[k])
    if scores.count(scores[best]) > 1:
        return CarriedOccurrence(
            occurrence,
            f"the words around {occurrence_words(occurrence).strip()} it do not say which it is here",
        )
    if len(there) == 1:
        carried = Occurrence()
    elif occurrence.which is Which.LAST and best == len(there) - 1:
        carried = occurrence
    else:
        carried = Occurrence(Which.NTH, best + 1)
    if carried == occurrence:
        return CarriedOccurrence(carried)
    was = occurrence_words(occurrence).strip()
    if carried.which is Which.ONLY:
        return CarriedOccurrence(carried, f'"{was}" dropped: the words occur once here')
    now = occurrence_words(carried).strip()
    return CarriedOccurrence(carried, f'"{was}" becomes "{now}" here, by the words around it')


def _contexts(paragraph: Paragraph, matches: list[tuple[Key, int, int]]) -> list[tuple[str, str]]:
    """For each match, the words before it and the words after it."""
    texts = dict(segments(paragraph))
    out = []
    for key, start, end in matches:
        value = texts[key].value
        before = " ".join(value[:start].split()[-_CONTEXT_WORDS:])
        after = " ".join(value[end:].split()[:_CONTEXT_WORDS])
        out.append((before, after))
    return out


def _likeness(one: tuple[str, str], other: tuple[str, str]) -> float:
    before = SequenceMatcher(None, one[0][::-1], other[0][::-1], autojunk=False).ratio()
    after = SequenceMatcher(None, one[1], other[1], autojunk=False).ratio()
    return before + after
