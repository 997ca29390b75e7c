"""Build a modification's pack: run every step in a staging folder, write the index, swap it in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spectool.amend.model import Amendment
from spectool.api.applied import AppliedAmendment
from spectool.api.workspace import Workspace
from spectool.atomic import write_text_atomic
from spectool.diff.summary import Summary, summarise
from spectool.errors import InputError
from spectool.pack.findings import FINDINGS_SARIF, PackFindings, read_pack_findings
from spectool.pack.index import render_index
from spectool.pack.manifest import MANIFEST, render_manifest
from spectool.pack.plan import PackOptions, plan_steps
from spectool.pack.staging import Incomplete, check_destination, pack_lock, staged_directory, sweep_leftovers
from spectool.pack.steps import Outcome, Status, Step, run_step

LOG = "pack.log"

# Called before each step (outcome None) and after it, with the step's place in the plan.
Progress = Callable[[int, int, Step, Outcome | None], None]


@dataclass(frozen=True, slots=True)
class PackResult:
    amendment: Amendment
    destination: Path  # where the pack is: the destination, or the folder for a failed pack
    outcomes: tuple[Outcome, ...]
    findings: PackFindings | None = None  # from the check step's SARIF; None if it wrote none

    @property
    def clean(self) -> bool:
        return all(outcome.status is Status.OK for outcome in self.outcomes)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.status is Status.FAILED)


def no_progress(index: int, total: int, step: Step, outcome: Outcome | None) -> None:
    """Progress that shows nothing."""


def failed_folder(destination: Path) -> Path:
    """Where a pack with a failed step is kept, so the good pack at `destination` stays."""
    return destination.with_name(f"{destination.name}.failed")


def build_pack(
    options: PackOptions, destination: Path, workspace: Workspace, progress: Progress
) -> PackResult:
    """Every artefact of the pack, built beside `destination` and moved there only when no step failed.

    A pack with a failed step goes to `<destination>.failed` instead, for inspection. Every step works
    through `workspace`, so the corpus is parsed and the amendment applied once for the whole pack.
    """
    # A malformed amendment or corpus stops here, with exit 2, before any folder is made.
    amendment = workspace.amendment(options.amendment_path)
    config = workspace.config
    workspace.corpus  # noqa: B018 - parsed here, so that a malformed spec stops the pack before it starts
    # The spec folders themselves too: a pack must not replace one, even an empty one.
    inputs = [options.amendment_path, *config.input_paths(), *config.spec_paths]
    destination = check_destination(destination, inputs)  # refused before any folder is made
    failed = failed_folder(destination)
    with pack_lock(destination):
        for folder in (destination, failed):
            sweep_leftovers(folder)
            # Again under the lock: a pack that held it may have changed what is there.
            check_destination(folder, inputs)
        try:
            built = build_staged(amendment, workspace, options, destination, failed, progress)
        except Incomplete as incomplete:
            return PackResult(amendment, failed, *incomplete.args)
    return PackResult(amendment, destination, *built)


def build_staged(
    amendment: Amendment,
    workspace: Workspace,
    options: PackOptions,
    destination: Path,
    failed: Path,
    progress: Progress,
) -> tuple[tuple[Outcome, ...], PackFindings | None]:
    """Run every step in a staging folder and swap it in; Incomplete (with the outcomes) if one failed."""
    outcomes: list[Outcome] = []
    with staged_directory(destination, failed=failed) as staging:
        steps = plan_steps(amendment, workspace.config, workspace.corpus, options, staging)
        for index, step in enumerate(steps, start=1):
            progress(index, len(steps), step, None)
            outcome = run_step(step, staging, workspace)
            outcomes.append(outcome)
            progress(index, len(steps), step, outcome)
        summaries = change_summaries(workspace.apply(amendment))
        findings = read_pack_findings(staging / FINDINGS_SARIF)
        page = render_index(amendment, outcomes, summaries, options, findings)
        write_text_atomic(staging / "index.html", page)
        write_text_atomic(staging / LOG, pack_log(outcomes, staging))
        # Last, so that it lists every file, and a pack killed before this point is never trusted.
        write_text_atomic(staging / MANIFEST, render_manifest(staging, amendment.id))
        if any(outcome.status is Status.FAILED for outcome in outcomes):
            raise Incomplete(tuple(outcomes), findings)
    return tuple(outcomes), findings


def change_summaries(applied: AppliedAmendment) -> dict[str, Summary | str]:
    """Per target, the redline's summary of changes, or why there is none."""
    summaries: dict[str, Summary | str] = {}
    done = {target.key: target for target in applied.targets}
    for key in applied.keys:
        if key in done:
            summaries[key] = summarise(done[key].diff)
        elif key in applied.failures:
            first = str(InputError(list(applied.failures[key]))).splitlines()[0]
            summaries[key] = f"the amendment does not apply: {first}"
        else:
            summaries[key] = f"{key} is not in the corpus"
    return summaries


def pack_log(outcomes: list[Outcome], staging: Path) -> str:
    """Each step's command line, status and anything it printed on stderr (no times: the pack is the
    same bytes on every run; the terminal shows how long each step took)."""
    lines = []
    for outcome in outcomes:
        command = " ".join(arg.replace(str(staging), "<pack>") for arg in outcome.step.args)
        lines.append(f"[{outcome.status}] {outcome.step.label}")
        lines.append(f"    spectool {command}")
        lines.extend(f"    | {line}" for line in outcome.stderr.replace(str(staging), "<pack>").splitlines())
    return "\n".join(lines) + "\n"
