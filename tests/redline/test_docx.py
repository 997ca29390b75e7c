"""The DOCX writer: real revisions that read back as each version, safe text, templates that fail early."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings

from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.errors import UsageError
from spectool.model.document import Clause, Definition, Section, Spec, Table, Text
from spectool.model.numbers import ClauseNumber
from spectool.redline.check import check_document
from spectool.redline.docx import redline_docx_bytes, write_redline_docx
from spectool.redline.templates import TemplateOutputError
from tests.redline.helpers import (
    DATE,
    SAMPLE,
    body_lines,
    document_root,
    edit_sample,
    front_lines,
    part,
    sample,
    write_docx,
)
from tests.redline.strategies import spec_pairs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=spec_pairs())
def test_accepting_gives_the_new_text_and_rejecting_the_old(tmp_path: Path, pair: tuple[Spec, Spec]) -> None:
    old, new = pair
    path = write_docx(diff_specs(old, new), tmp_path)
    assert body_lines(path, Side.NEW) == page_lines(spec_page(new))
    assert body_lines(path, Side.OLD) == page_lines(spec_page(old))
    assert check_document(document_root(path)) == []
    docx.Document(str(path))


def test_revisions_carry_author_date_and_unique_ids(tmp_path: Path) -> None:
    new = edit_sample(("supply power", "maintain power"), ("  (b) otherwise.\n", ""))
    path = tmp_path / "r.docx"
    path.write_bytes(redline_docx_bytes(diff_specs(sample(), new), author="A. Drafter", date=DATE))
    root = document_root(path)
    revisions = [e for tag in ("ins", "del") for e in root.iter(f"{W}{tag}")]
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in revisions} == {("A. Drafter", DATE)}
    ids = [e.get(f"{W}id") for e in root.iter() if e.get(f"{W}id") is not None and not e.tag.endswith("End")]
    assert len(ids) == len(set(ids))
    assert root.find(f".//{W}del/{W}r/{W}delText") is not None
    assert part(path, "word/settings.xml").find(f"{W}trackRevisions") is not None
    docx.Document(str(path))


def test_a_moved_clause_is_a_word_move(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    moved = "5.7.0 ESME shall not raise a spurious alert after a mains power failure.\n"
    new_text = text.replace(
        "// spectool-disable: TERM001 -- quoted on purpose\n"
        "5.7.2 ESME shall not raise a spurious alert after a mains power failure.\n",
        "",
    )
    new_text = new_text.replace("## 5.7 Power Supply\n", "## 5.7 Power Supply\n" + moved)
    from spectool.parsing import parse_spec

    path = write_docx(diff_specs(sample(), parse_spec(new_text)), tmp_path)
    root = document_root(path)
    starts = {
        tag: [e.get(f"{W}name") for e in root.iter(f"{W}{tag}RangeStart")] for tag in ("moveFrom", "moveTo")
    }
    assert starts["moveFrom"] == starts["moveTo"] == ["move1"]
    assert root.find(f".//{W}moveFrom/{W}r/{W}t") is not None
    assert root.find(f".//{W}moveTo/{W}r/{W}t") is not None


def test_text_is_escaped_and_control_characters_dropped(tmp_path: Path) -> None:
    hostile = "ESME <w:p> & \"quoted\" 'single' ]]> \x01\x0b\x1f tab\there \ufffe done"
    clause = Clause(ClauseNumber.parse("5.1"), Text(hostile))
    table = Table('<Alerts & "codes">', ("Code", "<Name>"), (("AD1 &", "x\x00y"),))
    glossary = Section(
        ClauseNumber.parse("1"), "Glossary & <terms>", (Definition('A "B" & <C>', Text("means <it> & \x02")),)
    )
    old = Spec(
        "SMETS2", "4.2", 'Title <&> "q"', (glossary, Section(ClauseNumber.parse("5"), "ESME", (clause,)))
    )
    new_clause = Clause(ClauseNumber.parse("5.1"), Text(hostile + " <more & more>"), attachments=(table,))
    new = Spec(
        "SMETS2", "5.0", 'Title <&> "q"', (glossary, Section(ClauseNumber.parse("5"), "ESME", (new_clause,)))
    )
    path = tmp_path / "r.docx"
    write_redline_docx(diff_specs(old, new), path, author='<A & "B">', date=DATE)
    assert body_lines(path, Side.NEW) == page_lines(spec_page(new))
    assert "5.1 ESME <w:p> & \"quoted\" 'single' ]]>  tab\there  done <more & more>" in body_lines(
        path, Side.NEW
    )
    assert 'Author: <A & "B">' in front_lines(path)
    raw = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<w:p> &" not in raw and "\x01" not in raw
    assert not re.search(r"<w:t[^>]*>[^<]*\t", raw)  # tabs are w:tab elements
    docx.Document(str(path))


def test_the_same_input_gives_the_same_bytes() -> None:
    redline = diff_specs(sample(), edit_sample(("supply power", "maintain power")))
    first = redline_docx_bytes(redline, author="SECAS", date=DATE)
    assert redline_docx_bytes(redline, author="SECAS", date=DATE) == first


def test_a_template_that_gives_broken_xml_fails_at_write_time(tmp_path: Path) -> None:
    (tmp_path / "cover.xml.j2").write_text("<w:p><w:r><w:t>{{ cover.heading }}</w:r></w:p>", encoding="utf-8")
    with pytest.raises(TemplateOutputError, match=r"document\.xml\.j2"):
        redline_docx_bytes(diff_specs(sample(), sample()), author="SECAS", date=DATE, template_dir=tmp_path)


def test_a_template_that_names_something_undefined_fails_at_write_time(tmp_path: Path) -> None:
    (tmp_path / "body.xml.j2").write_text("{{ no_such_thing }}", encoding="utf-8")
    with pytest.raises(TemplateOutputError, match="no_such_thing"):
        redline_docx_bytes(diff_specs(sample(), sample()), author="SECAS", date=DATE, template_dir=tmp_path)


def test_a_drafters_template_replaces_the_bundled_one_and_ids_start_above_its_own(tmp_path: Path) -> None:
    cover = (
        '<w:p><w:bookmarkStart w:id="40" w:name="Cover"/><w:r>'
        "<w:t>SECAS draft: {{ cover.heading }}</w:t></w:r>"
        '<w:bookmarkEnd w:id="40"/></w:p>'
    )
    (tmp_path / "cover.xml.j2").write_text(cover, encoding="utf-8")
    new = edit_sample(("supply power", "maintain power"))
    path = tmp_path / "r.docx"
    write_redline_docx(diff_specs(sample(), new), path, author="SECAS", date=DATE, template_dir=tmp_path)
    assert front_lines(path)[0] == "SECAS draft: SMETS2 version 4.2"
    ids = sorted(
        int(e.get(f"{W}id"))
        for tag in ("ins", "del", "bookmarkStart")
        for e in document_root(path).iter(f"{W}{tag}")
    )
    assert ids[0] == 40 and ids[1] == 41


def test_the_writer_never_writes_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "old.spec"
    source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UsageError, match="input"):
        write_redline_docx(diff_specs(sample(), sample()), source, author="SECAS", date=DATE, inputs=[source])
    assert source.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")
    write_redline_docx(
        diff_specs(sample(), sample()), tmp_path / "r.docx", author="SECAS", date=DATE, inputs=[source]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.spec", "r.docx"]
