"""The `[rules]` table: rules switched off, and severities changed, for one spec repository."""

from __future__ import annotations

from dataclasses import dataclass, field

from spectool.config import Config
from spectool.findings import Severity
from spectool.rules.base import Rule
from spectool.rules.config_values import TableReader


def matches(code: str, pattern: str) -> bool:
    """`TERM001` matches `TERM001`, `TERM0` and `TERM`: a code or a prefix of codes, as in ruff."""
    return code.startswith(pattern)


def unknown_patterns(patterns: tuple[str, ...], codes: list[str]) -> list[str]:
    """The patterns that name no registered rule."""
    return [pattern for pattern in patterns if not any(matches(code, pattern) for code in codes)]


@dataclass(frozen=True, slots=True)
class RuleSettings:
    disabled: tuple[str, ...] = ()  # codes or prefixes
    severity: dict[str, Severity] = field(default_factory=dict)

    def is_disabled(self, code: str) -> bool:
        return any(matches(code, pattern) for pattern in self.disabled)


def load_rule_settings(config: Config, registry: dict[str, type[Rule]]) -> RuleSettings:
    """Read `[rules] disable = [...]` and `[rules.severity] CODE = "warning"`; tables named by a
    rule's code (`[rules.XVER001]`) hold that rule's own options and are left to it."""
    top = TableReader.top(config, "rules")
    codes = list(registry)
    for key in top.data:
        if key not in ("disable", "severity") and key not in registry:
            raise top.error(key, f"unknown key 'rules.{key}': expected disable, severity or a rule code")
    disabled = top.strings("disable", default=())
    for pattern in unknown_patterns(disabled, codes):
        raise top.error("disable", f"'rules.disable' names '{pattern}', which is no rule code or prefix")
    levels = top.data.get("severity", {})
    if not isinstance(levels, dict):
        raise top.error("severity", "'rules.severity' must be a table of CODE = \"error|warning|info\"")
    severity: dict[str, Severity] = {}
    for code, level in levels.items():
        if code not in registry:
            raise top.error(f"severity.{code}", f"'rules.severity.{code}': no rule has the code {code}")
        if level not in tuple(Severity):
            choices = ", ".join(member.value for member in Severity)
            raise top.error(f"severity.{code}", f"'rules.severity.{code}' must be one of {choices}")
        severity[code] = Severity(level)
    return RuleSettings(disabled, severity)
