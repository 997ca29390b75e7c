"""Apply an amendment's instructions to each spec version it targets, exactly or not at all."""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.cover import clauses_affected_problems
from spectool.amend.model import Amendment, Instruction, Spot
from spectool.amend.omitted import OmittedReference, references_to_left, references_to_omitted
from spectool.amend.ranges import GrownRange, grown_ranges
from spectool.amend.textedit import EditError
from spectool.amend.working import AppliedSpec, WorkingCopy
from spectool.errors import InputError, Problem
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.model.numbers import ClauseNumber

__all__ = ["AppliedSpec", "apply_all", "apply_amendment", "apply_target", "missing_targets"]


def apply_target(amendment: Amendment, key: str, base: Spec) -> AppliedSpec:
    """Apply every instruction for `key` to `base`; InputError names each one that does not apply."""
    working = WorkingCopy(base)
    problems: list[Problem] = []
    for instruction in amendment.instructions_for(key):
        try:
            working.apply(instruction)
        except EditError as error:
            at = _where(instruction, str(error))
            problems.append(
                Problem(
                    amendment.path,
                    at.line,
                    at.column,
                    f"instruction {instruction.label} does not apply to {key} {instruction.subject}: {error}",
                    amendment.source_line(at.line),
                    at.width,
                )
            )
    if not problems:
        problems = [
            _omitted_reference_problem(amendment, key, found) for found in references_to_omitted(working)
        ]
    if problems:
        raise InputError(problems)
    applied = working.finish(key)
    return replace(applied, warnings=tuple(_warnings(amendment, key, working)))


def _warnings(amendment: Amendment, key: str, working: WorkingCopy) -> list[Problem]:
    """What applies but may not say what the drafter meant, each at its instruction."""
    said = [
        (instruction, f"instruction {instruction.label} {message}")
        for instruction, message in working.warnings
    ]
    for found in references_to_left(working):
        said.append(
            (
                found.instruction,
                f"instruction {found.instruction.label} leaves {key} {found.instruction.subject} as "
                f'"Not used.", but {found.referrer} still refers to it ("{found.words}"): amend that '
                "reference too",
            )
        )
    for grown in grown_ranges(working):
        said.append((grown.instruction, _grown_range_message(key, grown)))
    scoped: dict[ClauseNumber, str] = {}
    for member, instruction in working.reached:
        if isinstance(member, ClauseNumber):
            scoped.setdefault(member, instruction.label)
    out = [
        Problem(
            amendment.path,
            _field_line(amendment, "clauses affected"),
            1,
            f"warning: 'Clauses affected' does not match the instructions: {message}",
        )
        for message in clauses_affected_problems(amendment.clauses_affected, amendment.targets, key, scoped)
    ]
    for instruction, message in said:
        at = instruction.clause_at if instruction.clause_at.line else instruction.at
        out.append(
            Problem(
                amendment.path,
                at.line,
                at.column,
                f"warning: {message}",
                amendment.source_line(at.line),
                at.width,
            )
        )
    return out


def _omitted_reference_problem(amendment: Amendment, key: str, found: OmittedReference) -> Problem:
    instruction = found.instruction
    at = instruction.clause_at if instruction.clause_at.line else instruction.at
    return Problem(
        amendment.path,
        at.line,
        at.column,
        f"instruction {instruction.label} omits {key} {instruction.subject}, but {found.referrer} "
        f'still {found.verb} it ("{found.words}"): amend that {_what(found)} too',
        amendment.source_line(at.line),
        at.width,
    )


def _field_line(amendment: Amendment, name: str) -> int:
    return next((n for n, text in enumerate(amendment.lines, start=1) if text.lower().startswith(name)), 0)


def _grown_range_message(key: str, grown: GrownRange) -> str:
    return (
        f"instruction {grown.instruction.label} inserts {key} clause {grown.added} inside the range "
        f'"{grown.words}" that {grown.referrer} refers to, which now takes it in: amend that '
        "reference too if it should not"
    )


def _what(found: OmittedReference) -> str:
    return "use" if found.verb == "uses" else "reference"


def _where(instruction: Instruction, message: str) -> Spot:
    """Point at the quoted words when they are at fault, else at the clause number or term."""
    if instruction.anchor_at.line and message.startswith('"'):
        return instruction.anchor_at
    return instruction.clause_at if instruction.clause_at.line else instruction.at


def missing_targets(amendment: Amendment, corpus: Corpus, keys: list[str] | None = None) -> list[Problem]:
    """A problem at each version a target names (among `keys`, if given) that the corpus does not hold."""
    problems = []
    for target in amendment.targets:
        for version, at in zip(target.versions, target.version_spots, strict=False):
            if keys is not None and f"{target.spec}@{version}" not in keys:
                continue
            if corpus.get(target.spec, version) is None:
                loaded = ", ".join(spec.key for spec in corpus) or "none"
                problems.append(
                    Problem(
                        amendment.path,
                        at.line,
                        at.column,
                        f"no spec {target.spec} {version} in the corpus (loaded: {loaded})",
                        amendment.source_line(at.line),
                        at.width,
                    )
                )
    return problems


def apply_all(amendment: Amendment, corpus: Corpus) -> dict[str, AppliedSpec]:
    """Every target applied; InputError lists every problem in every target."""
    problems = missing_targets(amendment, corpus)
    applied: dict[str, AppliedSpec] = {}
    for key in amendment.keys:
        base = corpus.get(*key.split("@", 1))
        if base is None:
            continue
        try:
            applied[key] = apply_target(amendment, key, base)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: (problem.line, problem.column)))
    return applied


def apply_amendment(amendment: Amendment, corpus: Corpus) -> dict[str, Spec]:
    """`{"SMETS2@4.2": amended spec, ...}` for every target; InputError if any instruction fails."""
    return {key: applied.spec for key, applied in apply_all(amendment, corpus).items()}
