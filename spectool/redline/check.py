"""A structural check of WordprocessingML revisions, stricter than LibreOffice, which tolerates markup
Word rejects. The writer runs it before saving; the tests run it on every document they make."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spectool.errors import SpectoolError
from spectool.redline.templates import XML_SPACE, W

REVISIONS = (
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
)
RUN_WRAPPERS = ("ins", "del", "moveFrom", "moveTo")
# Range starts own their id; the matching end repeats it.
RANGES = {
    "bookmarkStart": "bookmarkEnd",
    "moveFromRangeStart": "moveFromRangeEnd",
    "moveToRangeStart": "moveToRangeEnd",
    "commentRangeStart": "commentRangeEnd",
}
CONTAINERS = ("body", "tc", "txbxContent", "comment", "hdr", "ftr", "footnote", "endnote")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


@dataclass(frozen=True, slots=True)
class StructureProblem:
    code: str
    message: str
    where: str  # an XPath to the element

    def __str__(self) -> str:
        return f"{self.code} {self.where}: {self.message}"


class RedlineStructureError(SpectoolError):
    """The writer produced a document Word would reject or misread (a bug, or a faulty template)."""

    def __init__(self, problems: list[StructureProblem]) -> None:
        self.problems = tuple(problems)
        shown = "\n".join(str(problem) for problem in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"the document's structure is wrong:\n{shown}{more}")


def check_document(root: Any) -> list[StructureProblem]:
    """Every problem found in a w:document (or any part holding paragraphs)."""
    tree = root.getroottree()
    problems: list[StructureProblem] = []

    def report(code: str, element: Any, message: str) -> None:
        problems.append(StructureProblem(code, message, tree.getpath(element)))

    _check_ids(root, report)
    _check_revisions(root, report)
    _check_text(root, report)
    _check_moves(root, report)
    _check_containers(root, report)
    _check_links(root, report)
    return problems


def _check_ids(root: Any, report: Any) -> None:
    owners = [*(_w(tag) for tag in REVISIONS), *(_w(tag) for tag in RANGES)]
    seen: Counter[str] = Counter()
    for element in root.iter(*owners):
        number = element.get(_w("id"))
        if number is None:
            report("DOCX001", element, f"w:{_local(element)} has no w:id")
            continue
        seen[number] += 1
        if seen[number] == 2:
            report("DOCX001", element, f"w:id {number} is used more than once")
    for start, end in RANGES.items():
        starts = Counter(e.get(_w("id")) for e in root.iter(_w(start)))
        ends = Counter(e.get(_w("id")) for e in root.iter(_w(end)))
        for element in root.iter(_w(end)):
            if starts[element.get(_w("id"))] != 1 or ends[element.get(_w("id"))] != 1:
                report(
                    "DOCX006", element, f"w:{end} {element.get(_w('id'))} has no single matching w:{start}"
                )
        for element in root.iter(_w(start)):
            if ends[element.get(_w("id"))] != 1:
                report(
                    "DOCX006", element, f"w:{start} {element.get(_w('id'))} has no single matching w:{end}"
                )


def _check_revisions(root: Any, report: Any) -> None:
    signed = [*(_w(tag) for tag in REVISIONS), _w("moveFromRangeStart"), _w("moveToRangeStart")]
    for element in root.iter(*signed):
        if not (element.get(_w("author")) or "").strip():
            report("DOCX002", element, f"w:{_local(element)} has no w:author")
        date = element.get(_w("date"))
        if date is None or not _DATE.fullmatch(date):
            report(
                "DOCX002", element, f"w:{_local(element)} has w:date {date!r}: expected YYYY-MM-DDTHH:MM:SSZ"
            )
    for element in root.iter(*(_w(tag) for tag in RUN_WRAPPERS)):
        if any(True for _ in element.iterancestors(_w("r"))):
            report("DOCX005", element, f"w:{_local(element)} inside a run (w:r)")


def _check_text(root: Any, report: Any) -> None:
    for element in root.iter(_w("delText")):
        wrapper = _run_wrapper(element)
        if wrapper != "del":
            report("DOCX003", element, f"w:delText outside a deletion (in {wrapper or 'no revision'})")
    for element in root.iter(_w("t"), _w("delText")):
        text = element.text or ""
        if element.tag == _w("t") and _run_wrapper(element) == "del":
            report("DOCX004", element, "w:t inside a deletion: deleted text is w:delText")
        if text and (text[0].isspace() or text[-1].isspace()) and element.get(XML_SPACE) != "preserve":
            report("DOCX008", element, 'text with edge spaces needs xml:space="preserve"')
        if any(char in text for char in "\t\n\r"):
            report("DOCX009", element, "a tab or line break inside text: use w:tab or w:br")


def _run_wrapper(text: Any) -> str | None:
    run = text.getparent()
    wrapper = run.getparent() if run is not None else None
    if wrapper is not None and _local(wrapper) in RUN_WRAPPERS:
        return _local(wrapper)
    return None


def _check_moves(root: Any, report: Any) -> None:
    names = {
        kind: Counter(e.get(_w("name")) for e in root.iter(_w(f"{kind}RangeStart")))
        for kind in ("moveFrom", "moveTo")
    }
    for kind, other in (("moveFrom", "moveTo"), ("moveTo", "moveFrom")):
        for element in root.iter(_w(f"{kind}RangeStart")):
            name = element.get(_w("name"))
            if not name or names[kind][name] != 1 or names[other][name] != 1:
                report(
                    "DOCX006",
                    element,
                    f"w:{kind}RangeStart {name!r} has no single w:{other}RangeStart of that name",
                )
    # Moved runs lie inside an open range of their kind, in document order.
    open_ranges: dict[str, set[str]] = {"moveFrom": set(), "moveTo": set()}
    tags = [
        _w(t)
        for t in (
            "moveFromRangeStart",
            "moveFromRangeEnd",
            "moveToRangeStart",
            "moveToRangeEnd",
            "moveFrom",
            "moveTo",
        )
    ]
    for element in root.iter(*tags):
        local = _local(element)
        number = element.get(_w("id")) or ""
        if local.endswith("RangeStart"):
            open_ranges[local.removesuffix("RangeStart")].add(number)
        elif local.endswith("RangeEnd"):
            open_ranges[local.removesuffix("RangeEnd")].discard(number)
        elif _local(element.getparent()) != "rPr" and not open_ranges[local]:
            report("DOCX006", element, f"w:{local} outside any w:{local}RangeStart ... End")


def _check_containers(root: Any, report: Any) -> None:
    for container in root.iter(*(_w(tag) for tag in CONTAINERS)):
        paragraphs = [child for child in container if child.tag == _w("p")]
        if container.tag == _w("tc") and (len(container) == 0 or container[-1].tag != _w("p")):
            report("DOCX010", container, "a table cell must end with a paragraph")
        if paragraphs:
            last = paragraphs[-1]
            mark = last.find(f"{_w('pPr')}/{_w('rPr')}")
            if mark is not None and any(_local(child) in RUN_WRAPPERS for child in mark):
                report("DOCX007", last, f"the last paragraph of w:{_local(container)} has a tracked mark")


def _check_links(root: Any, report: Any) -> None:
    names = {element.get(_w("name")) for element in root.iter(_w("bookmarkStart"))}
    for link in root.iter(_w("hyperlink")):
        anchor = link.get(_w("anchor"))
        if anchor is not None and anchor not in names:
            report("DOCX011", link, f"a link to bookmark {anchor!r}, which the document lacks")
