"""Where a baseline comes from: a git revision of the repository, or a saved JSON or SARIF report."""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spectool.errors import UsageError
from spectool.findings import Finding, Severity

# A baseline run: given a copy of the repository and the repository's own root, the findings of
# checking the copy, with paths as the same files have in the working tree (see `moved_path`).
CheckAt = Callable[[Path, Path], Sequence[Finding]]

_SARIF_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.INFO}


def _git(folder: Path, *arguments: str, text: bool = True) -> subprocess.CompletedProcess[Any]:
    try:
        return subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=text, check=False)
    except FileNotFoundError:
        raise UsageError("--baseline REV needs git, which is not installed") from None


def repository_root(folder: Path) -> Path:
    shown = _git(folder, "rev-parse", "--show-toplevel")
    if shown.returncode != 0:
        raise UsageError(
            f"--baseline REV needs a git repository, and {folder} is not in one (or give a saved report)"
        )
    return Path(shown.stdout.strip()).resolve()


def is_revision(folder: Path, revision: str) -> bool:
    shown = _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    return shown.returncode == 0


def findings_at_revision(folder: Path, revision: str, check_at: CheckAt) -> list[Finding]:
    """Check a pristine copy of the repository at `revision` (from `git archive`, so the working tree
    is never touched) and return its findings with paths as they are in the working tree."""
    root = repository_root(folder)
    if not is_revision(root, revision):
        raise UsageError(f"--baseline: '{revision}' is neither a file nor a revision of {root}")
    archive = _git(root, "archive", "--format=tar", revision, text=False)
    if archive.returncode != 0:
        raise UsageError(f"--baseline: git archive {revision} failed: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="spectool-baseline-") as temporary:
        copy = Path(temporary).resolve()
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(copy, filter="data")
        return list(check_at(copy, root))


def moved_path(path: str, copy: Path, root: Path) -> str:
    """A path inside the copy as the path of the same file in the working tree."""
    location = Path(path).resolve()
    try:
        return str(root / location.relative_to(copy))
    except ValueError:
        return path


def findings_from_report(path: Path) -> list[Finding]:
    """The findings of a report that `spectool check --format json|sarif` saved."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        message = f"--baseline {path}: not a JSON or SARIF report spectool can read ({error})"
        raise UsageError(message) from None
    if isinstance(document, dict) and "runs" in document:
        return _from_sarif(path, document)
    if isinstance(document, dict) and isinstance(document.get("findings"), list):
        return [_from_json(path, item) for item in document["findings"]]
    raise UsageError(f"--baseline {path}: neither a spectool JSON report nor SARIF")


def _from_json(path: Path, item: Any) -> Finding:
    try:
        return Finding(
            str(item["code"]),
            Severity(item["severity"]),
            str(item["message"]),
            str(item["path"]),
            int(item["line"]),
            int(item["column"]),
            spec=str(item.get("spec", "")),
            version=str(item.get("version", "")),
            clause=str(item.get("clause", "")),
            fingerprints=tuple(sorted((str(k), str(v)) for k, v in item.get("fingerprints", {}).items())),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(f"--baseline {path}: a finding lacks {error}") from None


def _from_sarif(path: Path, document: dict[str, Any]) -> list[Finding]:
    found = []
    try:
        for run in document["runs"]:
            for result in run.get("results", []):
                if result.get("baselineState") == "absent" or result.get("suppressions"):
                    continue
                location = result["locations"][0]["physicalLocation"]
                region = location.get("region", {})
                properties = result.get("properties", {})
                found.append(
                    Finding(
                        str(result["ruleId"]),
                        _SARIF_SEVERITY.get(result.get("level", "warning"), Severity.WARNING),
                        str(result["message"]["text"]),
                        str(location["artifactLocation"]["uri"]),
                        int(region.get("startLine", 0)),
                        int(region.get("startColumn", 0)),
                        spec=str(properties.get("spec", "")),
                        version=str(properties.get("version", "")),
                        clause=str(properties.get("clause", "")),
                        fingerprints=tuple(sorted(result.get("partialFingerprints", {}).items())),
                    )
                )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise UsageError(f"--baseline {path}: a SARIF result lacks {error}") from None
    return found


def load_baseline(argument: str, folder: Path, check_at: CheckAt) -> list[Finding]:
    """`--baseline FILE` when a file of that name exists, else `--baseline REV`."""
    as_file = Path(argument)
    if as_file.is_file():
        return findings_from_report(as_file)
    return findings_at_revision(folder, argument, check_at)


def paths_in(paths: Sequence[Path], root: Path, copy: Path) -> list[Path]:
    """The paths a user named in the working tree, as the same paths inside a copy of the repository."""
    moved = []
    for path in paths:
        try:
            inside = copy / path.resolve().relative_to(root)
        except ValueError:
            inside = path  # outside the repository: the same file serves both runs
        # A file the revision lacks (a new amendment, say) is checked as it is now.
        moved.append(inside if inside.exists() else path)
    return moved
