"""A new paragraph that takes a neighbour's style without the automatic number that style gives."""

from __future__ import annotations

from lxml import etree

from spectool.docx_import.styles import StyleSheet
from spectool.wordml.names import Element, local_name, w

# w:pPr children that come before w:numPr in the schema's order.
_BEFORE_NUMBERING = frozenset(
    ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
)


def style_numbers(styles: StyleSheet, properties: Element) -> bool:
    """Does the paragraph style `properties` (a w:pPr) names give it an automatic number?"""
    style = properties.find(w("pStyle"))
    return style is not None and styles.numbering(style.get(w("val"))) is not None


def switch_numbering_off(properties: Element) -> None:
    """Give `properties` (a w:pPr with no w:numPr of its own) numId 0: Word's way of saying that the
    paragraph style's numbering does not apply to this paragraph."""
    numbering = etree.Element(w("numPr"))
    level = etree.SubElement(numbering, w("ilvl"))
    level.set(w("val"), "0")
    number = etree.SubElement(numbering, w("numId"))
    number.set(w("val"), "0")
    position = 0
    for index, node in enumerate(properties):
        if local_name(node) in _BEFORE_NUMBERING:
            position = index + 1
    properties.insert(position, numbering)
