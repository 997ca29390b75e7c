"""End to end: the MP102A pack from the bundled files, every artefact checked; the consultation's is not."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.diff.model import Side
from spectool.diff.page import spec_page
from spectool.diff.plain import page_lines
from spectool.parsing import load_corpus, read_spec
from tests.redline.helpers import front_lines
from tests.redline.office import Office
from tests.reporting.test_sarif import validate

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"SMETS2-4.2": "smets2-v4.2.spec", "SMETS2-5.0": "smets2-v5.0.spec", "CHTS-1.5": "chts-v1.5.spec"}
VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"}


class BalanceChecker(HTMLParser):
    """Fails on an end tag that closes something other than the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)
        self.links.extend(value for name, value in attrs if name == "href" and value)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else ''}>"
        self.open.pop()


def parsed_html(path: Path) -> BalanceChecker:
    checker = BalanceChecker()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    assert checker.open == [], f"{path.name}: unclosed {checker.open}"
    return checker


def build(amendment: str, out: Path) -> tuple[int, str, str]:
    args = ["pack", str(ROOT / "amendments" / amendment), "-o", str(out), "--date", "2026-11-25T09:00:00Z"]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def mp102a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "MP102A"
    code, stdout, stderr = build("MP102A.amend", out)
    assert code == 0, stderr
    assert stdout.strip().split("\n")[0] == f"{out}/index.html: MP102A, 15 steps, clean"
    assert stdout.strip().split("\n")[1].startswith("Findings: 0 introduced by the amendment, 0 already")
    assert "[15/15] coverage after the amendment: ok" in stderr  # one line per step off a terminal
    return out


def test_pack_contents(mp102a: Path) -> None:
    files = sorted(str(path.relative_to(mp102a)) for path in mp102a.rglob("*") if path.is_file())
    expected = {
        "index.html",
        "pack.log",
        "spectool-pack.json",
        "check/findings.txt",
        "check/findings.sarif",
        "mirror/in-step.txt",
        "coverage/before.html",
        "coverage/after.html",
    }
    for target, source in TARGETS.items():
        expected |= {f"redlines/{target}.{suffix}" for suffix in ("docx", "html", "md")}
        expected.add(f"consolidated/{source}")
    assert set(files) == expected


def test_consolidated_sources_parse_and_differ_from_the_base(mp102a: Path) -> None:
    for source in TARGETS.values():
        amended = read_spec(mp102a / "consolidated" / source)
        base = read_spec(ROOT / "specs" / source)
        assert amended.key == base.key and amended != base


def test_docx_redlines_accept_to_the_consolidated_text_and_reject_to_the_base(
    mp102a: Path, office: Office
) -> None:
    for target, source in TARGETS.items():
        path = mp102a / "redlines" / f"{target}.docx"
        docx.Document(str(path))
        front = front_lines(path)
        new = page_lines(spec_page(read_spec(mp102a / "consolidated" / source)))
        old = page_lines(spec_page(read_spec(ROOT / "specs" / source)))
        assert office.lines(path, Side.NEW) == front + new, target
        assert office.lines(path, Side.OLD) == front + old, target


def test_html_artefacts_parse_and_index_links_resolve(mp102a: Path) -> None:
    for page in [*mp102a.glob("redlines/*.html"), *mp102a.glob("coverage/*.html")]:
        parsed_html(page)
    index = parsed_html(mp102a / "index.html")
    assert len(index.links) >= 17
    for link in index.links:
        assert (mp102a / link).is_file(), link
    text = (mp102a / "index.html").read_text(encoding="utf-8")
    assert "Clean: every step succeeded" in text
    assert re.search(r"SMETS2@4\.2 <span[^>]*>\d+ changed, 1 inserted", text)


def test_sarif_validates_and_holds_only_resolved_findings(mp102a: Path) -> None:
    document = json.loads((mp102a / "check" / "findings.sarif").read_text(encoding="utf-8"))
    validate(document)
    # Nothing new and nothing left: only the base's findings that the amendment resolves.
    states = {result["baselineState"] for result in document["runs"][0]["results"]}
    assert states == {"absent"}


def test_a_failed_rebuild_leaves_the_good_pack(mp102a: Path, tmp_path: Path) -> None:
    before = (mp102a / "index.html").read_text(encoding="utf-8")
    broken = tmp_path / "broken.amend"
    broken.write_text("Modification MP102A: no change request follows\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["pack", str(broken), "-o", str(mp102a)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert (mp102a / "index.html").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in mp102a.parent.iterdir()) == ["MP102A"]


def test_consultation_pack_is_not_clean_and_names_its_points(tmp_path: Path) -> None:
    code, stdout, _ = build("MP102A-consultation.amend", tmp_path / "consultation")
    assert code == 1
    assert "not clean" not in stdout and "with findings" in stdout
    # The terminal ends with what the amendment introduces; the base's own gaps are counted apart.
    summary = stdout.split("\n")[1]
    assert re.fullmatch(
        r"Findings: \d+ introduced by the amendment, \d+ already in the base, \d+ resolved\.", summary
    )
    assert "amendments/MP102A-consultation.amend:24:62: TERM001 error" in stdout
    index = (tmp_path / "consultation" / "index.html").read_text(encoding="utf-8")
    assert "Introduced by the amendment" in index and "Already in the base" in index
    findings = (tmp_path / "consultation" / "check" / "findings.txt").read_text(encoding="utf-8")
    codes = set(re.findall(r": ([A-Z]+\d{3}) (?:error|warning)", findings))
    assert {"XVER001", "TERM001", "TERM002", "COV001"} <= codes
    assert '"mains power failure" is deprecated' in findings
    assert '"spurious" must not be used' in findings
    assert "SMETS2 5.0, also live, is not amended" in findings
    for gap in ("Communications Hub firmware upgrade", "ESME polyphase", "Hot Shoe"):
        assert gap in findings, gap
    mirror = tmp_path / "consultation" / "mirror" / "SMETS2-4.2-to-SMETS2-5.0.amend"
    assert mirror.read_text(encoding="utf-8").startswith("Amendments to SMETS2 5.0")
    assert load_corpus([ROOT / "specs"]).require("SMETS2@5.0").clause("5.6.4") is not None


def test_a_bad_option_is_refused_before_any_step(tmp_path: Path) -> None:
    args = ["pack", str(ROOT / "amendments" / "MP102A.amend"), "-o", str(tmp_path / "p"), "--context", "x"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--context 'x': expected a whole number or 'all'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def repository_copy(folder: Path) -> Path:
    """The bundled specs, amendments and configuration in a folder of their own."""
    import shutil

    for name in ("specs", "amendments", "config"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "spectool.toml", folder / "spectool.toml")
    return folder


def test_a_failed_step_keeps_the_good_pack_and_puts_the_new_one_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository_copy(tmp_path)
    monkeypatch.chdir(repo)
    args = ["pack", "amendments/MP102A.amend", "-o", "out/MP102A", "--date", "2026-11-25T09:00:00Z"]
    assert CliRunner().invoke(main, args).exit_code == 0
    good = (repo / "out" / "MP102A" / "index.html").read_text(encoding="utf-8")
    (repo / "config" / "coverage.toml").write_text("[matrices.broken\n", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "coverage before the amendment: FAILED" in result.stderr
    assert "out/MP102A.failed/index.html" in result.stdout
    assert (repo / "out" / "MP102A" / "index.html").read_text(encoding="utf-8") == good
    log = (repo / "out" / "MP102A.failed" / "pack.log").read_text(encoding="utf-8")
    assert "[failed] coverage before the amendment" in log
    assert sorted(p.name for p in (repo / "out").iterdir()) == ["MP102A", "MP102A.failed"]


@pytest.mark.parametrize("output", [".", "specs"])
def test_pack_refuses_to_replace_a_folder_of_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    repo = repository_copy(tmp_path)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["pack", "amendments/MP102A.amend", "-o", output])
    assert result.exit_code == 2
    assert "refusing to write a pack over" in result.stderr
    assert sorted(p.name for p in (repo / "specs").glob("*.spec")) == sorted(TARGETS.values())


def test_a_repository_without_coverage_matrices_gets_no_coverage_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository_copy(tmp_path)
    toml = (repo / "spectool.toml").read_text(encoding="utf-8")
    (repo / "spectool.toml").write_text(
        re.sub(r"(?ms)^\[coverage\].*?(?=^\[|\Z)", "", toml), encoding="utf-8"
    )
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["pack", "amendments/MP102A.amend", "-o", "out"])
    assert result.exit_code == 0, result.stderr
    assert "13 steps, clean" in result.stdout
    assert not (repo / "out" / "coverage").exists()


def test_a_pack_that_introduces_nothing_is_clean_on_a_base_with_findings(tmp_path: Path) -> None:
    from tests.commands.test_check_command import AMENDMENT

    amendment = tmp_path / "clean.amend"
    amendment.write_text(AMENDMENT.replace(" a spurious", " a"), encoding="utf-8")
    out = tmp_path / "pack"
    result = CliRunner().invoke(main, ["pack", str(amendment), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout + result.stderr
    first, counts = result.stdout.split("\n")[:2]
    assert first.endswith("clean")
    # The bundled base has findings of its own; they are counted apart and do not dirty the pack.
    introduced, in_base = re.match(
        r"Findings: (\d+) introduced by the amendment, (\d+) already", counts
    ).groups()  # type: ignore[union-attr]
    assert introduced == "0" and int(in_base) > 0
