"""What reviewers need in a Word redline of an amendment: the change request on the cover, a comment
on each change, a running header and footer with page numbers, summary rows linked to their changes,
and the change request's date, so that the same inputs give the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest

from spectool.amend.apply import AppliedSpec, apply_target
from spectool.amend.model import Amendment, EditText, InsertClauses
from spectool.amend.reader import read_amendment
from spectool.config import load_config
from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.model.corpus import Corpus
from spectool.parsing import load_corpus
from spectool.redline.accept import read_document_xml
from spectool.redline.check import check_document
from spectool.redline.cover import modification_of
from spectool.redline.docx import redline_docx_bytes
from spectool.redline.rationale import instruction_words, rationales
from spectool.redline.resolved import resolved_findings
from spectool.redline.templates import W
from tests.redline.helpers import ROOT, front_lines, part

AMENDMENT = ROOT / "amendments" / "MP102A.amend"
CONFIG = ROOT / "spectool.toml"
TARGETS = ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]
NS = {"w": W}


@cache
def corpus() -> Corpus:
    return load_corpus(sorted((ROOT / "specs").glob("*.spec")))


@cache
def applied(key: str) -> tuple[Amendment, AppliedSpec]:
    amendment = read_amendment(AMENDMENT)
    return amendment, apply_target(amendment, key, corpus().require(key))


def write(key: str, folder: Path, context: int | None = None) -> Path:
    amendment, result = applied(key)
    shown = with_context(diff_specs(result.base, result.spec, result.numbering), context)
    path = folder / f"{key}.docx"
    data = redline_docx_bytes(
        shown,
        author="SECAS",
        date="2021-03-01T00:00:00Z",
        modification=modification_of(amendment),
        notes=rationales(shown, amendment, result),
    )
    path.write_bytes(data)
    return path


def paragraph_text(paragraph: object) -> str:
    """The text as it reads with every revision accepted (deleted text is w:delText)."""
    return "".join(paragraph.xpath(".//w:t/text()", namespaces=NS))  # type: ignore[attr-defined]


def test_the_cover_gives_the_change_request(tmp_path: Path) -> None:
    front = front_lines(write("SMETS2@4.2", tmp_path, context=1))
    amendment, _ = applied("SMETS2@4.2")
    assert "Change request" in front
    assert f"Reason for change: {amendment.reason}" in front
    assert f"Summary of change: {amendment.summary}" in front
    assert f"Consequences if not approved: {amendment.consequences}" in front
    assert f"Clauses affected: {amendment.clauses_affected}" in front
    assert "Date: 2021-03-01" in front


@pytest.mark.parametrize("key", TARGETS)
def test_each_instruction_is_a_comment_anchored_on_its_change(tmp_path: Path, key: str) -> None:
    path = write(key, tmp_path, context=1)
    amendment, _ = applied(key)
    comments = part(path, "word/comments.xml").findall("w:comment", NS)
    instructions = amendment.instructions_for(key)
    assert len(comments) == len(instructions)
    root = read_document_xml(path)
    assert not check_document(root)
    for comment, instruction in zip(comments, instructions, strict=True):
        text = paragraph_text(comment)
        assert text.startswith(f"MP102A instruction {instruction.number} ")
        assert (
            text.endswith(instruction.reason)
            if instruction.reason
            else instruction_words(instruction) in text
        )
        number = comment.get(f"{{{W}}}id")
        (start,) = root.xpath(f"//w:commentRangeStart[@w:id='{number}']", namespaces=NS)
        (end,) = root.xpath(f"//w:commentRangeEnd[@w:id='{number}']", namespaces=NS)
        assert root.xpath(f"//w:commentReference[@w:id='{number}']", namespaces=NS)
        # The range covers the clause the instruction changed, and the words it brought in.
        paragraphs = start.xpath("ancestor::w:p[1]", namespaces=NS) + end.xpath(
            "ancestor::w:p[1]", namespaces=NS
        )
        spanned = " ".join(paragraph_text(p) for p in paragraphs)
        operation = instruction.operation
        if isinstance(operation, EditText):
            assert operation.text in spanned
        elif isinstance(operation, InsertClauses):
            assert operation.clauses[0].text.flat.split()[0] in spanned


def test_an_instruction_without_a_reason_is_commented_with_its_own_words(tmp_path: Path) -> None:
    path = write("CHTS@1.5", tmp_path)
    texts = [paragraph_text(c) for c in part(path, "word/comments.xml").findall("w:comment", NS)]
    assert texts[0] == (
        'MP102A instruction 1 (CHTS 1.5): In clause 4.3.3, after "that feeds the Hot Shoe" insert "; a '
        "firmware upgrade of GSME or of the Communications Hub shall not interrupt that power, and a loss "
        'of that power shorter than 3 minutes shall not lead to the Power Outage Alert".'
    )


def test_every_page_has_a_running_header_and_numbered_footer(tmp_path: Path) -> None:
    path = write("SMETS2@5.0", tmp_path)
    header = paragraph_text(part(path, "word/header1.xml"))
    assert header == "MP102A: SMETS2 5.0 as amended"
    footer = part(path, "word/footer1.xml")
    codes = [code.strip() for code in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert codes == ["PAGE", "NUMPAGES"]
    assert paragraph_text(footer).startswith("2021-03-01")
    section = read_document_xml(path).find(f".//{{{W}}}body/{{{W}}}sectPr")
    assert [child.tag.rsplit("}", 1)[-1] for child in section][:2] == ["headerReference", "footerReference"]
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == header


def test_each_summary_row_links_to_a_bookmark_at_its_change(tmp_path: Path) -> None:
    path = write("CHTS@1.5", tmp_path, context=1)
    root = read_document_xml(path)
    rows = root.xpath("//w:tbl[w:tblPr/w:tblStyle/@w:val='SummaryTable']/w:tr[position() > 1]", namespaces=NS)
    assert len(rows) == 4  # 2 changed, 1 inserted, and 2 renumbered in one row ("4.4.4 to 4.4.5")
    for row in rows:
        cells = [paragraph_text(cell) for cell in row.findall("w:tc", NS)]
        (anchor,) = set(row.xpath(".//w:hyperlink/@w:anchor", namespaces=NS))
        (bookmark,) = root.xpath(f"//w:bookmarkStart[@w:name='{anchor}']", namespaces=NS)
        target = paragraph_text(bookmark.getparent())
        number = cells[3] or cells[2]  # the new number, or the old for a deleted clause
        assert target.startswith(number.split(" to ")[0] + " "), (cells, target)


def _run_cli(folder: Path, name: str, seed: str) -> bytes:
    out = folder / name
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from spectool.cli import main; main()",
            "redline",
            str(AMENDMENT),
            "--target",
            "SMETS2@4.2",
            "--config",
            str(CONFIG),
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
        env=environment,
        cwd=ROOT,
    )
    return out.read_bytes()


def test_the_same_inputs_give_the_same_bytes_in_any_process(tmp_path: Path) -> None:
    first = _run_cli(tmp_path, "first.docx", "1")
    assert _run_cli(tmp_path, "second.docx", "1") == first
    assert _run_cli(tmp_path, "other-seed.docx", "4242") == first
    # The date is the change request's, in every part and every zip entry.
    with zipfile.ZipFile(tmp_path / "first.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2021, 3, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2021-03-01T00:00:00Z" in core


def test_a_comment_names_the_findings_its_instruction_resolves() -> None:
    amendment, result = applied("SMETS2@5.0")
    resolved = resolved_findings(amendment, result, corpus(), load_config(CONFIG))
    by_number = {i.number: resolved.get(id(i), ()) for i in amendment.instructions_for("SMETS2@5.0")}
    # "spurious" goes with instruction 1, "mains power failure" with instruction 3; 2 and 4 resolve none.
    assert [f.code for f in by_number[1]] == ["TERM002"]
    assert [f.code for f in by_number[3]] == ["TERM001"]
    assert by_number[2] == by_number[4] == ()
    shown = diff_specs(result.base, result.spec, result.numbering)
    texts = [note.text for note in rationales(shown, amendment, result, resolved)]
    assert texts[0].startswith("MP102A instruction 1 (SMETS2 5.0): as SMETS2 4.2 clause 5.4.4.5")
    assert 'Resolves TERM002 "spurious" must not be used in requirement text' in texts[0]
    assert "Resolves" not in texts[1]
