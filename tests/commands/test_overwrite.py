"""`-o` replaces only a file that spectool wrote and nobody has edited since, unless --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.ownership import sign_spec_source, written_by_spectool
from tests.commands.test_outputs_never_over_inputs import repo  # noqa: F401 - the repository fixture
from tests.docx_import.docx_builder import DocxBuilder

SAMPLE = Path(__file__).parent.parent / "fixtures" / "sample.spec"
REFUSED = "exists, and spectool did not write it (or it has been edited since): refusing to overwrite it"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def word_document(tmp_path: Path) -> Path:
    builder = DocxBuilder()
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    return builder.save(tmp_path / "spec.docx")


def import_to(document: Path, output: Path, *extra: str) -> tuple[int, str]:
    return run("import", str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0", *extra)


def test_import_refuses_to_overwrite_an_amendment_and_force_overrides(tmp_path: Path) -> None:
    document = word_document(tmp_path)
    amendment = tmp_path / "MP102A.amend"
    amendment.write_text("Modification MP102A: my draft\n")
    code, stderr = import_to(document, amendment)
    assert code == 2
    assert f"{amendment}: {REFUSED}; pass --force to replace it" in stderr
    assert amendment.read_text() == "Modification MP102A: my draft\n"
    code, _ = import_to(document, amendment, "--force")
    assert code == 0
    assert amendment.read_text().startswith("---\nspec: SMETS2\n")


def test_import_replaces_its_own_output_until_someone_edits_it(tmp_path: Path) -> None:
    document = word_document(tmp_path)
    output = tmp_path / "smets2.spec"
    assert import_to(document, output)[0] == 0
    assert written_by_spectool(output)
    assert import_to(document, output)[0] == 0  # an unedited import is spectool's to replace
    output.write_text(output.read_text().replace("supply power", "supply power at all times"))
    assert not written_by_spectool(output)
    code, stderr = import_to(document, output)
    assert code == 2 and REFUSED in stderr
    assert "at all times" in output.read_text()


def test_the_signature_is_a_comment_that_parse_accepts(tmp_path: Path) -> None:
    signed = tmp_path / "signed.spec"
    signed.write_text(sign_spec_source(SAMPLE.read_text(), "sample.docx"))
    assert written_by_spectool(signed)
    assert run("parse", str(signed))[0] == 0
    assert not written_by_spectool(SAMPLE)


def test_export_replaces_its_own_docx_but_not_another(tmp_path: Path) -> None:
    output = tmp_path / "sample.docx"
    assert run("export", str(SAMPLE), "-o", str(output))[0] == 0
    assert written_by_spectool(output)
    assert run("export", str(SAMPLE), "-o", str(output))[0] == 0
    foreign = word_document(tmp_path)  # python-docx names itself, not spectool, as the application
    before = foreign.read_bytes()
    code, stderr = run("export", str(SAMPLE), "-o", str(foreign))
    assert code == 2 and REFUSED in stderr
    assert foreign.read_bytes() == before
    assert run("export", str(SAMPLE), "-o", str(foreign), "--force")[0] == 0
    assert written_by_spectool(foreign)


def test_force_never_writes_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "sample.spec"
    source.write_text(SAMPLE.read_text())
    code, stderr = run("export", str(source), "-o", str(source), "--force")
    assert code == 2 and "refusing to write over an input file" in stderr
    assert source.read_text() == SAMPLE.read_text()


# Each command that writes a report, a redline or a proposal with -o, run in the repository of
# test_outputs_never_over_inputs (the fixture `repo`, which makes tmp_path the current folder).
WRITERS = {
    "check": ("check", "--format", "json"),
    "coverage": ("coverage",),
    # Two versions with no change request are dated by the clock unless told: a fixed date, so that
    # two runs a second apart write the same bytes.
    "redline docx": ("redline", "specs/smets2-v4.2.spec", "specs/smets2-v5.0.spec", "--date", "2024-05-01"),
    "redline markdown": ("redline", "MP900.amend", "--format", "markdown"),
    "mirror": ("mirror", "MP900.amend", "--from", "SMETS2@4.2", "--to", "SMETS2@5.0"),
}


@pytest.mark.usefixtures("repo")
@pytest.mark.parametrize("writer", list(WRITERS))
def test_output_refuses_a_file_not_its_own_and_force_overrides(tmp_path: Path, writer: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a report\n")
    code, stderr = run(*WRITERS[writer], "-o", str(notes))
    assert code == 2
    assert f"{notes}: {REFUSED}; pass --force to replace it" in stderr
    assert notes.read_text() == "my notes, not a report\n"
    code, stderr = run(*WRITERS[writer], "-o", str(notes), "--force")
    assert code in (0, 1), stderr  # check exits 1 on findings, after writing its report
    assert notes.read_bytes() != b"my notes, not a report\n"
    assert written_by_spectool(notes)


@pytest.mark.usefixtures("repo")
@pytest.mark.parametrize("writer", list(WRITERS))
def test_output_replaces_its_own_file_until_someone_edits_it(tmp_path: Path, writer: str) -> None:
    output = tmp_path / "out" / "result"
    assert run(*WRITERS[writer], "-o", str(output))[0] in (0, 1)
    first = output.read_bytes()
    assert run(*WRITERS[writer], "-o", str(output))[0] in (0, 1)  # its own, unedited: replaced
    assert output.read_bytes() == first
    output.write_bytes(b"edited by hand\n")
    code, stderr = run(*WRITERS[writer], "-o", str(output))
    assert code == 2 and REFUSED in stderr
    assert output.read_bytes() == b"edited by hand\n"


@pytest.mark.usefixtures("repo")
def test_output_refuses_to_replace_what_is_not_a_regular_file(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, stderr = run("check", "-o", str(pipe))
    assert code == 2 and "exists and is not a regular file: refusing to replace it" in stderr


def test_import_names_what_a_device_or_pipe_is_instead_of_no_such_file(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for source, kind in ((Path("/dev/zero"), "a character device"), (pipe, "a named pipe")):
        code, stderr = import_to(source, tmp_path / "out.spec")
        assert code == 2
        assert f"{source}: is {kind}, not a regular file" in stderr
        assert "no such file" not in stderr
    assert not (tmp_path / "out.spec").exists()
    code, stderr = import_to(tmp_path / "missing.docx", tmp_path / "out.spec")
    assert code == 2 and "missing.docx: no such file" in stderr
