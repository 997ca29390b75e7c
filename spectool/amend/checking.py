"""Prepare `spectool check AMENDMENT`: the corpus before and after, and findings pointed at the amendment."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spectool.amend.apply import AppliedSpec, apply_all
from spectool.amend.fragment import BODY_INDENT
from spectool.amend.model import Amendment, Spot
from spectool.amend.reader import read_amendment
from spectool.amend.textedit import NewWords, segments
from spectool.findings import Finding
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Definition, Spec

_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_CLAUSE_ID = re.compile(r"[0-9]+(?:\.[0-9]+)*")


@dataclass(frozen=True, slots=True)
class AmendmentCheck:
    """An amendment applied to a corpus, ready for the rules: `base` before, `corpus` after."""

    amendment: Amendment
    base: Corpus
    corpus: Corpus
    applied: dict[str, AppliedSpec] = field(default_factory=dict, compare=False, repr=False)

    def attribute(self, finding: Finding) -> Finding:
        """Re-point a finding in a clause (or definition) the amendment inserted or changed at the
        instruction that did it, in the .amend file: at the very words when they are the
        instruction's own (new text, or quoted new words), else at the clause the instruction names."""
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
        words = self._in_new_words(applied, finding)
        if words is not None:
            line, column, end = words
            return replace(finding, path=self.amendment.path, line=line, column=column, end_column=end)
        at = instruction.clause_at if instruction.clause_at.line else instruction.at
        return replace(
            finding, path=self.amendment.path, line=at.line, column=at.column, end_column=at.column + at.width
        )

    def _in_new_words(self, applied: AppliedSpec, finding: Finding) -> tuple[int, int, int] | None:
        """(line, column, end column) in the .amend file, if the finding starts in quoted new words."""
        paragraph = paragraph_named(applied.spec, finding.clause)
        if paragraph is None:
            return None
        texts = dict(segments(paragraph))
        for span in applied.new_words.get(finding.clause, ()):
            text = texts.get(span.key)
            offset = next(
                (
                    offset
                    for offset in range(span.start, span.end)
                    if text is not None and text.locate(offset) == (finding.line, finding.column)
                ),
                None,
            )
            if offset is not None:
                line, column = quoted_position(self.amendment, span, offset - span.start)
                width = finding.end_column - finding.column if finding.end_column > finding.column else 1
                return line, column, column + width
        return None


def paragraph_named(spec: Spec, name: str) -> Clause | Definition | None:
    """The clause with this id, else the definition of this term: a finding's `clause` is either."""
    if _CLAUSE_ID.fullmatch(name):
        return spec.clause(name)
    return next((definition for definition in spec.definitions() if definition.term == name), None)


def quoted_position(amendment: Amendment, span: NewWords, offset: int) -> tuple[int, int]:
    """Where character `offset` of an instruction's quoted new words stands in the .amend file
    (a line break inside the quotation marks, with the spaces around it, reads as one space)."""
    at: Spot = span.instruction.text_at
    following = (amendment.source_line(at.line + n) for n in range(1, span.end - span.start + 2))
    raw = "\n".join([amendment.source_line(at.line)[at.column :], *following])
    breaks = {match.start(): match.end() for match in _LINE_BREAK.finditer(raw)}
    index = produced = 0
    while index < len(raw) and produced < offset:
        index = breaks.get(index, index + 1)
        produced += 1
    newline = raw.rfind("\n", 0, index)
    if newline < 0:
        return at.line, at.column + 1 + index
    return at.line + raw.count("\n", 0, index), index - newline


def prepare_amendment_check(
    path: Path, corpus: Corpus, read: Callable[[Path], Amendment] = read_amendment
) -> AmendmentCheck:
    """Read the amendment at `path` (with `read`) and apply it to `corpus`; InputError if it does not
    apply."""
    amendment = read(path)
    applied = apply_all(amendment, corpus)
    amended = corpus
    for result in applied.values():
        amended = amended.with_spec(result.spec)
    return AmendmentCheck(amendment, corpus, amended, applied)
