"""WordprocessingML vocabulary: namespaces, qualified names and a parser that refuses to expand entities."""

from __future__ import annotations

from typing import BinaryIO, TypeAlias

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NAMESPACES = {"w": W, "r": R, "m": M}

Element: TypeAlias = etree._Element


def w(name: str) -> str:
    """The Clark name of `w:name`, as lxml spells tags and attributes."""
    return f"{{{W}}}{name}"


# Entities left alone, nothing fetched, libxml2's size limits kept; comments and processing
# instructions dropped, so element positions are the same however a part is read.
_SAFE_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def safe_parser() -> etree.XMLParser:
    """A parser that leaves entities alone, never fetches anything and keeps libxml2's size limits."""
    return etree.XMLParser(**_SAFE_OPTIONS)


def safe_events(source: BinaryIO) -> etree.iterparse:
    """The start and end events of the XML in `source`, parsed as `safe_parser` parses."""
    return etree.iterparse(source, events=("start", "end"), **_SAFE_OPTIONS)


def attribute(element: Element | None, name: str = "val") -> str | None:
    """The value of `w:name` on `element` (None when the element or the attribute is missing)."""
    if element is None:
        return None
    value = element.get(w(name))
    return None if value is None else str(value)


def child(element: Element | None, name: str) -> Element | None:
    """The first `w:name` child of `element`."""
    if element is None:
        return None
    return element.find(w(name))


def child_value(element: Element | None, name: str) -> str | None:
    """`w:val` of the first `w:name` child: `<w:start w:val="3"/>` gives "3"."""
    return attribute(child(element, name))


def is_on(element: Element | None, name: str) -> bool:
    """An on/off property such as `<w:isLgl/>`: present and not switched off."""
    found = child(element, name)
    return found is not None and attribute(found) not in ("0", "false", "off")


def local_name(element: Element) -> str:
    """`p` for a `w:p`; "" for comments and processing instructions."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""
