"""References in the existing text to clauses an amendment omits: the drafter must amend them too.

Renumbering cannot follow a reference to a clause that is gone, and leaving it as written would
point it at whichever clause now holds that number (or at none), so such a reference is an error
unless the amendment itself rewrote it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spectool.amend.entries import Identity
from spectool.amend.matching import find_words
from spectool.amend.model import Instruction
from spectool.amend.references import cited_items, refers_within
from spectool.amend.textedit import Key, NewWords, segments
from spectool.amend.working import WorkingCopy
from spectool.model.document import Clause, Definition, Text
from spectool.model.numbers import ClauseNumber
from spectool.parsing.references import find_references


@dataclass(frozen=True, slots=True)
class OmittedReference:
    """Existing text (`referrer`, named as the instructions name it) that still refers to a clause
    that `instruction` omits, in the words `words`."""

    instruction: Instruction
    referrer: str
    words: str
    verb: str = "refers to"  # "uses" for a defined term


def references_to_left(working: WorkingCopy) -> list[OmittedReference]:
    """Every reference in the spec's own text to a clause left as "Not used.": it still stands, but
    points at nothing."""
    found = []
    for identity, key, text, own_words in existing_text(working):
        for reference in find_references(text):
            instruction = working.left.get(reference.target)
            if instruction is None or not refers_within(reference, text.value, working.base.name):
                continue
            end = reference.offset + reference.length
            number = text.value.find(str(reference.target), reference.offset, end)
            if within_new_words(own_words, key, number, number + len(str(reference.target))):
                continue
            words = " ".join(text.value[reference.offset : end].split())
            found.append(OmittedReference(instruction, _referrer(identity), words))
    return found


def _referrer(identity: Identity) -> str:
    return f"clause {identity}" if isinstance(identity, ClauseNumber) else f'the definition of "{identity}"'


def references_to_omitted(working: WorkingCopy) -> list[OmittedReference]:
    """Every reference in the spec's own text, as the instructions left it, to a clause they omit,
    and every use there of a term whose definition they omit."""
    clauses = {
        number: instruction
        for number, instruction in working.omitted.items()
        if isinstance(number, ClauseNumber)
    }
    terms = {term: instruction for term, instruction in working.omitted.items() if isinstance(term, str)}
    if not clauses and not terms and not working.omitted_items:
        return []
    found = list(_references_to_omitted_items(working))
    users: dict[str, dict[str, str]] = {}  # term -> referrer -> the words that use it
    for identity, key, text, own_words in existing_text(working):
        referrer = _referrer(identity)
        for reference in find_references(text):
            instruction = clauses.get(reference.target)
            if instruction is None or not refers_within(reference, text.value, working.base.name):
                continue
            end = reference.offset + reference.length
            number = text.value.find(str(reference.target), reference.offset, end)
            if within_new_words(own_words, key, number, number + len(str(reference.target))):
                continue
            words = " ".join(text.value[reference.offset : end].split())
            found.append(OmittedReference(instruction, referrer, words))
        for term in terms:
            for start, end in _uses(text.value, term, working.terms):
                if not within_new_words(own_words, key, start, end):
                    users.setdefault(term, {}).setdefault(referrer, " ".join(text.value[start:end].split()))
    for term, where in users.items():
        referrer, words = next(iter(where.items()))
        others = len(where) - 1
        if others:
            referrer += f" (and {others} more)"
        found.append(OmittedReference(terms[term], referrer, words, "uses"))
    return found


def _references_to_omitted_items(working: WorkingCopy) -> Iterator[OmittedReference]:
    """Citations in the existing text of a sub-item an instruction omitted ("clause 5.4.3.1(a)", or
    "item (a)" in that clause itself): re-lettering would point them at another item."""
    omitted = working.omitted_items
    if not omitted:
        return
    numbers = {number for number, _ in omitted}
    for identity, key, text, own_words in existing_text(working):
        own = identity if isinstance(identity, ClauseNumber) else None
        for number, path, start, end, cited in cited_items(text.value, working.base.name, numbers, own):
            instruction = next(
                (ins for (n, gone), ins in omitted.items() if n == number and path[: len(gone)] == gone),
                None,
            )
            if instruction is None or within_new_words(own_words, key, start, end):
                continue
            words = " ".join(text.value[cited:end].split())
            yield OmittedReference(instruction, _referrer(identity), words)


def existing_text(working: WorkingCopy) -> Iterator[tuple[Identity, Key, Text, list[NewWords]]]:
    """Each piece of the spec's own text as the instructions left it, with the words they wrote in it.
    Text the drafter wrote whole (inserted or substituted) is theirs, left as written; the notes and
    tables a substituted clause kept are still the spec's."""
    for open_section in working.sections:
        for entry in open_section.entries:
            block = entry.block
            if not isinstance(block, Clause | Definition):
                continue
            if not entry.from_base:
                if not (entry.kept_attachments and isinstance(block, Clause)):
                    continue
                block = replace(block, text=Text(""), items=())
            own_words = working.new_words.get(entry.identity, [])
            for key, text in segments(block):
                yield entry.identity, key, text, own_words


def _uses(value: str, term: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where a defined term is used in running text, in the singular or the plural."""
    spans = list(find_words(value, term, terms).spans)
    return spans + list(find_words(value, term + "s", terms).spans)


def within_new_words(spans: Sequence[NewWords], key: Key, start: int, end: int) -> bool:
    """True when the amendment's own quoted words wrote (part of) the clause number at start..end."""
    return any(span.key == key and span.start < end and start < span.end for span in spans)
