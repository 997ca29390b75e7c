"""Redlines for reviewers reading a pull request: self-contained HTML, and Markdown for a comment."""

from __future__ import annotations

import re
from pathlib import Path

from spectool.diff.model import Redline
from spectool.redline.cover import CoverView, cover_view, summary_view
from spectool.redline.reading import reading_units
from spectool.redline.templates import render, template_environment


def redline_html(
    redline: Redline, cover: CoverView, *, summary: bool = True, template_dir: Path | None = None
) -> str:
    environment = template_environment(template_dir)
    return render(
        environment,
        "redline.html.j2",
        cover=cover,
        summary=summary_view(redline) if summary else None,
        units=reading_units(redline),
    )


def redline_markdown(
    redline: Redline, cover: CoverView, *, summary: bool = True, template_dir: Path | None = None
) -> str:
    environment = template_environment(template_dir)
    text = render(
        environment,
        "redline.md.j2",
        cover=cover,
        summary=summary_view(redline) if summary else None,
        units=reading_units(redline),
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = ["cover_view", "redline_html", "redline_markdown"]
