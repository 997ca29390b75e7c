"""The rule base: what a rule declares, what it sees, and helpers to place its findings."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from spectool.findings import Finding, Severity
from spectool.memo import RunMemo
from spectool.model.corpus import Corpus
from spectool.model.document import Position, Spec, Text

if TYPE_CHECKING:
    from spectool.amend.model import Amendment
    from spectool.config import Config


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What every rule sees: the whole corpus, the configuration, the amendment under check, and the
    run's memo (what the rules of one run work out once: tables, joined texts, glossaries, coverage)."""

    corpus: Corpus
    config: Config
    # The amendment being checked, when `spectool check AMENDMENT` runs.
    amendment: Amendment | None = None
    # The corpus before the amendment was applied, for rules that compare the two.
    base: Corpus | None = None
    options: dict[str, object] = field(default_factory=dict)
    memo: RunMemo = field(default_factory=RunMemo)


class Rule(ABC):
    """A check with a stable code (`TERM001`), a name, a one-line summary and a default severity.

    The class docstring says why the rule exists; `spectool rules --explain CODE` shows it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity]

    @abstractmethod
    def check(self, context: RuleContext) -> Iterator[Finding]:
        """Every finding of this rule on the corpus."""

    def at_position(
        self,
        spec: Spec,
        position: Position,
        message: str,
        *,
        clause: str = "",
        suggestion: str | None = None,
    ) -> Finding:
        """A finding at a node's position (a whole line, a heading, a definition)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            message=message,
            path=spec.path,
            line=position.line,
            column=position.column,
            end_column=position.end_column,
            spec=spec.name,
            version=spec.version,
            clause=clause,
            suggestion=suggestion,
        )

    def in_text(
        self,
        spec: Spec,
        text: Text,
        start: int,
        end: int,
        message: str,
        *,
        clause: str = "",
        suggestion: str | None = None,
    ) -> Finding:
        """A finding on characters start..end of running text (which may span source lines)."""
        line, column = text.locate(start)
        end_line, end_column = text.locate(end)
        return Finding(
            code=self.code,
            severity=self.severity,
            message=message,
            path=spec.path,
            line=line,
            column=column,
            end_column=end_column if end_line == line else column + 1,
            spec=spec.name,
            version=spec.version,
            clause=clause,
            suggestion=suggestion,
        )
