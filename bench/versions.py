"""Two synthetic versions of one spec, with a known answer: which clause of the old became which of the new.

The old version has sections of 20 clauses of varied wording. The new version rewords some clauses
in place, and in some sections inserts a clause or drops one, renumbering the clauses after it, until
the requested share of clauses is reworded or renumbered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from spectool.model.document import Clause, Section, Spec, Text
from spectool.model.numbers import ClauseNumber

CLAUSES_PER_SECTION = 20
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe", "gu", "ha", "ji")


@dataclass(frozen=True, slots=True)
class VersionPair:
    old: Spec
    new: Spec
    truth: dict[ClauseNumber, ClauseNumber | None]  # old number -> new number (None: dropped)
    reworded: int
    renumbered: int
    inserted: int
    removed: int


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, words: list[str]) -> str:
    subject = rng.choice(("ESME", "GSME", "Communications Hub", "Each Device"))
    return f"{subject} shall {' '.join(rng.choice(words) for _ in range(rng.randint(12, 24)))}."


def _spec(version: str, groups: list[list[Clause]]) -> Spec:
    sections = tuple(
        Section(ClauseNumber((1, index)), f"Section {index}", tuple(clauses))
        for index, clauses in enumerate(groups, start=1)
    )
    return Spec("SYNTH", version, "Synthetic", (Section(ClauseNumber((1,)), "Requirements"), *sections))


def version_pair(clauses: int, *, share: float = 0.05, seed: int = 1) -> VersionPair:
    """Old and new versions of about `clauses` clauses; `share` of them reworded or renumbered."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 3000)
    count = (clauses + CLAUSES_PER_SECTION - 1) // CLAUSES_PER_SECTION
    old_groups = [
        [
            Clause(ClauseNumber((1, s, i)), Text(_sentence(rng, words)))
            for i in range(1, CLAUSES_PER_SECTION + 1)
        ]
        for s in range(1, count + 1)
    ]
    target = int(clauses * share)
    reworded = renumbered = inserted = removed = 0
    new_groups: list[list[Clause]] = []
    truth: dict[ClauseNumber, ClauseNumber | None] = {}
    # Half the share is rewording in place; the other half comes from insertions that renumber.
    for group in old_groups:
        kept: list[tuple[Clause, str]] = [(clause, clause.text.value) for clause in group]
        if renumbered < target / 2 and rng.random() < 0.1:
            at = rng.randint(CLAUSES_PER_SECTION // 2, CLAUSES_PER_SECTION - 1)
            if rng.random() < 0.3:
                dropped, _ = kept.pop(at)
                truth[dropped.number] = None
                removed += 1
                renumbered += CLAUSES_PER_SECTION - at - 1
            else:
                kept.insert(at, (Clause(ClauseNumber((0,)), Text("")), _sentence(rng, words)))
                inserted += 1
                renumbered += CLAUSES_PER_SECTION - at
        out: list[Clause] = []
        for index, (clause, text) in enumerate(kept, start=1):
            if clause.text.value and reworded < target / 2 and rng.random() < share:
                tokens = text.split(" ")
                for _ in range(2):
                    tokens[rng.randint(2, len(tokens) - 2)] = rng.choice(words)
                text = " ".join(tokens)
                reworded += 1
            number = group[0].number.sibling(index)
            out.append(replace(clause, number=number, text=Text(text)))
            if clause.text.value:
                truth[clause.number] = number
        new_groups.append(out)
    return VersionPair(
        _spec("1", old_groups), _spec("2", new_groups), truth, reworded, renumbered, inserted, removed
    )
