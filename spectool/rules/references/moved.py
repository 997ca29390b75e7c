"""Clauses an amendment renumbers or omits that another spec of the corpus refers to (XREF003).

Renumbering follows references within the spec amended, but a reference from another spec ("clause
4.4.2 of the CHTS" in SMETS2) is that spec's own text, which an amendment to the CHTS never rewrites:
left alone, it points at whichever clause now holds the number, or at one that says "Not used.".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spectool.amend.model import Amendment, Instruction, OmitClause
from spectool.amend.scope import expected_numbering
from spectool.amend.scoped import named_paragraphs
from spectool.config import Config
from spectool.memo import RunMemo
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.model.numbers import ClauseNumber
from spectool.rules.references.names import SpecNames, named_references, spec_names_of
from spectool.rules.references.targets import target_spec


@dataclass(frozen=True, slots=True)
class Referrer:
    """A clause of another spec version whose reference still names the old number."""

    spec: Spec
    owner: str  # the clause (or term) that holds the reference
    words: str  # the reference as written: "clause 4.4.2 of the CHTS"
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class MovedTarget:
    """`instruction` moves clause `old` of `target` to `new` (None: omitted, or left as "Not used.")."""

    instruction: Instruction
    target: Spec
    old: ClauseNumber
    new: ClauseNumber | None
    referrers: tuple[Referrer, ...]


def moved_targets(
    amendment: Amendment, base: Corpus, amended: Corpus, config: Config, memo: RunMemo
) -> Iterator[MovedTarget]:
    """Each clause the amendment renumbers or omits that a live version of another spec still refers to,
    as the amendment leaves that other spec."""
    names = spec_names_of(config, base, memo)
    live = config.live_versions
    for key in amendment.keys:
        target = base.get(*key.split("@", 1))
        if target is None:
            continue
        moves = _moves(target, amendment.instructions_for(key))
        if not moves:
            continue
        referring = _referrers(target, base, amended, names, live)
        for instruction, old, new in moves:
            found = tuple(referring.get(old, ()))
            if found:
                yield MovedTarget(instruction, target, old, new, found)


def _moves(
    base: Spec, instructions: list[Instruction]
) -> list[tuple[Instruction, ClauseNumber, ClauseNumber | None]]:
    """(instruction, old number, final number or None) for each clause that ends up elsewhere, or
    gone, or "Not used.", attributed to the first instruction that moved it."""
    final = expected_numbering(base, instructions)
    moves: dict[ClauseNumber, tuple[Instruction, ClauseNumber, ClauseNumber | None]] = {}
    before: dict[ClauseNumber, ClauseNumber | None] = {
        clause.number: clause.number for clause in base.clauses()
    }
    for index, instruction in enumerate(instructions):
        operation = instruction.operation
        if isinstance(operation, OmitClause) and operation.leave is not None:
            for number in named_paragraphs(instruction, base):
                if isinstance(number, ClauseNumber):
                    moves.setdefault(number, (instruction, number, None))
            continue
        now = expected_numbering(base, instructions[: index + 1])
        for old, new in now.items():
            if new != before.get(old) and old not in moves:
                moves[old] = (instruction, old, final.get(old))
        before = now
    return list(moves.values())


def _referrers(
    target: Spec, base: Corpus, amended: Corpus, names: SpecNames, live: dict[str, list[str]]
) -> dict[ClauseNumber, list[Referrer]]:
    """Clause number of `target` -> the live clauses of other specs that refer to it by that number
    and still do once the amendment is applied."""
    found: dict[ClauseNumber, list[Referrer]] = {}
    for spec in base:
        if spec.name == target.name or (spec.name in live and spec.version not in live[spec.name]):
            continue
        after = amended.get(spec.name, spec.version)
        still = _references_into(after, target, amended, names) if after is not None else set()
        for named in named_references(spec, names):
            reference = named.located.reference
            if reference.spec != target.name or target_spec(spec, reference, base) is not target:
                continue
            if (named.located.owner, reference.target) not in still:
                continue  # the amendment rewrote it
            text = named.located.text
            words = " ".join(text.value[reference.offset : reference.offset + reference.length].split())
            line, column = text.locate(reference.offset)
            found.setdefault(reference.target, []).append(
                Referrer(spec, named.located.owner, words, line, column)
            )
    return found


def _references_into(
    spec: Spec, target: Spec, corpus: Corpus, names: SpecNames
) -> set[tuple[str, ClauseNumber]]:
    """(owner, clause number) of every reference of `spec` into `target`'s spec."""
    return {
        (named.located.owner, named.located.reference.target)
        for named in named_references(spec, names)
        if named.located.reference.spec == target.name
    }
