"""Each finding of a run measured against a baseline run: new, unchanged, or absent now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spectool.baseline.fingerprint import LOOSE, STRICT
from spectool.findings import BaselineState, Finding


def against_baseline(
    current: Sequence[Finding], baseline: Sequence[Finding], *, written_anew: Sequence[str] = ()
) -> list[Finding]:
    """The current findings marked new or unchanged, then the baseline's absent ones.

    A finding in a file of `written_anew` (an amendment's own text) is always new: words an
    amendment writes are its drafter's to get right, even where the base said the same.

    Pairs are made on the strict fingerprint first (same clause words, same text), then on the
    loose one (same text in the same spec), so a finding whose clause was reworded around it is
    still the finding it was. Each baseline finding pairs at most once.
    """
    state: dict[int, BaselineState] = {}
    unpaired = list(range(len(baseline)))
    for kind in (STRICT, LOOSE):
        waiting: dict[str, list[int]] = {}
        for index in unpaired:
            if print_ := baseline[index].fingerprint(kind):
                waiting.setdefault(print_, []).append(index)
        used: set[int] = set()
        for position, finding in enumerate(current):
            if position in state or finding.path in written_anew:
                continue
            candidates = waiting.get(finding.fingerprint(kind) or "\0")
            if candidates:
                used.add(candidates.pop(0))
                state[position] = BaselineState.UNCHANGED
        unpaired = [index for index in unpaired if index not in used]
    marked = [
        replace(finding, baseline=state.get(position, BaselineState.NEW))
        for position, finding in enumerate(current)
    ]
    absent = [replace(baseline[index], baseline=BaselineState.ABSENT) for index in unpaired]
    return marked + absent


def new_only(findings: Sequence[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.baseline in (None, BaselineState.NEW)]
