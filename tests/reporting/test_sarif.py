"""SARIF 2.1.0: valid against the OASIS schema, rules described, fingerprints that survive moved lines."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import jsonschema

from spectool.findings import Severity
from spectool.reporting import reporter
from spectool.reporting.sarif import artifact_uri
from spectool.resources import resource_dir
from tests.reporting.samples import FINDINGS, SMETS2, finding, meta


def schema() -> dict[str, Any]:
    path = resource_dir("schemas") / "sarif-schema-2.1.0.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def validate(document: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(schema()).validate(document)


def sarif(findings: list[Any], **changes: object) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(reporter("sarif")(findings, meta(**changes)))
    return document


def test_the_vendored_schema_is_sarif_2_1_0() -> None:
    loaded = schema()
    assert loaded["properties"]["version"]["enum"] == ["2.1.0"]
    jsonschema.Draft4Validator.check_schema(loaded)


def test_output_validates_and_describes_the_rules() -> None:
    document = sarif(FINDINGS)
    validate(document)
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["TERM001", "TERM002", "DEF003"]
    assert rules[0]["shortDescription"]["text"] == "a deprecated term is used"
    assert rules[0]["help"]["markdown"].startswith("Says why.")
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results[:2]] == [
        ("DEF003", 2, "warning"),
        ("TERM001", 0, "error"),
    ]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 39, "endColumn": 48}
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "Communications Hub"
    }
    assert results[-1]["suppressions"] == [{"kind": "inSource", "justification": "quoted on purpose"}]


def test_parse_findings_and_unknown_positions_still_validate() -> None:
    broken = finding("PARSE", Severity.ERROR, "specs/bad.spec", 0, 0, 0, message="cannot read")
    document = sarif([broken], rules=(), suppressed=())
    validate(document)
    (rule,) = document["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "PARSE"
    assert "region" not in document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]


def test_fingerprints_do_not_move_with_the_lines() -> None:
    before = sarif(FINDINGS)["runs"][0]["results"]
    moved = [replace(f, line=f.line + 1) for f in FINDINGS]
    sources = {"specs/smets2.spec": ["// a new comment line", *SMETS2], "specs/chts.spec": ["", "x"]}
    after = sarif(moved, sources=sources, suppressed=())["runs"][0]["results"]
    prints = [r["partialFingerprints"]["spectool/v1"] for r in before[1:4]]
    assert prints == [r["partialFingerprints"]["spectool/v1"] for r in after[1:4]]
    assert len(set(prints)) == 3


def test_repeated_findings_in_one_clause_get_distinct_fingerprints() -> None:
    twice = [FINDINGS[1], replace(FINDINGS[1], column=60, end_column=69)]
    sources = {"specs/smets2.spec": [SMETS2[0][:59] + "Comms Hub"]}
    results = sarif(twice, sources=sources, suppressed=())["runs"][0]["results"]
    prints = {r["partialFingerprints"]["spectool/v1"] for r in results}
    assert len(prints) == 2


def test_artifact_uris() -> None:
    assert artifact_uri("specs/a b.spec") == "specs/a%20b.spec"
    assert artifact_uri("/tmp/a.spec") == "file:///tmp/a.spec"
