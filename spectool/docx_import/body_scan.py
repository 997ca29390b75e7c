"""The import's first pass over a body read as a stream: what reading it a second time needs known."""

from __future__ import annotations

from spectool.docx_import.runs import FieldPairing
from spectool.wordml.names import Element, w
from spectool.wordml.revisions import CELL_REVISIONS, DELETIONS, INSERTIONS, PROPERTY_CHANGES

# What accepting or rejecting tracked changes reads or rewrites: without any of it, both leave a
# body as it is (rejecting also turns deleted text back into text, even outside a w:del).
_DELETED_TEXT = ("delText", "delInstrText")
REVISION_MARKUP = frozenset(
    w(name) for name in (*INSERTIONS, *DELETIONS, *PROPERTY_CHANGES, *CELL_REVISIONS, *_DELETED_TEXT)
)
_FIELD_CHARACTER = w("fldChar")


class BodyScan:
    """Shown each child of the body in order: pairs complex fields across the whole body (a field that
    no end closes ends with its paragraph, which only the end of the body tells), and notes whether
    the body holds revision markup, which is read and settled on the whole tree instead."""

    def __init__(self) -> None:
        self.fields = FieldPairing()
        self.revised = False

    def __call__(self, element: Element) -> None:
        # One walk through every element, testing tags here: lxml's iter() over many tags costs
        # more per call than a walk through a paragraph's few elements.
        for node in element.iter():
            tag = node.tag
            if tag == _FIELD_CHARACTER:
                self.fields.pair(node)
            elif tag in REVISION_MARKUP:
                self.revised = True

    @property
    def unterminated(self) -> frozenset[int]:
        """The places (among the body's w:fldChar) of the field begins no end closes."""
        return frozenset(self.fields.open)
