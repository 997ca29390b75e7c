"""The workspace: one corpus and memo per run, one applied-amendment object, the redlines the CLI writes."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.amend.model import Amendment
from spectool.api import Drafting, Workspace
from spectool.cli import main
from spectool.config import load_config
from spectool.diff.summary import summarise
from spectool.errors import InputError, UsageError
from spectool.model.corpus import Corpus
from spectool.parsing import load_corpus

ROOT = Path(__file__).resolve().parents[2]
MP102A = ROOT / "amendments" / "MP102A.amend"


def counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each corpus parsed from here on, by the paths it was parsed from."""
    loads: list[object] = []

    def counting(paths: Iterable[str | Path]) -> Corpus:
        loads.append(paths)
        return load_corpus(paths)

    for module in ("spectool.api.workspace", "spectool.rules.runner", "spectool.coverage.request"):
        monkeypatch.setattr(f"{module}.load_corpus", counting)
    return loads


@pytest.fixture
def workspace() -> Workspace:
    return Workspace.open(ROOT / "spectool.toml")


def test_the_corpus_is_parsed_once_however_many_things_the_run_does(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = counted_loads(monkeypatch)
    workspace.check(select=["TERM"])
    workspace.check([MP102A], select=["XVER"])
    applied = workspace.apply(MP102A)
    workspace.redline(applied, "CHTS@1.5")
    workspace.align("SMETS2@4.2", "SMETS2@5.0")
    assert len(loads) == 1


def test_an_amendment_is_applied_once_per_run_and_anew_in_another(workspace: Workspace) -> None:
    first = workspace.apply(MP102A)
    again = workspace.apply(MP102A, targets=["SMETS2@5.0"])
    assert again.keys == ("SMETS2@5.0",)
    assert again.target("SMETS2@5.0") is first.target("SMETS2@5.0")
    assert first.target("SMETS2@4.2").diff is first.target("SMETS2@4.2").diff
    other = Workspace.open(ROOT / "spectool.toml").apply(MP102A)
    assert other.target("SMETS2@4.2") is not first.target("SMETS2@4.2")
    assert other.target("SMETS2@4.2").source == first.target("SMETS2@4.2").source


def test_the_applied_amendment_carries_each_target_its_diff_and_alignment(workspace: Workspace) -> None:
    applied = workspace.apply(MP102A)
    assert [target.key for target in applied.targets] == ["SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5"]
    hub = applied.target("CHTS@1.5")
    assert hub.base is workspace.corpus.require("CHTS@1.5")
    assert hub.spec.clause("4.4.3") is not None and hub.spec.clause("4.4.5") is not None
    assert hub.base.clause("4.4.5") is None
    renumbered = {
        (str(pair.old.number), str(pair.new.number)) for pair in hub.alignment.pairs if pair.old and pair.new
    }
    assert ("4.4.3", "4.4.4") in renumbered
    assert summarise(hub.diff).line() == "2 changed, 1 inserted, 0 deleted, 0 moved, 2 renumbered"
    assert applied.corpus.require("CHTS@1.5") is hub.spec
    assert applied.corpus.require("SMETS2@4.2") is applied.target("SMETS2@4.2").spec


def test_a_target_that_does_not_apply_is_a_problem_of_the_applied_amendment(
    workspace: Workspace, tmp_path: Path
) -> None:
    text = MP102A.read_text(encoding="utf-8").replace(
        'for "Comms Hub" substitute', 'for "Comms Hubs" substitute'
    )
    broken = tmp_path / "broken.amend"
    broken.write_text(text, encoding="utf-8")
    applied = workspace.apply(broken)
    assert [target.key for target in applied.targets] == ["SMETS2@5.0", "CHTS@1.5"]
    assert list(applied.failures) == ["SMETS2@4.2"]
    [problem] = applied.problems
    assert problem.path == str(broken) and "instruction 4 does not apply" in problem.message
    with pytest.raises(InputError) as raised:
        applied.target("SMETS2@4.2")
    assert list(raised.value.problems) == [problem]
    with pytest.raises(UsageError, match=r"does not amend SMETS2@9\.9"):
        workspace.apply(broken, targets=["SMETS2@9.9"])


def test_a_target_the_corpus_lacks_is_a_problem_at_the_specs_affected(tmp_path: Path) -> None:
    config = load_config(ROOT / "spectool.toml")
    full = load_corpus(config.spec_paths)
    workspace = Workspace(config, Corpus(tuple(spec for spec in full if spec.name != "CHTS")))
    applied = workspace.apply(MP102A)
    assert [target.key for target in applied.targets] == ["SMETS2@4.2", "SMETS2@5.0"]
    [problem] = applied.problems
    assert "no spec CHTS 1.5 in the corpus" in problem.message and problem.line > 0
    with pytest.raises(InputError):
        applied.target("CHTS@1.5")


def test_a_redline_through_the_workspace_is_the_bytes_the_command_writes(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    written = tmp_path / "cli.docx"
    args = ["redline", str(MP102A), "--target", "SMETS2@5.0", "-o", str(written), "--config", "spectool.toml"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    draft = workspace.redline(workspace.apply(MP102A), "SMETS2@5.0")
    assert draft.docx() == written.read_bytes()
    markdown = tmp_path / "cli.md"
    args = ["redline", str(MP102A), "--target", "SMETS2@5.0", "-o", str(markdown), "--format", "markdown"]
    assert CliRunner().invoke(main, args).exit_code == 0
    shown = workspace.redline(workspace.apply(MP102A), "SMETS2@5.0", Drafting(context=1))
    assert shown.review("markdown") == markdown.read_text(encoding="utf-8")
    assert len(shown.shown.units) < len(draft.shown.units)


def test_no_module_keeps_a_process_wide_cache_keyed_by_id() -> None:
    """A module-level dict keyed by object identity outlives the run that filled it (RunMemo serves)."""
    found = []
    for path in sorted((ROOT / "spectool").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                annotation = ast.unparse(node.annotation)
                if annotation.startswith("dict[int") or annotation.startswith("dict[tuple[int"):
                    found.append(f"{path.relative_to(ROOT)}: {node.target.id}: {annotation}")
    assert found == []


def test_a_pack_parses_the_corpus_and_reads_the_amendment_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spectool.amend import reader
    from spectool.pack.plan import PackOptions

    monkeypatch.chdir(ROOT)
    loads = counted_loads(monkeypatch)
    reads: list[str] = []
    read = reader.read_amendment

    def counted_read(path: Path) -> Amendment:
        reads.append(str(path))
        return read(path)

    monkeypatch.setattr("spectool.amend.reader.read_amendment", counted_read)  # imported when used
    workspace = Workspace.open(ROOT / "spectool.toml")
    options = PackOptions(Path("amendments/MP102A.amend"), "SECAS", "2026-11-25T09:00:00Z")
    result = workspace.pack(options, tmp_path / "MP102A")
    assert result.clean and len(result.outcomes) == 15
    assert len(loads) == 1
    assert reads == ["amendments/MP102A.amend"]
    log = (tmp_path / "MP102A" / "pack.log").read_text(encoding="utf-8")
    assert (
        "    spectool redline amendments/MP102A.amend --target CHTS@1.5 -o <pack>/redlines/CHTS-1.5.docx"
        in log
    )


def test_no_module_but_the_command_line_imports_the_command_line() -> None:
    found = []
    for path in sorted((ROOT / "spectool").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "spectool/cli.py" or relative.startswith("spectool/commands/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            if any(name == "spectool.cli" or name.startswith("spectool.commands") for name in names):
                found.append(relative)
    assert found == []
