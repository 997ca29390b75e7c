"""The redline in place: MP102A written into copies of the Word originals of SMETS2 4.2, 5.0 and CHTS
(exported, then imported as the corpus), read with the one accept/reject and judged by LibreOffice."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from lxml import etree

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.diff.model import Side
from spectool.parsing import read_spec, render_spec
from spectool.redline.check import check_document
from spectool.redline.export import export_spec
from spectool.wordml.names import w
from tests.redline.inplace_helpers import (
    AMENDMENT,
    BUNDLED,
    DATE,
    Workspace,
    document,
    plain_lines,
    run,
    side_lines,
    split_cover,
    word_workspace,
)
from tests.redline.office import Office

REVISIONS = ("ins", "del", "moveFrom", "moveTo")
# Parts the redline in place writes; every other part of the original is copied byte for byte.
WRITTEN = ("word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return word_workspace(tmp_path_factory.mktemp("word-corpus"))


def redline_onto(workspace: Workspace, source: str, target: str, path: Path) -> tuple[int, str, str]:
    """`spectool redline MP102A --target TARGET --onto` the Word original of `source`, written at `path`."""
    onto = ("--onto", str(workspace.original(source)), "--config", str(workspace.config))
    return run("redline", str(AMENDMENT), "--target", target, *onto, "-o", str(path))


@pytest.fixture(scope="module")
def redlines(workspace: Workspace) -> Iterator[dict[str, Path]]:
    """MP102A in place on each original, written by `spectool redline --onto`."""
    out: dict[str, Path] = {}
    for source, name, version in BUNDLED:
        path = workspace.root / "out" / source.replace(".spec", "-mp102a.docx")
        code, stdout, stderr = redline_onto(workspace, source, f"{name}@{version}", path)
        assert code == 0, stderr
        assert stdout.startswith(f"{path}: MP102A on {name}@{version}: ")
        out[source] = path
    yield out


def consolidated_lines(workspace: Workspace, source: str, name: str, version: str, folder: Path) -> list[str]:
    """The text of the amended spec as `spectool export` writes it: what accepting everything must give."""
    base = read_spec(workspace.root / "specs" / source)
    applied = apply_target(read_amendment(AMENDMENT), f"{name}@{version}", base)
    path = folder / f"{name}-{version}-consolidated.docx"
    export_spec(applied.spec, path)
    return plain_lines(path)


@pytest.mark.parametrize(("source", "name", "version"), BUNDLED)
def test_accept_all_gives_the_amended_text_and_reject_all_the_original(
    workspace: Workspace, redlines: dict[str, Path], tmp_path: Path, source: str, name: str, version: str
) -> None:
    redline = redlines[source]
    assert side_lines(redline, Side.OLD) == plain_lines(workspace.original(source))
    assert side_lines(redline, Side.NEW) == consolidated_lines(workspace, source, name, version, tmp_path)
    assert side_lines(redline, Side.NEW) != side_lines(redline, Side.OLD)


@pytest.mark.parametrize(("source", "name", "version"), BUNDLED)
def test_only_the_changed_paragraphs_differ_and_every_other_part_is_copied(
    workspace: Workspace, redlines: dict[str, Path], source: str, name: str, version: str
) -> None:
    redline, original = redlines[source], workspace.original(source)
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(redline) as after:
        kept = [info.filename for info in before.infolist() if info.filename not in WRITTEN]
        assert kept and all(before.read(part) == after.read(part) for part in kept)
        assert after.namelist()[: len(before.namelist())] == before.namelist()
    _, rest = split_cover(document(redline))
    old_paragraphs = list(document(original).find(w("body")).iter(w("p")))
    new_paragraphs = [p for top in rest for p in top.iter(w("p")) if not _inserted(p)]
    assert len(new_paragraphs) == len(old_paragraphs)
    changed = 0
    for old, new in zip(old_paragraphs, new_paragraphs, strict=True):
        if etree.tostring(old) == etree.tostring(new):
            continue
        changed += 1
        marks = [
            node for node in new.iter() if etree.QName(node).localname in (*REVISIONS, "commentRangeStart")
        ]
        assert marks, etree.tostring(new)[:300]
    assert 0 < changed < len(old_paragraphs) // 4
    assert check_document(document(redline)) == []
    assert docx.Document(str(redline)).paragraphs


def test_inserted_clauses_take_their_neighbours_properties(redlines: dict[str, Path]) -> None:
    _, rest = split_cover(document(redlines["smets2-v4.2.spec"]))
    inserted = [p for top in rest for p in top.iter(w("p")) if _inserted(p)]
    assert inserted
    for paragraph in inserted:
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        assert style is not None and style.get(w("val"))
        # Every word is inside its revision; a run outside one is a comment's reference mark.
        assert not [text for run in paragraph.findall(w("r")) for text in run.iter(w("t"))]


def test_the_change_request_and_summary_come_first_and_read_the_same_both_ways(
    redlines: dict[str, Path],
) -> None:
    redline = redlines["chts-v1.5.spec"]
    cover, _ = split_cover(document(redline))
    text = "".join(text for top in cover for text in top.itertext())
    assert "MP102A" in text and "Change request" in text
    assert not [node for top in cover for node in top.iter() if etree.QName(node).localname in REVISIONS]
    anchors = {link.get(w("anchor")) for link in document(redline).iter(w("hyperlink"))}
    names = {mark.get(w("name")) for mark in document(redline).iter(w("bookmarkStart"))}
    assert anchors and anchors <= names


def test_a_changed_original_is_refused_and_nothing_is_written(workspace: Workspace, tmp_path: Path) -> None:
    source, name, version = BUNDLED[2]
    original = workspace.original(source)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(edited, "w") as after:
        for info in before.infolist():
            data = before.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                texts = [t for t in root.iter(w("t")) if " shall implement " in (t.text or "")]
                texts[0].text = (texts[0].text or "").replace(" shall implement ", " may implement ")
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            after.writestr(info, data)
    out = tmp_path / "out.docx"
    code, _, stderr = run(
        "redline",
        str(AMENDMENT),
        "--target",
        f"{name}@{version}",
        "--onto",
        str(edited),
        "-o",
        str(out),
        "--config",
        str(workspace.config),
    )
    assert code == 2
    assert f"{edited}" in stderr and "SHA-256 differs" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def test_onto_needs_an_amendment_a_docx_and_the_whole_text(workspace: Workspace, tmp_path: Path) -> None:
    source, name, version = BUNDLED[0]
    common = ("--onto", str(workspace.original(source)), "--config", str(workspace.config))
    code, _, stderr = run(
        "redline",
        str(AMENDMENT),
        "--target",
        f"{name}@{version}",
        "--context",
        "1",
        "-o",
        str(tmp_path / "a.docx"),
        *common,
    )
    assert code == 2 and "leave out --context" in stderr
    code, _, stderr = run(
        "redline", str(AMENDMENT), "--target", f"{name}@{version}", "--format", "html", *common
    )
    assert code == 2 and "--onto writes a Word document" in stderr


def test_the_same_inputs_give_the_same_bytes(
    workspace: Workspace, redlines: dict[str, Path], tmp_path: Path
) -> None:
    source, name, version = BUNDLED[0]
    again = tmp_path / "again.docx"
    code, _, stderr = redline_onto(workspace, source, f"{name}@{version}", again)
    assert code == 0, stderr
    assert again.read_bytes() == redlines[source].read_bytes()
    assert f'w:date="{DATE}T00:00:00Z"' in zipfile.ZipFile(again).read("word/document.xml").decode()


@pytest.mark.parametrize(("source", "name", "version"), BUNDLED)
def test_libreoffice_accepts_to_the_amended_text_rejects_to_the_original_and_finds_the_comments(
    office: Office,
    workspace: Workspace,
    redlines: dict[str, Path],
    tmp_path: Path,
    source: str,
    name: str,
    version: str,
) -> None:
    want_new = consolidated_lines(workspace, source, name, version, tmp_path)
    judge(office, redlines[source], workspace.original(source), want_new)


def judge(office: Office, redline: Path, original: Path, want_new: list[str]) -> None:
    """LibreOffice: accepting all gives the amended text, rejecting all the original's, after the same
    change request; one comment per note in comments.xml, each anchored on text."""
    want_old = office.lines(original, None)
    accepted, rejected = office.lines(redline, Side.NEW), office.lines(redline, Side.OLD)
    assert rejected[-len(want_old) :] == want_old
    assert accepted[-len(want_new) :] == want_new
    cover = rejected[: -len(want_old)]
    assert cover == accepted[: -len(want_new)] and any("MP102A" in line for line in cover)
    comments = office.comments(redline)
    with zipfile.ZipFile(redline) as archive:
        written = etree.fromstring(archive.read("word/comments.xml")).findall(w("comment"))
    assert comments and len(comments) == len(written)
    for text, anchor in comments:
        assert text.startswith("MP102A instruction ") and anchor.strip()
    assert docx.Document(str(redline)).paragraphs


def _inserted(paragraph: etree._Element) -> bool:
    """A paragraph the redline added: its mark inserted, or in an inserted row."""
    mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if mark is not None and any(mark.find(w(kind)) is not None for kind in ("ins", "moveTo")):
        return True
    return any(row.find(f"{w('trPr')}/{w('ins')}") is not None for row in paragraph.iterancestors(w("tr")))


def test_a_spec_that_records_no_document_is_checked_by_its_text(workspace: Workspace, tmp_path: Path) -> None:
    """Without `source-sha256` (a spec imported before provenance), --onto still refuses a document
    that no longer imports to the spec's text, and accepts the one that does."""
    source, name, version = BUNDLED[2]
    (tmp_path / "specs").mkdir()
    text = (workspace.root / "specs" / source).read_text(encoding="utf-8")
    unrecorded = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("source"))
    (tmp_path / "specs" / source).write_text(unrecorded, encoding="utf-8")
    for other, _, _ in BUNDLED[:2]:
        (tmp_path / "specs" / other).write_bytes((workspace.root / "specs" / other).read_bytes())
    (tmp_path / "spectool.toml").write_bytes(workspace.config.read_bytes())
    arguments = ("redline", str(AMENDMENT), "--target", f"{name}@{version}", "--config")
    out = tmp_path / "out.docx"
    original = workspace.original(source)
    code, _, stderr = run(
        *arguments, str(tmp_path / "spectool.toml"), "--onto", str(original), "-o", str(out)
    )
    assert code == 0, stderr
    assert side_lines(out, Side.OLD) == plain_lines(original)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(edited, "w") as after:
        for info in before.infolist():
            data = before.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b" shall implement ", b" may implement ", 1)
            after.writestr(info, data)
    code, _, stderr = run(
        *arguments, str(tmp_path / "spectool.toml"), "--onto", str(edited), "-o", str(tmp_path / "no.docx")
    )
    assert code == 2 and "no longer matches CHTS 1.5: 3.1.2 differs" in stderr
    assert not (tmp_path / "no.docx").exists()


def test_pack_writes_each_redline_into_the_original_beside_its_spec(
    office: Office, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """The originals stand beside their imported specs: `spectool pack` (and `spectool redline` without
    --onto) write in place into copies of them, and leave the originals as they were."""
    workspace = word_workspace(tmp_path_factory.mktemp("beside"), beside=True)
    before = {source: workspace.original(source).read_bytes() for source, _, _ in BUNDLED}
    pack = tmp_path / "pack"
    code, _, stderr = run("pack", str(AMENDMENT), "-o", str(pack), "--config", str(workspace.config))
    assert code in (0, 1), stderr
    for source, name, version in BUNDLED:
        redline = pack / "redlines" / f"{name}-{version}.docx"
        assert side_lines(redline, Side.OLD) == plain_lines(workspace.original(source))
        want_new = consolidated_lines(workspace, source, name, version, tmp_path)
        assert side_lines(redline, Side.NEW) == want_new
        judge(office, redline, workspace.original(source), want_new)
        names = {mark.get(w("name")) for mark in document(redline).iter(w("bookmarkStart"))}
        assert "_SpectoolCover" in names
        assert workspace.original(source).read_bytes() == before[source]


def test_the_amended_spec_carries_no_provenance_of_the_original(workspace: Workspace) -> None:
    base = read_spec(workspace.root / "specs" / "smets2-v4.2.spec")
    assert base.source is not None and base.origins
    applied = apply_target(read_amendment(AMENDMENT), "SMETS2@4.2", base)
    assert applied.spec.source is None and applied.spec.origins == ()
    source = render_spec(applied.spec)
    assert "Provenance:" not in source and "source-sha256:" not in source
