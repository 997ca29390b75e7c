"""Ranges of clauses in the existing text ("clauses 2.1.1 to 2.1.3") that an amendment would widen.

Renumbering moves both ends of a range, so a clause inserted between them would silently fall inside
it: the range's meaning grows without a word of the amendment saying so. Each such range is reported,
at the instruction that inserted the clause, so the drafter amends the range too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spectool.amend.entries import Identity
from spectool.amend.model import Instruction
from spectool.amend.omitted import existing_text, within_new_words
from spectool.amend.working import WorkingCopy
from spectool.model.document import Clause, Reference
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references

_TO = re.compile(r"\s+to\s+")


@dataclass(frozen=True, slots=True)
class GrownRange:
    """A range in existing text (`words`, in `referrer`) that now takes in the clause `added`."""

    instruction: Instruction
    referrer: str
    words: str
    added: ClauseNumber


def grown_ranges(working: WorkingCopy) -> list[GrownRange]:
    """Every range in the spec's own text that would take in a clause it did not take in before."""
    if not working.added:
        return []
    current = _current_numbers(working)
    base_order = [clause.number for clause in working.base.clauses()]
    found = []
    for identity, key, text, own_words in existing_text(working):
        references = find_references(text)
        for first, last in pairwise(references):
            start = text.value.find(first.target.text, first.offset)
            if start < 0 or not _TO.fullmatch(text.value[start + len(first.target.text) : last.offset]):
                continue
            if within_new_words(own_words, key, first.offset, last.offset + len(last.target.text)):
                continue
            grown = _grown(first, last, base_order, current)
            if grown is not None:
                words = " ".join(text.value[first.offset : last.offset + len(last.target.text)].split())
                referrer = _referrer(identity)
                found.append(GrownRange(working.changed[grown[0]], referrer, words, grown[1]))
    return found


def _grown(
    first: Reference,
    last: Reference,
    base_order: list[ClauseNumber],
    current: dict[Identity, ClauseNumber],
) -> tuple[Identity, ClauseNumber] | None:
    """The identity and new number of a clause the range now takes in that it did not, if any."""
    low, high = first.target, last.target
    if low.parent != high.parent or not low < high:
        return None
    inside = {number for number in base_order if number.parent == low.parent and low <= number <= high}
    new_low, new_high = current.get(low), current.get(high)
    if new_low is None or new_high is None:
        return None  # an omitted end is reported as a reference to an omitted clause
    for identity, number in current.items():
        if number.parent == new_low.parent and new_low <= number <= new_high and identity not in inside:
            return identity, number
    return None


def _current_numbers(working: WorkingCopy) -> dict[Identity, ClauseNumber]:
    """Each clause of the working copy by its identity -> the number it now has."""
    return {
        entry.identity: entry.block.number
        for open_section in working.sections
        for entry in open_section.entries
        if isinstance(entry.block, Clause)
    }


def _referrer(identity: Identity) -> str:
    return f"clause {identity}" if isinstance(identity, ClauseNumber) else f'the definition of "{identity}"'
