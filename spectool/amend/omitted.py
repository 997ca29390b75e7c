"""References in the existing text to clauses an amendment omits: the drafter must amend them too.

Renumbering cannot follow a reference to a clause that is gone, and leaving it as written would
point it at whichever clause now holds that number (or at none), so such a reference is an error
unless the amendment itself rewrote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spectool.amend.model import Instruction
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


def references_to_omitted(working: WorkingCopy) -> list[OmittedReference]:
    """Every reference in the spec's own text, as the instructions left it, to a clause they omit."""
    omitted = {
        number: instruction
        for number, instruction in working.omitted.items()
        if isinstance(number, ClauseNumber)
    }
    if not omitted:
        return []
    found = []
    for open_section in working.sections:
        for entry in open_section.entries:
            # Text the drafter wrote whole (inserted or substituted) is theirs, left as written; the
            # notes and tables a substituted clause kept are still the spec's.
            block = entry.block
            if not isinstance(block, Clause | Definition):
                continue
            if not entry.from_base:
                if not (entry.kept_attachments and isinstance(block, Clause)):
                    continue
                block = replace(block, text=Text(""), items=())
            referrer = (
                f"clause {entry.identity}"
                if isinstance(entry.identity, ClauseNumber)
                else f'the definition of "{entry.identity}"'
            )
            own_words = working.new_words.get(entry.identity, [])
            for key, text in segments(block):
                for reference in find_references(text):
                    instruction = omitted.get(reference.target)
                    if instruction is None or reference.spec not in (None, working.base.name):
                        continue
                    end = reference.offset + reference.length
                    number = text.value.find(str(reference.target), reference.offset, end)
                    if _within_new_words(own_words, key, number, number + len(str(reference.target))):
                        continue
                    words = " ".join(text.value[reference.offset : end].split())
                    found.append(OmittedReference(instruction, referrer, words))
    return found


def _within_new_words(spans: Sequence[NewWords], key: Key, start: int, end: int) -> bool:
    """True when the amendment's own quoted words wrote (part of) the clause number at start..end."""
    return any(span.key == key and span.start < end and start < span.end for span in spans)
