"""Each reporter against its golden file, plus what a golden file cannot show on its own."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

import click
import pytest

from spectool.findings import BaselineState, Finding, Severity
from spectool.reporting import FORMATS, ReportMeta, reporter
from spectool.reporting.github import ANNOTATION_LIMIT, annotation, escape_property, step_summary
from tests.reporting.samples import FINDINGS, assert_golden, finding, meta

GOLDEN_NAMES = {
    "text": "text.txt",
    "json": "findings.json",
    "sarif": "findings.sarif",
    "github": "github.txt",
    "junit": "junit.xml",
}


@pytest.mark.parametrize("name", list(FORMATS))
def test_golden(name: str) -> None:
    assert_golden(GOLDEN_NAMES[name], reporter(name)(FINDINGS, meta()))


def test_every_format_has_a_golden_file() -> None:
    assert set(GOLDEN_NAMES) == set(FORMATS)


def test_text_groups_by_file_with_caret_under_the_span() -> None:
    text = reporter("text")(FINDINGS, meta())
    blocks = text.split("\n\n")
    assert blocks[0].startswith("specs/chts.spec:1:1: DEF003 warning")
    assert blocks[1].startswith('specs/smets2.spec:1:39: TERM001 error "Comms Hub" is deprecated')
    lines = blocks[1].split("\n")
    assert lines[1].endswith(
        "| "
        + "5.5.3 ESME shall provide power to the Comms Hub through the Communications Hub Interface from the"
    )
    caret = lines[2]
    source = lines[1]
    assert caret.index("^") == source.index("Comms") and caret.count("^") == len("Comms Hub")
    assert blocks[-1] == "Found 3 errors, 1 warning in 2 files; 1 suppressed.\n"


def test_text_colours_only_when_asked() -> None:
    plain = reporter("text")(FINDINGS, meta())
    coloured = reporter("text")(FINDINGS, meta(color=True))
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert click.unstyle(coloured) == plain


def test_text_with_no_findings() -> None:
    assert reporter("text")([], meta(suppressed=())) == "No findings in 2 files.\n"


def test_json_is_stable_and_complete() -> None:
    document = json.loads(reporter("json")(FINDINGS, meta()))
    assert document["schema"] == 1
    assert document["summary"] == {
        "files": 2,
        "findings": 4,
        "error": 3,
        "warning": 1,
        "info": 0,
        "suppressed": 1,
    }
    fields = "code severity message path line column end_column spec version clause suggestion fingerprints"
    assert set(document["findings"][1]) == set(fields.split())
    assert document["suppressed"][0]["reason"] == "quoted on purpose"


def _baselined() -> tuple[list[Finding], ReportMeta]:
    states = (BaselineState.NEW, BaselineState.UNCHANGED, BaselineState.ABSENT, BaselineState.NEW)
    marked = [
        replace(found, baseline=state, fingerprints=(("spectool/text/v1", f"print{index}"),))
        for index, (found, state) in enumerate(zip(FINDINGS, states, strict=True))
    ]
    tally = ((BaselineState.NEW, 2), (BaselineState.UNCHANGED, 1), (BaselineState.ABSENT, 1))
    return marked, meta(baseline=tally)


def test_baseline_states_reach_json_sarif_and_text() -> None:
    marked, with_baseline = _baselined()
    document = json.loads(reporter("json")(marked, with_baseline))
    assert [f["baseline_state"] for f in document["findings"]] == ["new", "unchanged", "absent", "new"]
    assert document["findings"][2]["fingerprints"] == {"spectool/text/v1": "print2"}
    assert document["summary"]["baseline"] == {"new": 2, "unchanged": 1, "absent": 1}
    sarif = json.loads(reporter("sarif")(marked, with_baseline))
    results = sarif["runs"][0]["results"]
    assert [r.get("baselineState") for r in results][:4] == ["new", "unchanged", "absent", "new"]
    assert results[0]["partialFingerprints"] == {"spectool/text/v1": "print0"}
    text = reporter("text")(marked, with_baseline)
    assert "(unchanged)" in text and "(absent)" in text
    assert "against the baseline: 2 new, 1 unchanged, 1 absent" in text.rstrip().split("\n")[-1]


def test_github_escapes_and_limits_annotations() -> None:
    line = annotation(FINDINGS[3])
    assert line.startswith("::error file=specs/smets2.spec,line=3,col=31,endColumn=39,title=TERM002::")
    assert line.endswith('100%25 | sure: a "genuine" alert%0Asecond line')
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    many = [finding("TERM002", Severity.ERROR, "s.spec", n, 1, 2) for n in range(1, 13)]
    many += [finding("DEF003", Severity.WARNING, "s.spec", 20 + n, 1, 2) for n in range(3)]
    out = reporter("github")(many, meta()).splitlines()
    assert sum(item.startswith("::error") for item in out) == ANNOTATION_LIMIT
    assert sum(item.startswith("::warning") for item in out) == 3
    summary = step_summary(many, meta())
    assert "2 findings not annotated on the pull request" in summary
    assert summary.count("| `s.spec:") == 15


def test_github_summary_escapes_table_cells() -> None:
    summary = step_summary(FINDINGS, meta())
    assert_golden("github-summary.md", summary)
    assert "100% \\| sure" in summary
    assert "not annotated" not in summary


def test_junit_has_one_testcase_per_rule_and_file() -> None:
    root = ElementTree.fromstring(reporter("junit")(FINDINGS, meta()))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 2 * 3
    failing = {
        (case.get("classname"), case.get("name")) for case in cases if case.find("failure") is not None
    }
    assert failing == {
        ("specs/smets2.spec", "TERM001 DeprecatedTerm"),
        ("specs/smets2.spec", "TERM002 BannedWord"),
    }
    (warned,) = [case for case in cases if case.find("system-out") is not None]
    assert warned.get("name") == "DEF003 UnusedDefinition"
    assert root.get("tests") == "6" and root.get("failures") == "2"
    # With --fail-on warning, the warning fails its test case too.
    stricter = ElementTree.fromstring(reporter("junit")(FINDINGS, meta(fail_on=Severity.WARNING)))
    assert stricter.get("failures") == "3"
