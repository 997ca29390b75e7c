"""The steps of a modification's pack: redlines and consolidated text per target, then the checks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from spectool.amend.model import Amendment
from spectool.amend.output import output_paths
from spectool.api.checking import CheckRequest
from spectool.api.redlining import Drafting, default_context
from spectool.config import Config
from spectool.coverage.load import has_coverage
from spectool.coverage.request import CoverageRequest
from spectool.model.corpus import Corpus, split_key
from spectool.pack import actions
from spectool.pack.findings import FINDINGS_SARIF
from spectool.pack.steps import Step


@dataclass(frozen=True, slots=True)
class PackOptions:
    amendment_path: Path
    author: str
    date: str  # YYYY-MM-DDTHH:MM:SSZ, the same on every revision of the pack
    config_path: Path | None = None
    context: str = "all"  # the redlines' --context: "all", or N clauses around each change


def slug(key: str) -> str:
    """`SMETS2@4.2` -> `SMETS2-4.2`, for file names."""
    return key.replace("@", "-")


def plan_steps(
    amendment: Amendment, config: Config, corpus: Corpus, options: PackOptions, staging: Path
) -> list[Step]:
    """Every step of the pack, in the order they run; outputs are written below `staging`."""
    amend = str(options.amendment_path)
    path = options.amendment_path
    config_args = ("--config", str(options.config_path)) if options.config_path else ()
    steps: list[Step] = [
        Step(
            "consolidated text of every target (scope verified)",
            ("apply", amend, "-o", str(staging / "consolidated"), "--verify", *config_args),
            partial(actions.consolidate, path, staging / "consolidated"),
            tuple(f"consolidated/{name}" for name in consolidated_names(amendment, corpus)),
            "Consolidated text",
        )
    ]
    for key in amendment.keys:
        for form, suffix in (("docx", "docx"), ("html", "html"), ("markdown", "md")):
            output = f"redlines/{slug(key)}.{suffix}"
            steps.append(
                Step(
                    f"redline of {key} ({form})",
                    (
                        "redline",
                        amend,
                        "--target",
                        key,
                        "-o",
                        str(staging / output),
                        "--format",
                        form,
                        "--author",
                        options.author,
                        "--date",
                        options.date,
                        *config_args,
                    ),
                    partial(actions.redline, path, key, staging / output, form, _drafting(options, form)),
                    (output,),
                    "Redlines",
                )
            )
    for form, output in (("text", "check/findings.txt"), ("sarif", FINDINGS_SARIF)):
        steps.append(
            Step(
                f"check of the corpus as amended ({form})",
                # Every finding, each marked as introduced or already in the base (docs/check.md).
                (
                    "check",
                    amend,
                    "--show",
                    "all",
                    "--format",
                    form,
                    "--output",
                    str(staging / output),
                    *config_args,
                ),
                partial(
                    actions.check,
                    CheckRequest(paths=(path,), output_format=form, show_all=True),
                    staging / output,
                ),
                (output,),
                "Checks",
            )
        )
    steps.append(
        Step(
            "cross-version check: live versions kept in step (XVER)",
            (
                "check",
                amend,
                "--select",
                "XVER",
                "--output",
                str(staging / "mirror/in-step.txt"),
                *config_args,
            ),
            partial(
                actions.check, CheckRequest(paths=(path,), select=("XVER",)), staging / "mirror/in-step.txt"
            ),
            ("mirror/in-step.txt",),
            "Checks",
        )
    )
    for source, target in untargeted_versions(amendment, config, corpus):
        output = f"mirror/{slug(source)}-to-{slug(target)}.amend"
        steps.append(
            Step(
                f"mirror proposal for {target} (not amended)",
                ("mirror", amend, "--from", source, "--to", target, *config_args),
                partial(actions.mirror, path, source, target),
                (),
                "Checks",
                capture=output,
            )
        )
    if not has_coverage(config):
        return steps  # a spec repository without coverage matrices gets no coverage reports
    steps.append(
        Step(
            "coverage before the amendment",
            ("coverage", "--format", "html", "-o", str(staging / "coverage/before.html"), *config_args),
            partial(
                actions.coverage, CoverageRequest(output_format="html"), staging / "coverage/before.html"
            ),
            ("coverage/before.html",),
            "Coverage",
        )
    )
    steps.append(
        Step(
            "coverage after the amendment",
            (
                "coverage",
                "--amendment",
                amend,
                "--before-after",
                "--format",
                "html",
                "-o",
                str(staging / "coverage/after.html"),
                *config_args,
            ),
            partial(
                actions.coverage,
                CoverageRequest(output_format="html", amendment=path, before_after=True),
                staging / "coverage/after.html",
            ),
            ("coverage/after.html",),
            "Coverage",
        )
    )
    return steps


def _drafting(options: PackOptions, output_format: str) -> Drafting:
    """How each redline of the pack is drafted: as `spectool redline` does without --context."""
    return Drafting(options.author, options.date, default_context(output_format))


def consolidated_names(amendment: Amendment, corpus: Corpus) -> list[str]:
    """The file names `spectool apply` gives the consolidated sources (spectool.amend.output)."""
    bases = {key: spec for key in amendment.keys if (spec := corpus.get(*split_key(key))) is not None}
    return [path.name for path in output_paths(Path("."), bases).values()]


def untargeted_versions(amendment: Amendment, config: Config, corpus: Corpus) -> list[tuple[str, str]]:
    """(amended version, live version it leaves alone) for each live version the amendment forgets.

    A live version the corpus does not hold has no text to mirror into, so it is passed over here
    (XVER001 ignores it likewise).
    """
    pairs = []
    for name, versions in config.live_versions.items():
        amended = [key for key in amendment.keys if key.startswith(f"{name}@")]
        if not amended:
            continue
        for version in versions:
            key = f"{name}@{version}"
            if key not in amendment.keys and corpus.get(name, version) is not None:
                pairs.append((amended[0], key))
    return pairs
