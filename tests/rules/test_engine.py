"""The engine: selection by code or prefix, [rules] settings, inline suppressions, order of findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.errors import ConfigError, UsageError
from spectool.findings import Severity
from spectool.rules.registry import all_rules
from spectool.rules.runner import check_paths
from spectool.rules.settings import RuleSettings, load_rule_settings

TABLE = """\
[terminology.replace.comms-hub]
use = "Communications Hub"
instead-of = ["Comms Hub"]
reason = "defined"
fires = "the Comms Hub"
passes = "the Communications Hub"

[terminology.ban.spurious]
words = ["spurious"]
reason = "genuine"
fires = "spurious"
passes = "genuine"
"""

SPEC = """\
---
spec: SMETS2
version: 4.2
title: T
---
# 5 ESME
5.1 ESME shall power the Comms Hub and raise no spurious Alert to the Hub Port.
// spectool-disable: TERM001, TERM002 -- quoting the MP102A text
5.2 ESME shall power the Comms Hub and raise no spurious Alert to the Hub Port.
// spectool-disable: TERM -- a family at once
5.3 ESME shall power the Comms Hub.
5.5 ESME must keep the Comms Hub powered.
"""


def run(tmp_path: Path, rules: str = "", **options: tuple[str, ...]) -> object:
    (tmp_path / "spectool.toml").write_text(TABLE + rules, encoding="utf-8")
    (tmp_path / "s.spec").write_text(SPEC, encoding="utf-8")
    config = load_config(tmp_path / "spectool.toml")
    return check_paths([tmp_path / "s.spec"], config, **options).result  # type: ignore[arg-type]


def codes(result: object) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in result.findings]  # type: ignore[attr-defined]


def test_findings_are_sorted_and_suppressions_counted_with_reasons(tmp_path: Path) -> None:
    result = run(tmp_path)
    # "Comms Hub" is TERM001's alone (one place, one finding); "Hub Port" is an undefined term.
    assert codes(result) == [
        ("TERM001", 7, 26),
        ("TERM002", 7, 49),
        ("DEF002", 7, 71),
        ("DEF002", 9, 71),
        ("STRUCT001", 12, 1),
        ("STRUCT002", 12, 1),
        ("TERM001", 12, 24),
    ]
    keys = [f.key for f in result.findings]  # type: ignore[attr-defined]
    assert keys == sorted(keys)
    suppressed = [(s.finding.code, s.finding.line, s.reason) for s in result.suppressed]  # type: ignore[attr-defined]
    assert suppressed == [
        ("TERM001", 9, "quoting the MP102A text"),
        ("TERM002", 9, "quoting the MP102A text"),
        ("TERM001", 11, "a family at once"),
    ]
    assert ("DEF002", 9, 71) in codes(result)  # a suppression silences only the codes it names


def test_select_and_ignore_take_codes_and_prefixes(tmp_path: Path) -> None:
    assert {code for code, _, _ in codes(run(tmp_path, select=("TERM",)))} == {"TERM001", "TERM002"}
    assert {code for code, _, _ in codes(run(tmp_path, select=("TERM",), ignore=("TERM002",)))} == {"TERM001"}
    assert {code for code, _, _ in codes(run(tmp_path, select=("STRUCT002", "TERM002")))} == {
        "STRUCT002",
        "TERM002",
    }
    with pytest.raises(UsageError, match="no rule code or prefix 'NOPE'"):
        run(tmp_path, select=("NOPE",))


def test_rules_table_disables_and_changes_severity(tmp_path: Path) -> None:
    rules = '\n[rules]\ndisable = ["DEF", "STRUCT001"]\n\n[rules.severity]\nTERM001 = "warning"\n'
    result = run(tmp_path, rules)
    found = {(f.code, f.severity) for f in result.findings}  # type: ignore[attr-defined]
    assert ("TERM001", Severity.WARNING) in found
    assert not any(code.startswith("DEF") or code == "STRUCT001" for code, _ in found)
    # Naming a disabled rule in full on the command line runs it all the same.
    again = run(tmp_path, rules, select=("STRUCT001",))
    assert [code for code, _, _ in codes(again)] == ["STRUCT001"]


@pytest.mark.parametrize(
    ("rules", "line", "message"),
    [
        (
            '[rules]\ndisable = ["NOPE1"]\n',
            2,
            "'rules.disable' names 'NOPE1', which is no rule code or prefix",
        ),
        (
            '[rules.severity]\nTERM001 = "fatal"\n',
            2,
            "'rules.severity.TERM001' must be one of error, warning, info",
        ),
        (
            '[rules.severity]\nNOPE001 = "error"\n',
            2,
            "'rules.severity.NOPE001': no rule has the code NOPE001",
        ),
        ("[rules]\nselect = 1\n", 2, "unknown key 'rules.select'"),
    ],
)
def test_bad_rules_settings_are_reported_at_their_line(
    tmp_path: Path, rules: str, line: int, message: str
) -> None:
    path = tmp_path / "spectool.toml"
    path.write_text(rules, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rule_settings(load_config(path), all_rules())
    (problem,) = caught.value.problems
    assert (problem.line, problem.message[: len(message)]) == (line, message)


def test_settings_match_prefixes() -> None:
    settings = RuleSettings(disabled=("DEF",))
    assert settings.is_disabled("DEF003") and not settings.is_disabled("TERM001")


def test_a_bad_terminology_table_stops_the_run_before_any_spec_is_read(tmp_path: Path) -> None:
    (tmp_path / "spectool.toml").write_text(
        TABLE.replace('fires = "spurious"', 'fires = "odd"'), encoding="utf-8"
    )
    with pytest.raises(ConfigError):
        check_paths([tmp_path / "missing.spec"], load_config(tmp_path / "spectool.toml"))
