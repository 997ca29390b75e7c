"""The error types spectool raises; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, at a line and column (1-based; 0 when unknown)."""

    path: str
    line: int
    column: int
    message: str
    source_line: str = ""  # the offending line, for the caret display
    width: int = 1  # how many characters the caret underlines
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.message}"

    def render(self) -> str:
        """`file:line:col: message`, the offending line and a caret under the offending text."""
        lines = [str(self)]
        if self.source_line:
            shown = self.source_line.expandtabs(1)
            lines.append(f"    {shown}")
            lines.append("    " + " " * max(self.column - 1, 0) + "^" * max(self.width, 1))
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


class SpectoolError(Exception):
    """Base of every error that spectool reports to its user without a traceback."""

    def render(self) -> str:
        return str(self)


class InputError(SpectoolError):
    """One or more problems in an input file (a spec, an amendment, a configuration)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def render(self) -> str:
        return "\n".join(problem.render() for problem in self.problems)


class ConfigError(InputError):
    """spectool.toml (or a file it names) says something spectool cannot use."""


class UsageError(SpectoolError):
    """The command line asked for something that cannot be done (unknown spec, missing file)."""


def error_report(error: SpectoolError) -> str:
    """What the user is told of `error`, without a traceback: the CLI prints it, a pack logs it."""
    if isinstance(error, InputError):
        count = len(error.problems)
        return f"{error.render()}\n{count} problem{'s' if count != 1 else ''} found"
    return f"spectool: {error.render()}"
