"""Tracked changes already in a document: refused by default, accepted on request."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main

from .docx_builder import DocxBuilder, import_built

MARK = 'w:id="{}" w:author="Drafter" w:date="2024-01-01T00:00:00Z"'


def run(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def revised() -> DocxBuilder:
    builder = DocxBuilder()
    builder.heading("5 Electricity Smart Metering Equipment", 1)
    builder.heading("5.7 Power Supply", 2)
    builder.raw(
        f"<w:p>{run('5.7.1 ESME shall ')}"
        f"<w:del {MARK.format(1)}>{run('not ', deleted=True)}</w:del>"
        f"<w:ins {MARK.format(2)}>{run('always ')}</w:ins>"
        f"<w:r><w:rPr><w:b/><w:rPrChange {MARK.format(3)}><w:rPr/></w:rPrChange></w:rPr>"
        '<w:t xml:space="preserve">supply power.</w:t></w:r></w:p>'
    )
    builder.raw(
        f"<w:p>{run('5.7.2 ESME shall ')}<w:moveFrom {MARK.format(4)}>{run('at once ')}</w:moveFrom>"
        f"{run('raise an alert')}<w:moveTo {MARK.format(5)}>{run(' at once')}</w:moveTo>{run('.')}</w:p>"
    )
    # A paragraph mark deleted: the paragraph joins the next one.
    builder.raw(
        f"<w:p><w:pPr><w:rPr><w:del {MARK.format(6)}/></w:rPr></w:pPr>{run('5.7.3 ESME shall join')}</w:p>"
    )
    builder.raw(f"<w:p>{run(' the next paragraph.')}</w:p>")
    # A whole paragraph deleted, another inserted.
    builder.raw(
        f"<w:p><w:pPr><w:rPr><w:del {MARK.format(7)}/></w:rPr></w:pPr>"
        f"<w:del {MARK.format(8)}>{run('5.7.4 ESME shall be withdrawn.', deleted=True)}</w:del></w:p>"
    )
    builder.raw(
        f"<w:p><w:pPr><w:rPr><w:ins {MARK.format(9)}/></w:rPr></w:pPr>"
        f"<w:ins {MARK.format(10)}>{run('5.7.4 ESME shall be new.')}</w:ins></w:p>"
    )
    builder.paragraph("5.7.5 ESME shall raise these alerts:")
    builder.raw(
        f"<w:tbl>{row('Code', 'Name')}{row('AD1', 'Kept')}"
        f"{row('AD2', 'Deleted row', f'<w:trPr><w:del {MARK.format(11)}/></w:trPr>')}</w:tbl>"
    )
    return builder


def row(first: str, second: str, properties: str = "") -> str:
    cells = "".join(f"<w:tc><w:p>{run(text)}</w:p></w:tc>" for text in (first, second))
    return f"<w:tr>{properties}{cells}</w:tr>"


def test_tracked_changes_are_refused_with_their_count_and_first_paragraph(tmp_path: Path) -> None:
    document = revised().save(tmp_path / "revised.docx")
    output = tmp_path / "out.spec"
    result = CliRunner().invoke(
        main, ["import", str(document), "-o", str(output), "--spec", "SMETS2", "--version", "5.0"]
    )
    assert result.exit_code == 2
    assert (
        f"{document}: the document has 11 tracked changes, the first in paragraph 3 "
        '("5.7.1 ESME shall not always supply power.")' in result.stderr
    )
    assert "--accept-changes" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_accepting_changes_takes_the_accepted_view(tmp_path: Path) -> None:
    result = import_built(revised(), tmp_path, accept_changes=True)
    texts = {str(clause.number): clause.text.value for clause in result.spec.clauses()}
    assert texts == {
        "5.7.1": "ESME shall always supply power.",
        "5.7.2": "ESME shall raise an alert at once.",
        "5.7.3": "ESME shall join the next paragraph.",
        "5.7.4": "ESME shall be new.",
        "5.7.5": "ESME shall raise these alerts:",
    }
    alerts = result.spec.clause("5.7.5")
    assert alerts is not None and alerts.tables[0].rows == (("AD1", "Kept"),)
    assert result.issues == ()
