"""The opt-in check cache: what it stores, when it is reused, and that damage or change makes it run again."""

from __future__ import annotations

import json
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

import spectool.api.workspace as workspace
from spectool.cache.codec import CachedCheck, from_json, to_json
from spectool.cache.key import content_key, slot_of
from spectool.cache.store import CheckCache
from spectool.cli import main
from spectool.findings import BaselineState, Finding, RelatedLocation, Severity
from spectool.reporting.meta import RuleInfo

ROOT = Path(__file__).resolve().parents[2]
FINDING = Finding(
    "DEF002",
    Severity.WARNING,
    '"Power Outage Notice" is capitalised like a defined term: did you mean "Power Outage Alert"?',
    "specs/smets2-v4.2.spec",
    243,
    39,
    58,
    "SMETS2",
    "4.2",
    "5.5.3",
    "Power Outage Alert",
    (("line", "ab12"), ("clause", "cd34")),
    BaselineState.NEW,
    (RelatedLocation("config/coverage.toml", 12, 1, "the row's definition"),),
    "SMETS2 v4.2.docx, paragraph 37",
)
CHECK = CachedCheck(
    ("specs/smets2-v4.2.spec",),
    (
        RuleInfo(
            "DEF002", "UndefinedTerm", "a capitalised term no glossary defines", Severity.WARNING, "Why."
        ),
    ),
    (FINDING, Finding("TERM001", Severity.ERROR, "ünïcode", "a.spec", 1, 1)),
    ((Finding("XREF001", Severity.ERROR, "gone", "a.spec", 2, 3), "noqa: renumbered later"),),
)


def test_the_sample_finding_sets_every_field() -> None:
    """A field added to Finding must be added here too, so that the round trip below covers it."""
    unset = [each.name for each in fields(Finding) if getattr(FINDING, each.name) == each.default]
    assert unset == []


def test_a_check_comes_back_from_json_as_it_went_in() -> None:
    assert from_json(json.loads(json.dumps(to_json(CHECK)))) == CHECK


def test_an_entry_is_read_only_under_its_own_key(tmp_path: Path) -> None:
    cache = CheckCache(tmp_path / "cache")
    assert cache.load("slot", "key") is None
    cache.save("slot", "key", CHECK)
    assert cache.load("slot", "key") == CHECK
    assert cache.load("slot", "another key") is None
    assert cache.load("another slot", "key") is None
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert (tmp_path / "cache" / ".gitignore").read_text().endswith("*\n")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut off mid-write
        lambda text: text.replace('"line": 243', '"line": "243"'),  # a value of the wrong type
        lambda text: text.replace('"severity": "warning"', '"severity": "grave"'),  # unknown value
        lambda text: text.replace('"format": 1', '"format": 99'),  # another layout
        lambda text: "[]",
        lambda text: "\udcff",  # not UTF-8 once written
    ],
)
def test_a_damaged_entry_is_a_miss_never_an_error(tmp_path: Path, damage: object) -> None:
    assert callable(damage)
    cache = CheckCache(tmp_path)
    cache.save("slot", "key", CHECK)
    entry = tmp_path / "slot.json"
    entry.write_bytes(damage(entry.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    assert cache.load("slot", "key") is None


def test_the_key_follows_every_byte_read_and_every_option(tmp_path: Path) -> None:
    spec, config = tmp_path / "a.spec", tmp_path / "spectool.toml"
    spec.write_text("text\n")
    config.write_text("")
    first = content_key([spec, config], ["--select", "TERM"])
    assert content_key([config, spec], ["--select", "TERM"]) == first  # order of the files is no matter
    assert content_key([spec, config], ["--select", "DEF"]) != first
    spec.write_text("text.\n")
    assert content_key([spec, config], ["--select", "TERM"]) != first
    assert slot_of(["--select", "TERM"]) != slot_of(["--select", "DEF"])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled project with the cache turned on in its spectool.toml."""
    for name in ("specs", "config"):
        shutil.copytree(ROOT / name, tmp_path / name)
    text = (ROOT / "spectool.toml").read_text(encoding="utf-8")
    (tmp_path / "spectool.toml").write_text(text + "\n[cache]\nenabled = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--ignore", "COV", *args])
    return result.exit_code, result.stdout + result.stderr


def _no_check(*args: object, **kwargs: object) -> None:
    raise AssertionError("the check ran although its cached result should have been used")


def test_an_unchanged_corpus_is_reported_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run("--format", "json")
    assert first[0] == 1 and (project / ".spectool_cache" / "CACHEDIR.TAG").exists()
    monkeypatch.setattr(workspace, "check_paths", _no_check)
    assert run("--format", "json") == first
    assert run("--format", "sarif")[0] == 1  # every format reads the same cached findings


def test_a_changed_spec_is_checked_again(project: Path) -> None:
    before = run("--format", "json")
    spec = project / "specs" / "smets2-v4.2.spec"
    spec.write_text(spec.read_text(encoding="utf-8").replace("mains power failure", "Supply Outage"))
    after = run("--format", "json")
    assert _deprecated_in(before[1], spec.name) and not _deprecated_in(after[1], spec.name)


def _deprecated_in(report: str, name: str) -> bool:
    return any(
        finding["path"].endswith(name) and "mains power failure" in finding["message"]
        for finding in json.loads(report)["findings"]
    )


def test_a_damaged_cache_is_checked_again_with_the_same_result(project: Path) -> None:
    first = run()
    for entry in (project / ".spectool_cache").glob("*.json"):
        entry.write_text('{"format": 1, "key": ', encoding="utf-8")
    assert run() == first


def test_no_cache_on_the_command_line_leaves_the_folder_alone(project: Path) -> None:
    assert run("--no-cache")[0] == 1
    assert not (project / ".spectool_cache").exists()


def test_a_bad_cache_setting_is_a_configuration_error(project: Path) -> None:
    config = project / "spectool.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("enabled = true", 'enabled = "yes"'))
    code, out = run()
    assert code == 2
    assert "'cache.enabled' must be true or false" in out and "Traceback" not in out
