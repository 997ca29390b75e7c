"""HTML and Markdown redlines for reviewers: the same edits, escaped, self-contained."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.redline.cover import cover_view
from spectool.redline.review import redline_html, redline_markdown
from spectool.redline.templates import markdown_text
from tests.redline.helpers import DATE, edit_sample, sample

EDITS = (
    ("supply power to the", "maintain the power supply to the"),
    ("  (b) otherwise.\n", "  (b) otherwise; and\n  (c) during a reboot <now> & *then*.\n"),
    ("| AD1 | Power Outage Alert |", "| AD1 | Power Outage Alert |\n| AD2 | Restored |"),
)


def redline() -> tuple[object, object]:
    shown = diff_specs(sample(), edit_sample(*EDITS))
    return shown, cover_view(shown, "SECAS <team>", DATE)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links.extend(value or "" for name, value in attrs if name in ("src", "href"))


def test_html_marks_insertions_and_deletions_and_escapes_text() -> None:
    shown, cover = redline()
    page = redline_html(shown, cover)  # type: ignore[arg-type]
    assert "<del>supply power</del><ins>maintain the power supply</ins>" in page
    assert '<p class="SubItem1 insert"><ins>(c) during a reboot &lt;now&gt; &amp; *then*.</ins></p>' in page
    assert "SECAS &lt;team&gt;" in page
    assert '<tr class="insert">' in page
    parser = _Tags()
    parser.feed(page)
    assert parser.links == []  # self-contained: no scripts, styles or images fetched from elsewhere
    assert "script" not in parser.tags and "style" in parser.tags


def test_markdown_uses_ins_and_del_and_escapes_markdown_and_html() -> None:
    shown, cover = redline()
    text = redline_markdown(shown, cover)  # type: ignore[arg-type]
    assert "<del>supply power</del><ins>maintain the power supply</ins>" in text
    assert "<ins>(c) during a reboot &lt;now&gt; &amp; \\*then\\*.</ins>" in text
    assert "| <ins>AD2</ins> | <ins>Restored</ins> |" in text
    table_rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len({line.count(" | ") for line in table_rows if "AD" in line or "Code" in line}) == 1
    assert "\n\n\n" not in text


def test_markdown_with_context_shows_elisions() -> None:
    full, _ = redline()
    shown = with_context(full, 0)  # type: ignore[arg-type]
    text = redline_markdown(shown, cover_view(shown, "SECAS", DATE))
    assert re.search(r"^\.\.\.$", text, re.M)
    assert "maintain the power supply" in text
    assert "spurious alert" not in text  # clause 5.7.2 is unchanged, so left out


def test_markdown_text_escapes_what_markdown_would_read_as_markup() -> None:
    assert str(markdown_text("a | b <c> & *d* _e_ [f]")) == "a \\| b &lt;c&gt; &amp; \\*d\\* \\_e\\_ \\[f\\]"
    assert str(markdown_text("5. not a list")) == "5\\. not a list"
    assert str(markdown_text("# not a heading")) == "\\# not a heading"
    assert str(markdown_text("5.7.1 stays")) == "5.7.1 stays"
