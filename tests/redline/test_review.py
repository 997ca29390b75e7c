"""HTML and Markdown redlines for reviewers: the same edits, escaped, self-contained."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.reader import read_amendment
from spectool.diff.context import with_context
from spectool.diff.document import diff_specs
from spectool.diff.model import Redline
from spectool.diff.summary import change_anchor
from spectool.parsing import load_corpus, read_spec
from spectool.redline.cover import CoverView, cover_view, modification_of
from spectool.redline.rationale import Rationale, rationales
from spectool.redline.review import redline_html, redline_markdown
from spectool.redline.templates import markdown_text
from tests.redline.helpers import DATE, ROOT, edit_sample, sample

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
    # Self-contained: no scripts, styles or images fetched from elsewhere (links within the page only:
    # the list of changes and the previous/next links of each change).
    assert [link for link in parser.links if not link.startswith("#")] == []
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
    assert str(markdown_text("for \"mains power\" substitute 'Supply Outage'")) == (
        "for \"mains power\" substitute 'Supply Outage'"
    )
    assert str(markdown_text("5.7.1 stays")) == "5.7.1 stays"


def mp102a(key: str, context: int | None = None) -> tuple[Redline, CoverView, tuple[Rationale, ...]]:
    amendment = read_amendment(ROOT / "amendments" / "MP102A.amend")
    corpus = load_corpus(sorted((ROOT / "specs").glob("*.spec")))
    applied = apply_target(amendment, key, corpus.require(key))
    shown = with_context(diff_specs(applied.base, applied.spec, applied.numbering), context)
    cover = cover_view(shown, "SECAS", DATE, modification_of(amendment))
    return shown, cover, rationales(shown, amendment, applied)


class _Changes(HTMLParser):
    """Ids, links, and the previous/next links and notes of each change, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.summary_links: list[str] = []
        self.steps: dict[str, tuple[str, str]] = {}  # change id -> (previous, next)
        self.notes: dict[str, list[str]] = {}
        self._change = ""
        self._in_summary = self._in_aside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if "id" in found:
            self.ids.append(found["id"])
            if found["id"].startswith("Change_"):
                self._change = found["id"]
                self.steps.setdefault(self._change, ("", ""))
            self._in_summary = self._in_summary or found["id"] == "changes"
        if tag == "main":
            self._in_summary = False
        if tag == "a" and self._in_summary:
            self.summary_links.append(found["href"])
        elif tag == "a" and found.get("rel") in ("prev", "next"):
            previous, following = self.steps[self._change]
            target = found["href"].removeprefix("#")
            self.steps[self._change] = (target, following) if found["rel"] == "prev" else (previous, target)
        self._in_aside = tag == "aside" or (self._in_aside and tag == "p")

    def handle_endtag(self, tag: str) -> None:
        if tag == "aside":
            self._in_aside = False

    def handle_data(self, data: str) -> None:
        if self._in_aside and data.strip():
            self.notes.setdefault(self._change, []).append(data.strip())


@pytest.mark.parametrize("key", ["SMETS2@4.2", "CHTS@1.5"])
def test_html_lists_the_changes_and_steps_through_them_with_their_reasons(key: str) -> None:
    shown, cover, notes = mp102a(key, context=1)
    page = redline_html(shown, cover, notes=notes)
    parser = _Changes()
    parser.feed(page)
    order = list(dict.fromkeys(link.removeprefix("#") for link in parser.summary_links))
    assert order and len(set(parser.ids)) == len(parser.ids)
    assert set(order) <= set(parser.ids)  # every row of the list leads to a change
    # Previous and next walk the changes in the list's order, and stop at either end.
    assert [parser.steps[change] for change in order] == [
        (order[index - 1] if index else "", order[index + 1] if index + 1 < len(order) else "")
        for index in range(len(order))
    ]
    # Each note stands beside the change it explains.
    for note in notes:
        anchor = change_anchor(*note.place) if note.block is not None else change_anchor(note.unit)
        assert html.escape(note.text, quote=False) in [
            html.escape(text, quote=False) for text in parser.notes[anchor]
        ]
    assert "Reason for change" in page and html.escape(cover.reason) in page


def test_markdown_gives_each_change_its_reason() -> None:
    shown, cover, notes = mp102a("SMETS2@4.2", context=1)
    text = redline_markdown(shown, cover, notes=notes)
    assert text.count("> **Why:** MP102A instruction") == len(notes) == 6
    assert "**Reason for change:**" in text


def test_markdown_stays_under_the_comment_limit_and_says_what_it_cut() -> None:
    old, new = read_spec(ROOT / "specs" / "smets2-v4.2.spec"), read_spec(ROOT / "specs" / "smets2-v5.0.spec")
    shown = with_context(diff_specs(old, new), None)
    cover = cover_view(shown, "SECAS", DATE)
    whole = redline_markdown(shown, cover, limit=None)
    assert len(whole) > 20_000 and "Cut to fit" not in whole
    assert redline_markdown(shown, cover) == whole  # under GitHub's limit: nothing cut
    for limit in (15_000, 6_000, 3_000):
        text = redline_markdown(shown, cover, limit=limit)
        assert len(text) <= limit
        (cut,) = [line for line in text.splitlines() if "Cut to fit" in line]
        left_out, total = (int(n) for n in re.findall(r"the last (\d+) of (\d+) parts", cut)[0])
        assert 0 < left_out <= total == len(shown.units)
        assert whole.startswith(text.split("\n*Cut to fit")[0].rstrip())
        assert f"Cut to fit a {limit:,}-character comment" in cut


def test_markdown_of_a_long_redline_cuts_from_the_summary_too() -> None:
    old, new = read_spec(ROOT / "specs" / "smets2-v4.2.spec"), read_spec(ROOT / "specs" / "smets2-v5.0.spec")
    shown = with_context(diff_specs(old, new), None)
    text = redline_markdown(shown, cover_view(shown, "SECAS", DATE), limit=1_500)
    assert len(text) <= 1_500
    assert re.search(r"and the last \d+ rows of the summary", text)
