"""`spectool import`: writes source that `spectool parse` accepts, warnings on stderr, atomic output."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.parsing import read_spec

from .docx_builder import DocxBuilder


def drafted() -> DocxBuilder:
    builder = DocxBuilder()
    builder.paragraph("Smart Metering Equipment Technical Specifications", style="Title")
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.paragraph("Words that stand directly under the heading.")
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power to the Communications Hub.")
    return builder


def invoke(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["import", *arguments])
    return result.exit_code, result.stdout, result.stderr


def test_import_writes_source_that_parse_accepts(tmp_path: Path) -> None:
    document = drafted().save(tmp_path / "SMETS2 v5.0.docx")
    output = tmp_path / "specs" / "smets2" / "v5.0.spec"
    code, out, err = invoke(str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0")
    assert code == 0, err
    assert out == f"wrote {output}: SMETS2@5.0, 2 sections, 1 clause, 0 definitions, 1 warning\n"
    assert err == (
        f'{document}: paragraph 3 ("Words that stand directly under the heading."): 1 paragraph that is no '
        "clause, definition, note or sub-item: kept as free paragraphs\n"
    )
    assert "\n> Words that stand directly under the heading.\n" in output.read_text(encoding="utf-8")
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    assert output.read_text(encoding="utf-8").startswith(
        "---\nspec: SMETS2\nversion: 5.0\ntitle: Smart Metering Equipment Technical Specifications\n"
        f"source: SMETS2 v5.0.docx\nsource-sha256: {digest}\n---\n"
    )
    assert [path.name for path in output.parent.iterdir()] == ["v5.0.spec"]  # no temporary file left
    parsed = CliRunner().invoke(main, ["parse", str(output)])
    assert parsed.exit_code == 0, parsed.stderr
    assert parsed.stdout.splitlines()[-1] == "1 spec parsed, no problems"


def test_title_option_and_fallbacks(tmp_path: Path) -> None:
    output = tmp_path / "out.spec"
    document = drafted().save(tmp_path / "titled.docx")
    code, _, _ = invoke(
        str(document), "-o", str(output), "--spec", "S", "--version", "1", "--title", "Given Title"
    )
    assert code == 0 and read_spec(output).title == "Given Title"
    builder = DocxBuilder()
    builder.document.core_properties.title = "From the properties"
    builder.heading("5.7 Power Supply", 2)
    builder.paragraph("5.7.1 ESME shall supply power.")
    document = builder.save(tmp_path / "untitled.docx")
    code, _, _ = invoke(str(document), "-o", str(output), "--spec", "S", "--version", "1")
    assert code == 0 and read_spec(output).title == "From the properties"
    builder.document.core_properties.title = ""
    document = builder.save(tmp_path / "nameless.docx")
    code, _, _ = invoke(str(document), "-o", str(output), "--spec", "S", "--version", "1")
    assert code == 0 and read_spec(output).title == "nameless"


def test_an_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    document = drafted().save(tmp_path / "spec.docx")
    output = tmp_path / "out.spec"
    # A file spectool did not write is replaced only when asked (issue 16); then it is replaced whole.
    output.write_text("old content\n", encoding="utf-8")
    code, _, _ = invoke(str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0", "--force")
    assert code == 0
    assert read_spec(output).clause("5.7.1") is not None
