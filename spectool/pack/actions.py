"""What each pack step does, through the run's workspace: the work of one spectool command, its
messages written where the command would print them."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from spectool.api.checking import CheckRequest, shown_path
from spectool.api.messages import mirror_notes
from spectool.api.redlining import Drafting
from spectool.api.workspace import Workspace
from spectool.atomic import write_text_atomic
from spectool.coverage.request import CoverageRequest
from spectool.errors import InputError
from spectool.sources import check_inputs

OK, FINDINGS, FAILED = 0, 1, 2


def consolidate(amendment: Path, folder: Path, workspace: Workspace, out: TextIO, err: TextIO) -> int:
    """`spectool apply AMENDMENT -o FOLDER --verify`."""
    done = workspace.consolidate(amendment, folder, verify=True)
    for warning in done.warnings:
        err.write(warning.render() + "\n")
    for path, target in zip(done.written, done.ready, strict=True):
        out.write(f"{path}: {target.key} {target.what_changed()}\n")
    if done.problems:
        raise InputError(list(done.problems))
    return OK


def redline(
    amendment: Path,
    key: str,
    output: Path,
    output_format: str,
    drafting: Drafting,
    workspace: Workspace,
    out: TextIO,
    err: TextIO,
) -> int:
    """`spectool redline AMENDMENT --target KEY -o OUTPUT --format FORMAT`."""
    draft = workspace.redline(workspace.apply(amendment, [key]), key, drafting)
    draft.write(output, output_format, inputs=workspace.input_paths())
    out.write(draft.written_line(output) + "\n")
    return OK


def check(request: CheckRequest, output: Path, workspace: Workspace, out: TextIO, err: TextIO) -> int:
    """`spectool check PATHS ... --output OUTPUT`."""
    report = workspace.check_report(request)
    write_text_atomic(output, report.text, inputs=check_inputs(request.paths, workspace.config))
    if report.input_error:
        return FAILED
    return FINDINGS if report.fails else OK


def mirror(amendment: Path, source: str, target: str, workspace: Workspace, out: TextIO, err: TextIO) -> int:
    """`spectool mirror AMENDMENT --from SOURCE --to TARGET`."""
    proposal = workspace.mirror(amendment, source, target)
    out.write(proposal.render())
    if proposal.notes:
        err.write(mirror_notes(proposal) + "\n")
    return OK


def coverage(request: CoverageRequest, output: Path, workspace: Workspace, out: TextIO, err: TextIO) -> int:
    """`spectool coverage ... -o OUTPUT`."""
    report = workspace.coverage(request, shown=shown_path)
    extra = [request.amendment] if request.amendment else []
    write_text_atomic(output, report, inputs=workspace.input_paths(*extra))
    err.write(f"wrote {output}\n")
    return OK
