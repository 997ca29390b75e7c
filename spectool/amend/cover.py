"""Check the change request's "Clauses affected" against the clauses the instructions touch.

Written in the structured form, `SMETS2 4.2: 5.4.4.5, 5.5.3, new 5.6.5; CHTS 1.5: 4.3.3`, the field
must name every clause an instruction amends, omits or substitutes, and every clause it inserts, and
no other; words in brackets ("(4.4.3 and 4.4.4 become 4.4.4 and 4.4.5)") are a note and are not
read. Free text ("as below") is left as written. A mismatch is a warning of `apply`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spectool.amend.model import InsertClauses, SubstituteClause, Target
from spectool.model.numbers import ClauseNumber

_SEGMENT = re.compile(r"^\s*([A-Z][A-Z0-9]+)\s+([0-9][0-9.]*(?:\s*(?:,|and)\s*[0-9][0-9.]*)*)\s*:(.*)$", re.S)
_NUMBER = re.compile(r"(?<![\w.])[0-9]+[A-Z]{0,3}(?:\.[0-9]+[A-Z]{0,3})+(?![\w.]|\.[0-9])")
_BRACKETS = re.compile(r"\([^)]*\)")


def parse_clauses_affected(text: str) -> dict[str, set[ClauseNumber]] | None:
    """`{"SMETS2@4.2": {5.4.4.5, 5.5.3, 5.6.5}, ...}`, or None when the field is free text."""
    out: dict[str, set[ClauseNumber]] = {}
    for group in text.split(";"):
        if not group.strip():
            continue
        match = _SEGMENT.match(group)
        if match is None:
            return None
        numbers = {ClauseNumber.parse(found) for found in _NUMBER.findall(_BRACKETS.sub(" ", match[3]))}
        for version in re.split(r"\s*(?:,|and)\s*", match[2].strip()):
            out.setdefault(f"{match[1]}@{version}", set()).update(numbers)
    return out or None


def touched_clauses(targets: tuple[Target, ...], key: str) -> dict[ClauseNumber, str]:
    """Every clause the instructions for `key` amend, omit, substitute or insert -> the first such
    instruction's label ("3", or "3(b)" for a part)."""
    out: dict[ClauseNumber, str] = {}
    for target in targets:
        if key not in target.keys:
            continue
        for instruction in target.instructions:
            operation = instruction.operation
            if isinstance(operation, InsertClauses):
                for clause in operation.clauses:
                    out.setdefault(clause.number, instruction.label)
            elif instruction.clause is not None:
                for clause in operation.more if isinstance(operation, SubstituteClause) else ():
                    out.setdefault(clause.number, instruction.label)
                out.setdefault(instruction.clause, instruction.label)
    return out


def clauses_affected_problems(
    written: str, targets: tuple[Target, ...], key: str, scoped: Mapping[ClauseNumber, str] | None = None
) -> list[str]:
    """What the structured "Clauses affected" leaves out or names needlessly for `key`, one message each.
    `scoped`: the clauses edits over a scope changed ("In Section 5.5, ..."), which only applying
    them tells -> the instruction's label."""
    listed = parse_clauses_affected(written)
    if listed is None:
        return []
    problems = []
    if key:
        touched = touched_clauses(targets, key)
        for number, instruction in (scoped or {}).items():
            touched.setdefault(number, instruction)
        named = listed.get(key, set())
        label = key.replace("@", " ")
        for number, instruction in touched.items():
            if number not in named:
                problems.append(f"it leaves out {label} clause {number} (instruction {instruction})")
        for number in sorted(named - set(touched)):
            problems.append(f"it names {label} clause {number}, which no instruction touches")
    return problems
