"""From an imported spec's blocks back to the elements of its Word document that they were read from.

The spec records its document (`Spec.source`: file name and SHA-256) and, per block, the Word
locations it was read from (`Spec.origins`, see spectool.model.provenance). Writing into that document
again starts with `check_document`, then finds each block's `w:p`, `w:tbl` or `w:tr` with `element_at`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from spectool.errors import InputError, Problem
from spectool.model.document import Spec
from spectool.model.provenance import (
    PARAGRAPH,
    ROW,
    TABLE,
    ProvenancedBlock,
    WordLocation,
    block_origins,
    keyed_blocks,
    origin_index,
)
from spectool.wordml.names import Element, local_name

_TAGS = {PARAGRAPH: "p", TABLE: "tbl", ROW: "tr"}


class ProvenanceError(InputError):
    """The document is not the one the spec was imported from, or a location is not in it."""


def document_digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as `Spec.source` records it."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_document(spec: Spec, path: str | Path) -> None:
    """ProvenanceError unless `path` holds exactly the bytes `spec` was imported from."""
    shown = str(path)
    if spec.source is None:
        raise ProvenanceError(
            [Problem(shown, 0, 0, f"{spec.key} records no source document: it was not imported from Word")]
        )
    if document_digest(path) != spec.source.sha256:
        raise ProvenanceError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    f"this is not the document {spec.key} was imported from ({spec.source.name}): its "
                    "content has changed since (SHA-256 differs)",
                    hint="import the document again, or name the original with --onto",
                )
            ]
        )


def element_at(body: Element, location: WordLocation) -> Element:
    """The `w:p`, `w:tbl` or `w:tr` at `location` below `w:body` (of a tree parsed with comments and
    processing instructions removed, as the import reads it); ProvenanceError when it is not there."""
    return ElementIndex(body).at(location)


class ElementIndex:
    """`element_at` for many locations of one body. lxml counts an element's children one by one for
    `len()` and `[i]`, so each element's children are listed once here: a lookup costs its depth."""

    def __init__(self, body: Element) -> None:
        self.body = body
        self._children: dict[tuple[int, ...], list[Element]] = {(): list(body)}

    def at(self, location: WordLocation) -> Element:
        """The element at `location`; ProvenanceError when it is not there."""
        element: Element | None = self.body
        for depth, index in enumerate(location.path):
            children = self._children_at(location.path[:depth], element)
            element = children[index] if index < len(children) else None
            if element is None:
                break
        wanted = _TAGS.get(location.kind)
        if element is None or wanted is None or element is self.body or local_name(element) != wanted:
            raise ProvenanceError([Problem("word/document.xml", 0, 0, f"no w:{wanted} at {location}")])
        return element

    def _children_at(self, path: tuple[int, ...], element: Element | None) -> list[Element]:
        children = self._children.get(path)
        if children is None:
            children = self._children[path] = list(element) if element is not None else []
        return children


def origins_of(spec: Spec, block: ProvenancedBlock) -> tuple[WordLocation, ...]:
    """Where `block` (a node of `spec`, found by identity) was read from; () when nowhere recorded."""
    by_key = origin_index(spec)
    return next((by_key.get(key, ()) for key, found in keyed_blocks(spec) if found is block), ())


def located_blocks(spec: Spec) -> Iterator[tuple[ProvenancedBlock, tuple[WordLocation, ...]]]:
    """Every block with a recorded origin, in reading order."""
    return block_origins(spec)
