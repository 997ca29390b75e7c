"""The pack's index.html: the summary of changes and a link to every artefact, with each step's status."""

from __future__ import annotations

from collections.abc import Sequence

from spectool import __version__
from spectool.amend.model import Amendment
from spectool.diff.summary import Summary
from spectool.pack.findings import PackFindings
from spectool.pack.plan import PackOptions
from spectool.pack.steps import Outcome, Status
from spectool.redline.templates import render, template_environment

GROUPS = ("Redlines", "Consolidated text", "Checks", "Coverage")


def render_index(
    amendment: Amendment,
    outcomes: Sequence[Outcome],
    summaries: dict[str, Summary | str],
    options: PackOptions,
    findings: PackFindings | None = None,
) -> str:
    groups = []
    for group in GROUPS:
        rows = [
            {
                "label": outcome.step.label,
                "status": str(outcome.status),
                "links": list(outcome.outputs),
                "message": _first_problem(outcome),
            }
            for outcome in outcomes
            if outcome.step.group == group
        ]
        if rows:
            groups.append({"name": group, "steps": rows})
    changes = [
        {
            "key": key,
            "line": summary.line() if isinstance(summary, Summary) else "",
            "problem": summary if isinstance(summary, str) else "",
            "rows": [
                {"change": row.change, "what": row.what, "old": row.old, "new": row.new, "detail": row.detail}
                for row in summary.rows
            ]
            if isinstance(summary, Summary)
            else [],
        }
        for key, summary in summaries.items()
    ]
    counts = {status: sum(1 for o in outcomes if o.status is status) for status in Status}
    return render(
        template_environment(),
        "pack-index.html.j2",
        amendment=amendment,
        author=options.author,
        date=options.date,
        groups=groups,
        changes=changes,
        counts={str(status): count for status, count in counts.items()},
        clean=all(outcome.status is Status.OK for outcome in outcomes),
        findings=findings,
        version=__version__,
    )


def _first_problem(outcome: Outcome) -> str:
    if outcome.status is Status.OK:
        return ""
    if outcome.status is Status.FINDINGS:
        summary = [line for line in outcome.stdout.splitlines() if line.startswith("Found ")]
        return summary[-1] if summary else "findings: see the report"
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    return lines[0] if lines else f"exit status {outcome.exit_code}"
