"""Run content a change of words keeps: page breaks, pictures and note references stay where they
stand when the words around them are deleted."""

from __future__ import annotations

import copy

from lxml import etree

from spectool.wordml.names import Element, local_name, w

# Run content that is no word of the text: a change of words leaves it where it stands, outside the
# deletion, or accepting the change would join two pages (LibreOffice: two paragraphs) or lose a
# picture. (Field characters are not among them: a field deleted whole goes whole.)
KEPT = frozenset(
    ("lastRenderedPageBreak", "drawing", "pict", "object", "footnoteReference", "endnoteReference")
)


def is_kept(node: Element) -> bool:
    name = local_name(node)
    if name == "br":
        return node.get(w("type")) in ("page", "column")
    return name in KEPT


def holds_only_kept(run: Element) -> bool:
    return all(is_kept(node) for node in run if local_name(node) != "rPr")


def set_apart_kept(run: Element) -> list[Element]:
    """`run` cut into runs (each with a copy of its properties) so that each stretch of kept content
    (page breaks, pictures, note references) stands in a run of its own; the runs in order."""
    content = [node for node in run if local_name(node) != "rPr"]
    if not any(is_kept(node) for node in content) or holds_only_kept(run):
        return [run]
    groups: list[list[Element]] = []
    for node in content:
        if not groups or is_kept(node) != is_kept(groups[-1][0]):
            groups.append([node])
        else:
            groups[-1].append(node)
    parts = [run]
    for group in groups[1:]:
        part = etree.Element(w("r"))
        for name, value in run.attrib.items():
            part.set(name, value)
        properties = run.find(w("rPr"))
        if properties is not None:
            part.append(copy.deepcopy(properties))
        part.extend(group)
        parts[-1].addnext(part)
        parts.append(part)
    return parts
