"""Build a modification's pack: run every step in a staging folder, write the index, swap it in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spectool.amend.apply import apply_target
from spectool.amend.model import Amendment
from spectool.amend.reader import read_amendment
from spectool.atomic import write_text_atomic
from spectool.config import Config
from spectool.diff.document import diff_specs
from spectool.diff.summary import Summary, summarise
from spectool.errors import SpectoolError
from spectool.model.corpus import Corpus, split_key
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


def failed_folder(destination: Path) -> Path:
    """Where a pack with a failed step is kept, so the good pack at `destination` stays."""
    return destination.with_name(f"{destination.name}.failed")


def build_pack(options: PackOptions, destination: Path, config: Config, progress: Progress) -> PackResult:
    """Every artefact of the pack, built beside `destination` and moved there only when no step failed.

    A pack with a failed step goes to `<destination>.failed` instead, for inspection.
    """
    # A malformed amendment or corpus stops here, with exit 2, before any folder is made.
    amendment = read_amendment(options.amendment_path)
    corpus = Corpus.load(config.spec_paths)
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
            built = build_staged(amendment, corpus, config, options, destination, failed, progress)
        except Incomplete as incomplete:
            return PackResult(amendment, failed, *incomplete.args)
    return PackResult(amendment, destination, *built)


def build_staged(
    amendment: Amendment,
    corpus: Corpus,
    config: Config,
    options: PackOptions,
    destination: Path,
    failed: Path,
    progress: Progress,
) -> tuple[tuple[Outcome, ...], PackFindings | None]:
    """Run every step in a staging folder and swap it in; Incomplete (with the outcomes) if one failed."""
    outcomes: list[Outcome] = []
    with staged_directory(destination, failed=failed) as staging:
        steps = plan_steps(amendment, config, corpus, options, staging)
        for index, step in enumerate(steps, start=1):
            progress(index, len(steps), step, None)
            outcome = run_step(step, staging)
            outcomes.append(outcome)
            progress(index, len(steps), step, outcome)
        summaries = change_summaries(amendment, corpus)
        findings = read_pack_findings(staging / FINDINGS_SARIF)
        page = render_index(amendment, outcomes, summaries, options, findings)
        write_text_atomic(staging / "index.html", page)
        write_text_atomic(staging / LOG, pack_log(outcomes, staging))
        # Last, so that it lists every file, and a pack killed before this point is never trusted.
        write_text_atomic(staging / MANIFEST, render_manifest(staging, amendment.id))
        if any(outcome.status is Status.FAILED for outcome in outcomes):
            raise Incomplete(tuple(outcomes), findings)
    return tuple(outcomes), findings


def change_summaries(amendment: Amendment, corpus: Corpus) -> dict[str, Summary | str]:
    """Per target, the redline's summary of changes, or why there is none."""
    summaries: dict[str, Summary | str] = {}
    for key in amendment.keys:
        base = corpus.get(*split_key(key))
        if base is None:
            summaries[key] = f"{key} is not in the corpus"
            continue
        try:
            applied = apply_target(amendment, key, base)
        except SpectoolError as error:
            summaries[key] = f"the amendment does not apply: {str(error).splitlines()[0]}"
            continue
        summaries[key] = summarise(diff_specs(base, applied.spec, applied.numbering))
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
