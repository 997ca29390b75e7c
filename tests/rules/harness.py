"""Load rule case files (tests/rules/cases/CODE.toml) and run one case; see tests/rules/README.md."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spectool.config import load_config
from spectool.findings import Finding
from spectool.rules.runner import check_paths

CASES = Path(__file__).parent / "cases"
SINGLE_FILE = "spec.spec"


@dataclass(frozen=True)
class Case:
    """One case of a case file: files to check, and what the rule must report on them."""

    rule: str
    kind: str  # "fires" or "passes"
    name: str
    files: dict[str, str]
    config: str
    expect: tuple[str, ...] = ()  # "FILE:LINE:COL" of every finding of the rule, in order
    messages: tuple[str, ...] = ()  # text that must appear in some message
    suggestions: tuple[str | None, ...] | None = None
    where: str = ""  # "cases/TERM001.toml:12", for failure messages
    source: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.kind}-{self.name}"


def _line_of(text: str, name: str) -> int:
    pattern = re.compile(rf"^\s*name\s*=\s*[\"']{re.escape(name)}[\"']", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _expected(entry: str, single: bool) -> str:
    parts = entry.split(":")
    return f"{SINGLE_FILE}:{entry}" if single and len(parts) == 2 else entry


def load_cases(path: Path) -> list[Case]:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    rule = data["rule"]
    if path.stem != rule:
        raise ValueError(f"{path}: 'rule = \"{rule}\"' does not match the file name")
    cases = []
    for kind in ("fires", "passes"):
        for entry in data.get(kind, []):
            single = "spec" in entry
            files = {SINGLE_FILE: entry["spec"]} if single else dict(entry["files"])
            for name, value in files.items():
                if not name.endswith((".spec", ".amend")) or not isinstance(value, str):
                    where = f"{path.name}:{_line_of(text, entry['name'])}"
                    raise ValueError(
                        f"{where}: '{name}' is not a .spec or .amend file: keys go before [files]"
                    )
            suggestions = entry.get("suggestions")
            cases.append(
                Case(
                    rule=rule,
                    kind=kind,
                    name=entry["name"],
                    files=files,
                    config=entry.get("config", data.get("config", "")),
                    expect=tuple(_expected(item, single) for item in entry.get("expect", [])),
                    messages=tuple(entry.get("messages", [])),
                    suggestions=tuple(s or None for s in suggestions) if suggestions is not None else None,
                    where=f"{path.relative_to(CASES.parent)}:{_line_of(text, entry['name'])}",
                    source=entry,
                )
            )
    return cases


def all_cases() -> list[Case]:
    return [case for path in sorted(CASES.glob("*.toml")) for case in load_cases(path)]


def run_case(case: Case, folder: Path) -> list[Finding]:
    """The findings of the case's rule on its files, checked in `folder` with the case's configuration."""
    for name, text in case.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    config_file = folder / "spectool.toml"
    config_file.write_text(case.config, encoding="utf-8")
    config = load_config(config_file)
    paths = [folder / name for name in case.files]
    run = check_paths(paths, config, select=[case.rule])
    return [finding for finding in run.result.findings if finding.code == case.rule]


def located(finding: Finding) -> str:
    return f"{Path(finding.path).name}:{finding.line}:{finding.column}"
