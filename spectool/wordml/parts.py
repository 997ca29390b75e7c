"""Parse a package's XML parts safely: each whole, or the main body as a stream of its children."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Protocol

from lxml import etree

from spectool.errors import InputError, Problem
from spectool.wordml.names import Element, child, safe_events, safe_parser, w


def refuse(path: str, message: str, hint: str = "") -> InputError:
    return InputError([Problem(path, 0, 0, message, hint=hint)])


def parse_part(name: str, data: bytes, path: str) -> Element:
    """Parse one XML part that `refuse_dtd` has passed; malformed XML is refused with the part's name."""
    try:
        root = etree.fromstring(transitional(data), safe_parser())
    except etree.XMLSyntaxError as error:
        raise refuse(path, f"the part {name} is not well-formed XML: {error.msg}") from None
    if root.getroottree().docinfo.doctype:
        raise refuse(path, f"the part {name} declares a DTD, which Word never writes")
    return root


class PartSource(Protocol):
    """Where a package's parts are: their bytes by name, each parsed once when asked for."""

    path: str
    data: dict[str, bytes]

    def root(self, name: str | None) -> Element | None: ...


class MainBody:
    """The `w:body` of the main part: parsed whole when a caller needs the tree (the in-place redline
    edits the package's own), or read as a stream of its children, each freed once the next is read
    (the import), so libxml2 never holds the whole body (7 times the XML's size) at once."""

    def __init__(self, parts: PartSource, name: str) -> None:
        self.parts = parts
        self.name = name
        self.path = parts.path

    def tree(self) -> Element:
        """The body element of the package's parsed main part."""
        document = self.parts.root(self.name)
        body = child(document, "body") if document is not None and document.tag == w("document") else None
        if body is None:
            raise self._no_body()
        return body

    def check(self, visit: Callable[[Element], object]) -> None:
        """Read the part through once, refusing it as `tree` would; `visit` sees each child of the body."""
        for element in self.children():
            visit(element)

    def children(self) -> Iterator[Element]:
        """The body's element children in order, each whole when given; it is emptied and dropped from
        the body when the next is asked for, so a caller must take what it needs before then."""
        data = transitional(self.parts.data[self.name])
        events = safe_events(io.BytesIO(data))
        depth, in_document, body, seen_body, doctype = 0, False, None, False, False
        try:
            for event, element in events:
                if event == "start":
                    depth += 1
                    if depth == 1:
                        in_document = element.tag == w("document")
                        doctype = bool(element.getroottree().docinfo.doctype)
                    elif depth == 2 and in_document and not seen_body and element.tag == w("body"):
                        body, seen_body = element, True
                    continue
                depth -= 1
                if depth == 2 and body is not None:  # a child of the body, just read
                    yield element
                    # The usual iterparse idiom: libxml2 may still append to the element just
                    # finished, so it is emptied now and taken out of the body with the next one.
                    element.clear()
                    while element.getprevious() is not None:
                        del body[0]
                elif depth == 1 and element is body:
                    body = None
        except etree.XMLSyntaxError as error:
            # Parsed whole, the part gives libxml2's message for a whole document (an empty part is
            # "Document is empty", where the stream says "no element found").
            parse_part(self.name, data, self.path)
            raise refuse(self.path, f"the part {self.name} is not well-formed XML: {error.msg}") from None
        if doctype:
            raise refuse(self.path, f"the part {self.name} declares a DTD, which Word never writes")
        if not seen_body:
            raise self._no_body()

    def _no_body(self) -> InputError:
        return refuse(
            self.path,
            f"no recognisable clauses: the main part {self.name} is not a Word document body (w:body)",
        )


# ISO/IEC 29500 Strict names the same vocabulary in other namespaces: read as their transitional twins.
_STRICT_MARKER = b"http://purl.oclc.org/ooxml/"
_STRICT_NAMESPACES = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
)


def transitional(data: bytes) -> bytes:
    """A Strict part's bytes with its namespaces (and relationship types) in their transitional form."""
    if _STRICT_MARKER not in data:
        return data
    for strict, transitional_name in _STRICT_NAMESPACES:
        data = data.replace(strict, transitional_name)
    return data
