"""Tracked changes already in a Word document: count them, or take the view with all accepted or rejected."""

from __future__ import annotations

from dataclasses import dataclass

from spectool.wordml.names import Element, local_name, w

# Content revisions wrap runs (or, as markers inside w:rPr / w:trPr, paragraph marks and table rows).
INSERTIONS = ("ins", "moveTo")
DELETIONS = ("del", "moveFrom")
# Property revisions hold the properties as they were; the current ones are already in place.
PROPERTY_CHANGES = (
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "tblGridChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
)
CELL_REVISIONS = ("cellIns", "cellDel", "cellMerge")
_MARK_HOLDERS = ("rPr", "trPr")
_ALL = frozenset(w(name) for name in (*INSERTIONS, *DELETIONS, *PROPERTY_CHANGES, *CELL_REVISIONS))


@dataclass(frozen=True, slots=True)
class RevisionSummary:
    """How many tracked changes a part holds and the paragraph (1-based, body order) of the first."""

    count: int
    first_paragraph: int
    first_words: str


def summarise_revisions(root: Element) -> RevisionSummary:
    """Count tracked changes below `root`; a change nested in another counts once, as Word lists it."""
    count = 0
    first: Element | None = None
    for element in root.iter(*_ALL):
        if any(ancestor.tag in _ALL for ancestor in element.iterancestors()):
            continue
        count += 1
        if first is None:
            first = element
    if first is None:
        return RevisionSummary(0, 0, "")
    paragraph = _paragraph_of(first)
    if paragraph is None:
        return RevisionSummary(count, 0, "")
    # Numbered as the import numbers paragraphs: text boxes are not part of the flow.
    paragraphs = [p for p in root.iter(w("p")) if next(p.iterancestors(w("txbxContent")), None) is None]
    number = next((index for index, p in enumerate(paragraphs, 1) if p is paragraph), 0)
    texts = (node.text or "" for node in paragraph.iter(w("t"), w("delText")))
    return RevisionSummary(count, number, "".join(texts))


def _paragraph_of(element: Element) -> Element | None:
    if element.tag == w("p"):
        return element
    for ancestor in element.iterancestors(w("p")):
        return ancestor
    following = element.getnext()
    while following is not None and following.tag != w("p"):
        following = following.getnext()
    return following


def accept_revisions(root: Element) -> None:
    """Change `root` in place into the text Word shows once every tracked change is accepted."""
    _settle(root, kept=INSERTIONS, gone=DELETIONS, gone_cell="cellDel")
    for element in list(root.iter(*(w(name) for name in (*PROPERTY_CHANGES, "cellIns", "cellMerge")))):
        _remove(element)


def reject_revisions(root: Element) -> None:
    """Change `root` in place into the text as it was before any tracked change (all rejected)."""
    for text in list(root.iter(w("delText"), w("delInstrText"))):
        text.tag = w("t") if local_name(text) == "delText" else w("instrText")
    _restore_properties(root)
    _settle(root, kept=DELETIONS, gone=INSERTIONS, gone_cell="cellIns")
    for element in list(root.iter(*(w(name) for name in (*PROPERTY_CHANGES, "cellDel", "cellMerge")))):
        _remove(element)


def _settle(root: Element, *, kept: tuple[str, ...], gone: tuple[str, ...], gone_cell: str) -> None:
    """Drop the content (and rows, cells, paragraph marks) marked `gone`; unwrap what is marked `kept`."""
    _drop_rows(root, gone)
    _merge_paragraph_marks(root, gone)
    for element in list(root.iter(*(w(name) for name in (*gone, gone_cell)))):
        if _is_mark(element):
            continue
        if local_name(element) == gone_cell:
            cell = next(element.iterancestors(w("tc")), None)
            _remove(cell)
        else:
            _remove(element)
    for element in list(root.iter(*(w(name) for name in kept))):
        if _is_mark(element):
            _remove(element)
        else:
            _unwrap(element)


def _restore_properties(root: Element) -> None:
    """Put back the run and paragraph properties a formatting change recorded as they were."""
    for change in list(root.iter(w("rPrChange"), w("pPrChange"))):
        current = change.getparent()
        before = change.find(w("rPr" if local_name(change) == "rPrChange" else "pPr"))
        if current is None:
            continue
        # A paragraph's own mark (rPr) and section break stay: the change recorded neither.
        staying = ("rPr", "sectPr") if local_name(change) == "pPrChange" else ()
        for node in list(current):
            if local_name(node) not in staying:
                current.remove(node)
        for offset, node in enumerate(list(before) if before is not None else []):
            current.insert(offset, node)


def _is_mark(element: Element) -> bool:
    parent = element.getparent()
    return parent is not None and local_name(parent) in _MARK_HOLDERS


def _drop_rows(root: Element, gone: tuple[str, ...]) -> None:
    for row in list(root.iter(w("tr"))):
        properties = row.find(w("trPr"))
        if properties is not None and any(properties.find(w(name)) is not None for name in gone):
            _remove(row)


def _merge_paragraph_marks(root: Element, gone: tuple[str, ...]) -> None:
    """A paragraph mark that goes joins its paragraph to the next; the next keeps its own properties."""
    for paragraph in list(root.iter(w("p"))):
        mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
        if mark is None or not any(mark.find(w(name)) is not None for name in gone):
            continue
        following = paragraph.getnext()
        if following is None or following.tag != w("p"):
            continue
        content = [node for node in paragraph if node.tag != w("pPr")]
        anchor = following.find(w("pPr"))
        position = 0 if anchor is None else following.index(anchor) + 1
        for offset, node in enumerate(content):
            following.insert(position + offset, node)
        _remove(paragraph)


def _unwrap(element: Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    position = parent.index(element)
    for offset, node in enumerate(list(element)):
        parent.insert(position + offset, node)
    _remove(element)


def _remove(element: Element | None) -> None:
    if element is None:
        return
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
