"""An amendment applied through a workspace: per target the consolidated spec and source, the diff and the
alignment, and what did not apply."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spectool.amend.apply import AppliedSpec, missing_targets
from spectool.amend.model import Amendment
from spectool.amend.output import output_paths
from spectool.amend.scope import verify_scope
from spectool.diff.align import Alignment, align_specs
from spectool.diff.document import diff_specs
from spectool.diff.model import Redline
from spectool.errors import InputError, Problem, UsageError
from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus, split_key
from spectool.model.document import Spec

_DIFF: MemoKind[Redline] = MemoKind("diff of a target")
_ALIGNMENT: MemoKind[Alignment] = MemoKind("alignment of a target")


@dataclass(frozen=True, slots=True)
class AppliedTarget:
    """One target spec version as the amendment leaves it."""

    applied: AppliedSpec  # the consolidated spec, its numbering and what each instruction changed
    source: str  # the consolidated spec in the source format (what `spectool apply` writes)
    memo: RunMemo = field(repr=False, compare=False)

    @property
    def key(self) -> str:
        return self.applied.key

    @property
    def base(self) -> Spec:
        return self.applied.base

    @property
    def spec(self) -> Spec:
        return self.applied.spec

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """What applies but may not say what the drafter meant, each at its instruction."""
        return self.applied.warnings

    def what_changed(self) -> str:
        """`3 clause(s) or definition(s) changed or inserted, 2 renumbered, 1 omitted`."""
        applied = self.applied
        moved = len(applied.renumbered)
        omitted = sum(1 for new in applied.numbering.values() if new is None) + len(applied.omitted_terms)
        parts = [f"{len(applied.changed)} clause(s) or definition(s) changed or inserted"]
        if moved:
            parts.append(f"{moved} renumbered")
        if omitted:
            parts.append(f"{omitted} omitted")
        return ", ".join(parts)

    @property
    def diff(self) -> Redline:
        """The base against the consolidated spec, clauses paired by the amendment's own numbering."""
        applied = self.applied
        return self.memo.once(
            _DIFF, (applied,), lambda: diff_specs(applied.base, applied.consolidated, applied.numbering)
        )

    @property
    def alignment(self) -> Alignment:
        """The clauses of the base paired with those of the consolidated spec by their words."""
        applied = self.applied
        return self.memo.once(_ALIGNMENT, (applied,), lambda: align_specs(applied.base, applied.spec))


@dataclass(frozen=True, slots=True)
class AppliedAmendment:
    """An amendment applied to each target asked for: those that applied, and the problems of the rest."""

    amendment: Amendment
    base: Corpus  # the corpus it was applied to
    keys: tuple[str, ...]  # the targets asked for, in the amendment's order
    targets: tuple[AppliedTarget, ...]  # each target that applied, in that order
    missing: tuple[Problem, ...] = ()  # targets the corpus does not hold
    failures: dict[str, tuple[Problem, ...]] = field(default_factory=dict)  # by target: what did not apply

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem: the missing targets, then each target's in order."""
        return (*self.missing, *(problem for key in self.keys for problem in self.failures.get(key, ())))

    def target(self, key: str) -> AppliedTarget:
        """The target `key` as amended; InputError with its problems if it did not apply."""
        for target in self.targets:
            if target.key == key:
                return target
        if key not in self.keys:
            raise UsageError(f"{self.amendment.id} does not amend {key}: it amends {', '.join(self.keys)}")
        if key in self.failures:
            raise InputError(list(self.failures[key]))
        raise InputError(missing_targets(self.amendment, self.base, [key]))

    def scope_problems(self, target: AppliedTarget) -> list[Problem]:
        """Where the consolidated text differs from its base other than where the amendment says."""
        return verify_scope(self.amendment, target.key, target.base, target.applied.consolidated)

    def output_paths(self, folder: Path) -> dict[str, Path]:
        """Where each target's consolidated source goes in `folder`, named among every target of the
        amendment (not only those asked for), so that a target's file name never depends on the asking."""
        bases = {key: base for key in self.amendment.keys if (base := self.base.get(*split_key(key)))}
        return output_paths(folder, bases)

    @property
    def corpus(self) -> Corpus:
        """The corpus as the amendment leaves it: each target that applied in place of its base."""
        amended = self.base
        for target in self.targets:
            amended = amended.with_spec(target.spec)
        return amended


@dataclass(frozen=True, slots=True)
class Consolidation:
    """An amendment's consolidated sources: those written (or verified), and the problems of the rest."""

    applied: AppliedAmendment
    ready: tuple[AppliedTarget, ...]  # applied (and, when verified, amended only where it says)
    written: tuple[Path, ...]  # where each of `ready` was written, in the same order
    problems: tuple[Problem, ...]

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """What applies but may not say what the drafter meant, target by target."""
        return tuple(warning for target in self.applied.targets for warning in target.warnings)
