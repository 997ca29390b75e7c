"""The workspace of a drafting run: the configuration and corpus loaded once, and the run's memo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from spectool.api.checking import CheckReport, CheckRequest, check_report
from spectool.config import Config, load_config
from spectool.errors import InputError, Problem, UsageError
from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus, split_key
from spectool.model.document import Spec
from spectool.parsing import load_corpus, read_spec
from spectool.rules.runner import CheckRun, check_paths

# Amending, diffing, redlining, Word and coverage are imported by the methods that use them: a check
# needs none of them, and importing them all took a check half a second before it read a spec.
if TYPE_CHECKING:
    from spectool.amend.mirror import Mirror
    from spectool.amend.model import Amendment
    from spectool.api.applied import AppliedAmendment, AppliedTarget, Consolidation
    from spectool.api.redlining import Drafting, RedlineDraft
    from spectool.coverage.request import CoverageRequest
    from spectool.diff.align import Alignment
    from spectool.docx_import.importer import DocxImport
    from spectool.pack.build import PackResult, Progress
    from spectool.pack.plan import PackOptions

_APPLIED: MemoKind[AppliedTarget | tuple[Problem, ...]] = MemoKind("amendment applied to a target")


class Workspace:
    """One run over one spec repository: its configuration, its corpus (loaded on first use, once) and
    a memo of what the run works out, so that nothing is read or worked out twice."""

    __slots__ = ("_amendments", "_checks", "_corpus", "config", "memo")

    def __init__(self, config: Config, corpus: Corpus | None = None) -> None:
        self.config = config
        self.memo = RunMemo()
        self._corpus = corpus
        self._amendments: dict[Path, Amendment] = {}
        self._checks: dict[tuple[tuple[str, ...], ...], CheckRun] = {}

    @classmethod
    def open(cls, where: str | Path | Config | None = None) -> Workspace:
        """The workspace of a configuration: a spectool.toml (or pyproject.toml), a folder to find one
        from, a Config already read, or None for the one found from the working folder."""
        if isinstance(where, Config):
            return cls(where)
        if where is None:
            return cls(load_config())
        path = Path(where)
        return cls(load_config(start=path) if path.is_dir() else load_config(path))

    @property
    def corpus(self) -> Corpus:
        """Every spec version the configuration names, parsed on first use."""
        if self._corpus is None:
            self._corpus = load_corpus(self.config.spec_paths)
        return self._corpus

    def spec(self, key: str) -> Spec:
        """`SMETS2@4.2` from the corpus, or a spec source file by its path."""
        path = Path(key)
        if path.is_file():
            return read_spec(path)
        return self.corpus.require(key)

    def input_paths(self, *extra: Path) -> tuple[Path, ...]:
        """What the run reads, and so must never write over: the configuration's files, and `extra`."""
        return (*self.config.input_paths(), *extra)

    def check(
        self, paths: Sequence[Path] = (), *, select: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> CheckRun:
        """The rules on spec sources and amendments (.amend); without spec sources, on the corpus.

        The same check asked twice in a run (a report in two formats) runs once."""
        key = (tuple(str(path) for path in paths), tuple(select), tuple(ignore))
        if key not in self._checks:
            corpus = lambda: self.corpus  # noqa: E731 - loaded only when no spec source is named
            self._checks[key] = check_paths(
                paths,
                self.config,
                select=select,
                ignore=ignore,
                memo=self.memo,
                corpus=corpus,
                read=self.amendment,
            )
        return self._checks[key]

    def check_report(self, request: CheckRequest) -> CheckReport:
        """The check `request` asks for, measured and rendered as `spectool check` reports it."""
        return check_report(
            request,
            self.config,
            lambda: self.check(request.paths, select=request.select, ignore=request.ignore),
        )

    def coverage(self, request: CoverageRequest, *, shown: Callable[[str], str] | None = None) -> str:
        """The coverage report `request` asks for; `shown` rewrites each spec's path as reports show it."""
        from spectool.coverage.request import run_coverage

        corpus = self.corpus
        if shown is not None:
            corpus = Corpus(tuple(replace(spec, path=shown(spec.path)) for spec in corpus))
        return run_coverage(self.config, request, corpus)

    def amendment(self, path: Path) -> Amendment:
        """The amendment at `path`, read once per run."""
        from spectool.amend.reader import read_amendment

        key = path.resolve()
        if key not in self._amendments:
            self._amendments[key] = read_amendment(path)
        return self._amendments[key]

    def apply(self, amendment: Amendment | Path, targets: Sequence[str] = ()) -> AppliedAmendment:
        """`amendment` applied to each target named (default: every target), each at most once per run."""
        from spectool.amend.apply import missing_targets
        from spectool.api.applied import AppliedAmendment, AppliedTarget

        if isinstance(amendment, Path):
            amendment = self.amendment(amendment)
        wanted = [key.replace(" ", "@") for key in targets]
        unknown = [key for key in wanted if key not in amendment.keys]
        if unknown:
            raise UsageError(
                f"the amendment does not amend {', '.join(unknown)} (it amends {', '.join(amendment.keys)})"
            )
        keys = tuple(wanted or amendment.keys)
        corpus = self.corpus
        done: list[AppliedTarget] = []
        failures: dict[str, tuple[Problem, ...]] = {}
        for key in keys:
            base = corpus.get(*split_key(key))
            if base is None:
                continue
            result = self.memo.once(_APPLIED, (amendment, base), partial(self._apply, amendment, key, base))
            if isinstance(result, AppliedTarget):
                done.append(result)
            else:
                failures[key] = result
        missing = tuple(missing_targets(amendment, corpus, list(keys)))
        return AppliedAmendment(amendment, corpus, keys, tuple(done), missing, failures)

    def consolidate(
        self, amendment_path: Path, folder: Path | None, *, targets: Sequence[str] = (), verify: bool = False
    ) -> Consolidation:
        """Write the consolidated source of each target that applies into `folder` (None: write nothing);
        with `verify`, only those that differ from their base just where the amendment says."""
        from spectool.api.applied import Consolidation
        from spectool.atomic import write_text_atomic

        applied = self.apply(amendment_path, targets)
        problems = list(applied.missing)
        ready: list[AppliedTarget] = []
        done = {target.key: target for target in applied.targets}
        for key in applied.keys:
            problems.extend(applied.failures.get(key, ()))
            if key not in done:
                continue
            found = applied.scope_problems(done[key]) if verify else []
            problems.extend(found)
            if not found:
                ready.append(done[key])
        written: list[Path] = []
        if folder is not None:
            paths = applied.output_paths(folder)
            for target in ready:
                write_text_atomic(paths[target.key], target.source, inputs=self.input_paths(amendment_path))
                written.append(paths[target.key])
        return Consolidation(applied, tuple(ready), tuple(written), tuple(problems))

    def _apply(self, amendment: Amendment, key: str, base: Spec) -> AppliedTarget | tuple[Problem, ...]:
        from spectool.amend.apply import apply_target
        from spectool.amend.output import consolidated_source
        from spectool.api.applied import AppliedTarget

        try:
            applied = apply_target(amendment, key, base)
            # An amended text that is no longer a valid spec does not apply either.
            return AppliedTarget(applied, consolidated_source(applied), self.memo)
        except InputError as error:
            return tuple(error.problems)

    def align(self, old_key: str, new_key: str) -> Alignment:
        """The clauses of one version paired with those of another: kept, changed, renumbered..."""
        from spectool.diff.align import align_specs

        return align_specs(self.corpus.require(old_key), self.corpus.require(new_key))

    def mirror(self, amendment: Amendment | Path, source_key: str, target_key: str) -> Mirror:
        """`amendment`'s instructions for `source_key` proposed for `target_key`, another live version."""
        from spectool.amend.mirror import mirror_amendment

        if isinstance(amendment, Path):
            amendment = self.amendment(amendment)
        source, target = self.corpus.require(source_key), self.corpus.require(target_key)
        if source.key not in amendment.keys:
            raise UsageError(
                f"{amendment.path} does not amend {source.key} (it amends {', '.join(amendment.keys)})"
            )
        if source.name != target.name or source.key == target.key:
            raise UsageError(f"mirror between two versions of one spec, not {source.key} and {target.key}")
        return mirror_amendment(amendment, source, target)

    def redline(self, applied: AppliedAmendment, key: str, drafting: Drafting | None = None) -> RedlineDraft:
        """The redline of target `key` as `applied` leaves it, dated by the change request unless
        `drafting` gives a date."""
        from spectool.api.redlining import Drafting, RedlineDraft
        from spectool.diff.context import with_context
        from spectool.redline.cover import modification_of
        from spectool.redline.rationale import rationales
        from spectool.redline.resolved import resolved_findings
        from spectool.redline.revisions import change_request_date, revision_author

        drafting = drafting or Drafting()

        target = applied.target(key)
        amendment = applied.amendment
        shown = with_context(target.diff, drafting.context)
        resolved = resolved_findings(amendment, target.applied, applied.base, self.config, self.memo)
        return RedlineDraft(
            target.diff,
            shown,
            revision_author(drafting.author),
            change_request_date(drafting.date, amendment.date, str(amendment.path)),
            modification_of(amendment),
            rationales(shown, amendment, target.applied, resolved),
            drafting.template_dir,
            (Path(amendment.path), *(Path(spec.path) for spec in applied.base)),
            target.applied.base,
            drafting.context,
        )

    def redline_specs(self, old: Spec, new: Spec, drafting: Drafting | None = None) -> RedlineDraft:
        """The redline of two versions of one spec, paired clause by clause by their words."""
        from spectool.api.redlining import Drafting, RedlineDraft
        from spectool.diff.context import with_context
        from spectool.diff.document import diff_specs
        from spectool.redline.revisions import revision_author, revision_date

        drafting = drafting or Drafting()

        if old.name != new.name:
            raise UsageError(f"{old.path} is {old.name} but {new.path} is {new.name}: redline one spec")
        redline = diff_specs(old, new)
        inputs = tuple(Path(spec.path) for spec in (old, new) if spec.path)
        shown = with_context(redline, drafting.context)
        author, date = revision_author(drafting.author), revision_date(drafting.date)
        return RedlineDraft(redline, shown, author, date, None, (), drafting.template_dir, inputs)

    def import_docx(
        self,
        document: Path,
        *,
        name: str,
        version: str,
        title: str | None = None,
        accept_changes: bool = False,
    ) -> DocxImport:
        """A Word specification read as spec source; InputError when it is no usable specification."""
        from spectool.docx_import import import_docx

        if not document.is_file():
            raise UsageError(f"{document}: no such file")
        return import_docx(document, name=name, version=version, title=title, accept_changes=accept_changes)

    def pack(self, options: PackOptions, destination: Path, progress: Progress | None = None) -> PackResult:
        """Build the legal-text pack `options` ask for at `destination`, every step through this workspace.

        `progress` is called before and after each step (spectool.pack.build.Progress)."""
        # Imported here: the pack's steps are callers of this workspace, so they import this module.
        from spectool.pack.build import build_pack, no_progress

        return build_pack(options, destination, self, progress or no_progress)

    def export(self, spec: Spec, output: Path, *, template_dir: Path | None = None) -> None:
        """Write `spec` as a clean .docx at `output` (atomically; never over an input)."""
        from spectool.redline.export import export_spec

        export_spec(spec, output, template_dir, inputs=tuple(self.config.input_paths()))
