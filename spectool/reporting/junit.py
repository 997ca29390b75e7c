"""`--format junit`: JUnit XML with one test case per rule and file, failing where a finding fails the run."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence

from spectool.findings import Finding
from spectool.reporting.meta import PARSE_RULE, ReportMeta


def _detail(findings: Sequence[Finding]) -> str:
    return "\n".join(
        f"{finding.location}: {finding.severity.value} {finding.message}" for finding in findings
    )


def report(findings: Sequence[Finding], meta: ReportMeta) -> str:
    files = list(dict.fromkeys([*meta.files, *(finding.path for finding in findings)]))
    codes = list(dict.fromkeys([rule.code for rule in meta.rules]))
    if any(finding.code == PARSE_RULE.code for finding in findings):
        codes.insert(0, PARSE_RULE.code)
    suites = ElementTree.Element("testsuites", name=meta.tool)
    total = failed = 0
    for path in files:
        suite = ElementTree.SubElement(suites, "testsuite", name=path)
        tests = failures = 0
        for code in codes:
            mine = [finding for finding in findings if finding.path == path and finding.code == code]
            rule = meta.rule(code)
            case = ElementTree.SubElement(
                suite, "testcase", classname=path, name=f"{code} {rule.name}" if rule else code
            )
            tests += 1
            failing = [finding for finding in mine if meta.fails(finding)]
            if failing:
                failures += 1
                failure = ElementTree.SubElement(
                    case, "failure", type=code, message=f"{len(failing)} finding(s) of {code}"
                )
                failure.text = _detail(failing)
            passing = [finding for finding in mine if not meta.fails(finding)]
            if passing:
                ElementTree.SubElement(case, "system-out").text = _detail(passing)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        total, failed = total + tests, failed + failures
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
    )
