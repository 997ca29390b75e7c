"""A pack step is one spectool command run in-process; its outcome says ok, findings or failed."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import click

from spectool.atomic import write_text_atomic


class Status(StrEnum):
    OK = "ok"
    FINDINGS = "findings"  # the command ran and reported findings (exit status 1)
    FAILED = "failed"  # the command could not do its job (exit status 2, or a crash)


@dataclass(frozen=True, slots=True)
class Step:
    """One artefact (or a few) of the pack, made by one spectool command."""

    label: str  # what the progress line and the index call it
    args: tuple[str, ...]  # the spectool command line, without "spectool"
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


Invoke = Callable[[list[str]], int]


def invoke_spectool(args: list[str]) -> int:
    """Run `spectool ARGS` in this process and return its exit status."""
    from spectool.cli import main

    try:
        result = main.main(args=args, prog_name="spectool", standalone_mode=False)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.ClickException as error:
        click.echo(f"spectool: {error.format_message()}", err=True)
        return error.exit_code
    return result if isinstance(result, int) else 0


def run_step(step: Step, folder: Path, invoke: Invoke = invoke_spectool) -> Outcome:
    """Run one step, capturing what it prints; a crash is a failed step, never the end of the pack."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = invoke(list(step.args))
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
