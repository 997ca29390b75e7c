"""The four formats: each shows every cell's status, and the HTML page stands on its own."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import ClassVar

from spectool.coverage.assess import SpecCoverage, assess, explain
from spectool.coverage.compare import compare
from spectool.coverage.reports import as_html, as_json, as_markdown, as_text, renderer
from tests.coverage.helpers import ESME, FIRMWARE, MATRIX, chts, smets

BODY = (
    "# 5 Meters\n5.1 ESME shall keep the hub powered during a firmware upgrade & <restart>.\n"
    "5.2 Three-phase ESME shall restart.\n"
)


def coverages() -> list[SpecCoverage]:
    return [
        assess(smets(BODY), MATRIX),
        assess(chts("# 4 Hub\n4.1 Communications Hub shall work.\n"), MATRIX),
    ]


class Page(HTMLParser):
    """Collects ids, links, external references and mismatched tags of an HTML page."""

    VOID: ClassVar[set[str]] = {"meta", "br", "img", "link", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self.stack: list[str] = []
        self.mismatched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        for name in ("src", "href"):
            if (values.get(name) or "").startswith(("http:", "https:", "//")):
                self.external.append(values[name] or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.mismatched.append(tag)


def test_text_grid_marks_covered_gap_and_not_applicable() -> None:
    text = as_text.render_matrices(coverages())
    # "Three-phase ESME" is one actor, the three-phase meter: its restart binds no other ESME.
    assert "ESME               5.1               5.1" in text
    assert "Three-phase meter  GAP               5.2" in text
    assert "Communications Hub  GAP               n/a" in text
    assert "  Communications Hub x Reboot: the hub does not reboot in these tests" in text


def test_markdown_tables() -> None:
    text = as_markdown.render_matrices(coverages())
    assert "| | Firmware upgrade | Reboot |" in text
    assert "| **Three-phase meter** | **gap** | 5.2 |" in text
    assert "| **Communications Hub** | **gap** | n/a |" in text


def test_json_round_trips_statuses_and_explanations() -> None:
    data = json.loads(as_json.render_matrices(coverages()))
    assert data["matrix"]["name"] == "test"
    assert [c["status"] for c in data["coverage"][0]["cells"]] == ["covered", "covered", "gap", "covered"]
    explained = json.loads(as_json.render_explanations([explain(smets(BODY), MATRIX, ESME, FIRMWARE)]))
    assert "legend" in data and set(data["legend"]) == {
        "covered",
        "conflicting",
        "excluded",
        "mentioned only",
        "gap",
        "n/a",
    }
    [decision] = explained["explanations"][0]["decisions"]
    assert (decision["clause"], decision["verdict"], decision["actor"]) == ("5.1", "covers", "ESME")
    assert decision["modality"] == "obligation" and decision["scope"] == ["esme"]
    assert decision["conditions"] == ["during a firmware upgrade & <restart>"]
    assert (decision["where"], decision["line"]) == ("its text", 7)


def test_html_page_is_self_contained_and_links_every_clause_to_its_text() -> None:
    page = Page()
    source = as_html.render_matrices(coverages())
    page.feed(source)
    assert page.external == [] and "<script" not in source and "@import" not in source
    assert "<style>" in source
    assert page.mismatched == []
    targets = [link[1:] for link in page.links if link.startswith("#")]
    assert sorted(set(targets)) == ["SMETS2-4.2-5.1", "SMETS2-4.2-5.2"]
    assert set(targets) <= page.ids
    assert 'class="gap"' in source and 'class="na"' in source and 'class="covered"' in source


def test_html_escapes_clause_text_and_marks_what_matched() -> None:
    source = as_html.render_matrices(coverages())
    assert "<mark>firmware upgrade</mark> &amp; &lt;<mark>restart</mark>&gt;" in source


def test_html_comparison_outlines_the_cells_that_differ() -> None:
    old = assess(smets("# 5 Meters\n5.1 ESME shall restart.\n", "4.2"), MATRIX)
    new = assess(smets(BODY + "5.3 ESME shall restart again.\n", "5.0"), MATRIX)
    source = renderer("html").render_comparisons([compare(old, new)])
    assert source.count("covered changed") == 2
    assert source.count('<span class="was">SMETS2@4.2: gap</span>') == 2
    assert '<span class="was">SMETS2@4.2: 5.1</span>' in source  # the same status, but more clauses
    assert "ESME x Firmware upgrade: a gap in SMETS2@4.2, covered in SMETS2@5.0 by 5.1" in source
