"""Redlines for reviewers reading a pull request: self-contained HTML, and Markdown for a comment."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup, escape

from spectool.diff.model import Redline
from spectool.redline.cover import CoverView, cover_view, summary_view
from spectool.redline.reading import reading_units
from spectool.redline.templates import render, template_environment

# Characters Markdown would read as markup anywhere in a line, and markers it reads at a line's start.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~|])")
_MARKDOWN_LEADING = re.compile(r"^(\s*)(#+|[+\-]|\d{1,9}[.)])(?=\s|$)")


def markdown_text(text: str) -> Markup:
    """Text for Markdown with inline HTML: HTML-escaped, then Markdown punctuation backslash-escaped."""
    escaped = str(escape(text))
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", escaped)
    escaped = _MARKDOWN_LEADING.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", escaped)
    return Markup(escaped)


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
    environment.filters["md"] = markdown_text
    text = render(
        environment,
        "redline.md.j2",
        cover=cover,
        summary=summary_view(redline) if summary else None,
        units=reading_units(redline),
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = ["cover_view", "markdown_text", "redline_html", "redline_markdown"]
