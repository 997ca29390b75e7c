"""`-o` replaces only a file that spectool wrote and nobody has edited since, unless --force."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.ownership import sign_spec_source, written_by_spectool
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
