"""Prepare `spectool check AMENDMENT`: the corpus before and after, and findings pointed at the amendment."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from spectool.amend.apply import AppliedSpec, apply_all
from spectool.amend.fragment import BODY_INDENT
from spectool.amend.model import Amendment, Instruction, Spot
from spectool.amend.reader import read_amendment
from spectool.findings import Finding
from spectool.model.corpus import Corpus


@dataclass(frozen=True, slots=True)
class AmendmentCheck:
    """An amendment applied to a corpus, ready for the rules: `base` before, `corpus` after."""

    amendment: Amendment
    base: Corpus
    corpus: Corpus
    applied: dict[str, AppliedSpec] = field(default_factory=dict, compare=False, repr=False)

    def attribute(self, finding: Finding) -> Finding:
        """Re-point a finding in a clause (or definition) the amendment inserted or changed at the
        .amend file: at the line of the new text where it lies, else at the instruction's new words."""
        if finding.path == self.amendment.path:
            return finding  # already in the amendment (a rule about the instructions themselves)
        applied = self.applied.get(f"{finding.spec}@{finding.version}")
        instruction = applied.changed.get(finding.clause) if applied is not None and finding.clause else None
        if applied is None or instruction is None:
            return finding
        first, last = instruction.body
        if first <= finding.line <= last and finding.path == applied.spec.path:
            # New text was parsed where it stands in the .amend file, less its four-space indent.
            end = finding.end_column + BODY_INDENT if finding.end_column else 0
            return replace(
                finding, path=self.amendment.path, column=finding.column + BODY_INDENT, end_column=end
            )
        at = _instruction_spot(instruction)
        return replace(
            finding,
            path=self.amendment.path,
            line=at.line,
            column=at.column,
            end_column=at.column + at.width,
        )


def _instruction_spot(instruction: Instruction) -> Spot:
    for spot in (instruction.text_at, instruction.anchor_at, instruction.clause_at, instruction.at):
        if spot.line:
            return spot
    return instruction.at


def prepare_amendment_check(path: Path, corpus: Corpus) -> AmendmentCheck:
    """Read the amendment at `path` and apply it to `corpus`; InputError if it does not apply."""
    amendment = read_amendment(path)
    applied = apply_all(amendment, corpus)
    amended = corpus
    for result in applied.values():
        amended = amended.with_spec(result.spec)
    return AmendmentCheck(amendment, corpus, amended, applied)
