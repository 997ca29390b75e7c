"""A pack step does one command's work through the run's workspace; its outcome: ok, findings or failed."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from spectool.api.workspace import Workspace
from spectool.atomic import write_text_atomic
from spectool.errors import SpectoolError, error_report

# The step's work: the workspace, where it prints, where it reports problems -> its exit status.
Action = Callable[[Workspace, TextIO, TextIO], int]


class Status(StrEnum):
    OK = "ok"
    FINDINGS = "findings"  # the command ran and reported findings (exit status 1)
    FAILED = "failed"  # the command could not do its job (exit status 2, or a crash)


@dataclass(frozen=True, slots=True)
class Step:
    """One artefact (or a few) of the pack, made by one spectool command."""

    label: str  # what the progress line and the index call it
    args: tuple[str, ...]  # the spectool command line that does the same, without "spectool" (for the log)
    action: Action
    outputs: tuple[str, ...] = ()  # files it writes, relative to the pack folder
    group: str = ""  # the index's heading for it: "Redlines", "Checks", ...
    capture: str = ""  # a file (relative to the pack folder) to keep what the command prints


@dataclass(frozen=True, slots=True)
class Outcome:
    step: Step
    status: Status
    exit_code: int
    seconds: float
    stdout: str = ""
    stderr: str = ""
    outputs: tuple[str, ...] = field(default=())  # the outputs that exist afterwards


def run_step(step: Step, folder: Path, workspace: Workspace) -> Outcome:
    """Run one step, keeping what it prints; a crash is a failed step, never the end of the pack."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    try:
        code = step.action(workspace, out, err)
    except SpectoolError as error:
        err.write(error_report(error) + "\n")
        code = 2
    except Exception as error:
        err.write(f"{type(error).__name__}: {error}\n")
        code = 3
    seconds = time.perf_counter() - start
    status = Status.OK if code == 0 else Status.FINDINGS if code == 1 else Status.FAILED
    if step.capture and status is not Status.FAILED:
        write_text_atomic(folder / step.capture, out.getvalue())
    made = tuple(output for output in (*step.outputs, step.capture) if output and (folder / output).is_file())
    missing = sorted(set(step.outputs) - set(made))
    if status is not Status.FAILED and missing:
        status = Status.FAILED
        err.write("the step did not write " + ", ".join(missing) + "\n")
    return Outcome(step, status, code, seconds, out.getvalue(), err.getvalue(), made)
