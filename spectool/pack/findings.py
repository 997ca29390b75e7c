"""The pack's findings, read back from its SARIF report: what the amendment introduces, and the base's own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FINDINGS_SARIF = "check/findings.sarif"


@dataclass(frozen=True, slots=True)
class PackFinding:
    location: str  # path:line:column, the path as the pack's check named it
    code: str
    level: str
    message: str

    def line(self) -> str:
        return f"{self.location}: {self.code} {self.level} {self.message}"


@dataclass(frozen=True, slots=True)
class PackFindings:
    introduced: tuple[PackFinding, ...] = ()
    in_base: tuple[PackFinding, ...] = ()  # there before the amendment, and still there
    resolved: int = 0  # in the base, gone once the amendment applies

    def summary(self, shown: int = 10) -> str:
        """The counts, then the first introduced findings with their locations, then apart the
        first of those the base already had."""
        lines = [
            f"Findings: {len(self.introduced)} introduced by the amendment, "
            f"{len(self.in_base)} already in the base, {self.resolved} resolved."
        ]
        for heading, findings in (("Introduced", self.introduced), ("Already in the base", self.in_base)):
            if findings:
                lines.append(f"{heading}:")
                lines.extend(f"  {finding.line()}" for finding in findings[:shown])
            if len(findings) > shown:
                lines.append(f"  ... and {len(findings) - shown} more in check/findings.txt")
        return "\n".join(lines)


def read_pack_findings(path: Path) -> PackFindings | None:
    """The findings of the pack's SARIF report, by baseline state; None when the report is missing."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    groups: dict[str, list[PackFinding]] = {"new": [], "unchanged": [], "absent": []}
    for run in document.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions"):
                continue
            physical = result["locations"][0]["physicalLocation"]
            region = physical.get("region", {})
            location = ":".join(
                str(part)
                for part in (
                    physical["artifactLocation"]["uri"],
                    region.get("startLine"),
                    region.get("startColumn"),
                )
                if part is not None
            )
            finding = PackFinding(location, result["ruleId"], result["level"], result["message"]["text"])
            groups[result.get("baselineState", "new")].append(finding)
    return PackFindings(tuple(groups["new"]), tuple(groups["unchanged"]), len(groups["absent"]))
