"""The model as JSON-ready data and back (schema: docs/format.md, "JSON output")."""

from __future__ import annotations

from typing import Any

from spectool.model.document import (
    Attachment,
    Block,
    Clause,
    Contents,
    Definition,
    Footnote,
    Heading,
    Note,
    Paragraph,
    Placeholder,
    Position,
    Reference,
    Section,
    Spec,
    SubItem,
    Suppression,
    Table,
    Text,
)
from spectool.model.numbers import ClauseNumber
from spectool.model.provenance import BlockOrigin, SourceDocument, WordLocation

SCHEMA_VERSION = 1
JSON = dict[str, Any]


def spec_to_dict(spec: Spec) -> JSON:
    return {
        "schema": SCHEMA_VERSION,
        "spec": spec.name,
        "version": spec.version,
        "title": spec.title,
        "status": spec.status,
        "date": spec.date,
        "path": spec.path,
        "front": [_block(block) for block in spec.front],
        "sections": [_section(section) for section in spec.sections],
        **_provenance(spec),
    }


def _provenance(spec: Spec) -> JSON:
    """Only for a spec imported from Word, so that other specs' JSON stays as it was."""
    if spec.source is None:
        return {}
    return {
        "source": {"name": spec.source.name, "sha256": spec.source.sha256},
        "provenance": [
            {"key": origin.key, "locations": [str(location) for location in origin.locations]}
            for origin in spec.origins
        ],
    }


def _position(position: Position) -> list[int]:
    return [position.line, position.column, position.end_line, position.end_column]


def _text(text: Text) -> JSON:
    return {"value": text.value, "line_starts": [list(start) for start in text.line_starts]}


def _reference(reference: Reference) -> JSON:
    return {
        "target": str(reference.target),
        "spec": reference.spec,
        "label": reference.label,
        "offset": reference.offset,
        "length": reference.length,
        "position": _position(reference.position),
    }


def _item(item: SubItem) -> JSON:
    return {
        "label": item.label,
        "text": _text(item.text),
        "items": [_item(child) for child in item.items],
        "references": [_reference(ref) for ref in item.references],
        "position": _position(item.position),
    }


def _suppression(suppression: Suppression) -> JSON:
    return {
        "codes": list(suppression.codes),
        "reason": suppression.reason,
        "position": _position(suppression.position),
    }


def _block(block: Block) -> JSON:
    if isinstance(block, Clause):
        return {
            "kind": "clause",
            "number": str(block.number),
            "text": _text(block.text),
            "requirement": block.is_requirement,
            **_paragraph_parts(block),
        }
    if isinstance(block, Definition):
        return {
            "kind": "definition",
            "term": block.term,
            "text": _text(block.text),
            **_paragraph_parts(block),
        }
    if isinstance(block, Paragraph):
        return {
            "kind": "paragraph",
            "label": block.label,
            "text": _text(block.text),
            "items": [_item(item) for item in block.items],
            "references": [_reference(ref) for ref in block.references],
            "position": _position(block.position),
        }
    if isinstance(block, Heading):
        return {
            "kind": "heading",
            "level": block.level,
            "label": block.label,
            "title": block.title,
            "position": _position(block.position),
        }
    if isinstance(block, Contents):
        return {"kind": "contents", "entries": list(block.entries), "position": _position(block.position)}
    if isinstance(block, Placeholder):
        return {
            "kind": "placeholder",
            "object": block.kind,
            "target": block.target,
            "description": block.description,
            "position": _position(block.position),
        }
    return _attachment(block)


def _paragraph_parts(paragraph: Clause | Definition) -> JSON:
    return {
        "items": [_item(item) for item in paragraph.items],
        "attachments": [_attachment(attachment) for attachment in paragraph.attachments],
        "references": [_reference(ref) for ref in paragraph.references],
        "suppressions": [_suppression(s) for s in paragraph.suppressions],
        "position": _position(paragraph.position),
    }


def _attachment(attachment: Attachment) -> JSON:
    if isinstance(attachment, Note):
        return {
            "kind": "note",
            "label": attachment.label,
            "text": _text(attachment.text),
            "references": [_reference(ref) for ref in attachment.references],
            "position": _position(attachment.position),
        }
    if isinstance(attachment, Footnote):
        return {
            "kind": "footnote",
            "note": attachment.kind,
            "label": attachment.label,
            "text": _text(attachment.text),
            "references": [_reference(ref) for ref in attachment.references],
            "position": _position(attachment.position),
        }
    return {
        "kind": "table",
        "title": attachment.title,
        "header": list(attachment.header),
        "more_header": [list(row) for row in attachment.more_header],
        "rows": [list(row) for row in attachment.rows],
        "position": _position(attachment.position),
    }


def _section(section: Section) -> JSON:
    return {
        "number": str(section.number),
        "title": section.title,
        "blocks": [_block(block) for block in section.blocks],
        "position": _position(section.position),
    }


def spec_from_dict(data: JSON) -> Spec:
    """The inverse of `spec_to_dict`."""
    return Spec(
        name=data["spec"],
        version=data["version"],
        title=data["title"],
        status=data.get("status", ""),
        date=data.get("date", ""),
        path=data.get("path", ""),
        sections=tuple(_load_section(section) for section in data["sections"]),
        front=tuple(_load_block(block) for block in data.get("front", ())),
        source=SourceDocument(**data["source"]) if data.get("source") else None,
        origins=tuple(_load_origin(origin) for origin in data.get("provenance", ())),
    )


def _load_origin(raw: JSON) -> BlockOrigin:
    locations = (WordLocation.parse(text) for text in raw["locations"])
    return BlockOrigin(raw["key"], tuple(location for location in locations if location is not None))


def _load_position(raw: list[int]) -> Position:
    return Position(*raw)


def _load_text(raw: JSON) -> Text:
    return Text(raw["value"], tuple((line, column) for line, column in raw["line_starts"]))


def _load_reference(raw: JSON) -> Reference:
    return Reference(
        ClauseNumber.parse(raw["target"]),
        raw["spec"],
        raw["label"],
        raw["offset"],
        raw["length"],
        _load_position(raw["position"]),
    )


def _load_item(raw: JSON) -> SubItem:
    return SubItem(
        raw["label"],
        _load_text(raw["text"]),
        tuple(_load_item(c) for c in raw["items"]),
        tuple(_load_reference(r) for r in raw["references"]),
        _load_position(raw["position"]),
    )


def _load_block(raw: JSON) -> Block:
    kind = raw["kind"]
    if kind in ("clause", "definition"):
        parts: JSON = {
            "text": _load_text(raw["text"]),
            "items": tuple(_load_item(item) for item in raw["items"]),
            "attachments": tuple(_load_attachment(a) for a in raw["attachments"]),
            "references": tuple(_load_reference(r) for r in raw["references"]),
            "suppressions": tuple(
                Suppression(tuple(s["codes"]), s["reason"], _load_position(s["position"]))
                for s in raw["suppressions"]
            ),
            "position": _load_position(raw["position"]),
        }
        if kind == "clause":
            return Clause(number=ClauseNumber.parse(raw["number"]), **parts)
        return Definition(term=raw["term"], **parts)
    position = _load_position(raw["position"])
    if kind == "paragraph":
        return Paragraph(
            _load_text(raw["text"]),
            raw["label"],
            tuple(_load_item(item) for item in raw["items"]),
            tuple(_load_reference(r) for r in raw["references"]),
            position,
        )
    if kind == "heading":
        return Heading(raw["level"], raw["title"], raw["label"], position)
    if kind == "contents":
        return Contents(tuple(raw["entries"]), position)
    if kind == "placeholder":
        return Placeholder(raw["object"], raw["target"], raw["description"], position)
    return _load_attachment(raw)


def _load_attachment(raw: JSON) -> Attachment:
    position = _load_position(raw["position"])
    if raw["kind"] in ("note", "footnote"):
        text = _load_text(raw["text"])
        references = tuple(_load_reference(r) for r in raw["references"])
        if raw["kind"] == "footnote":
            return Footnote(raw["note"], raw["label"], text, references, position)
        return Note(text, raw["label"], references, position)
    return Table(
        raw["title"],
        tuple(raw["header"]),
        tuple(tuple(row) for row in raw["rows"]),
        position,
        tuple(tuple(row) for row in raw.get("more_header", ())),
    )


def _load_section(raw: JSON) -> Section:
    return Section(
        ClauseNumber.parse(raw["number"]),
        raw["title"],
        tuple(_load_block(block) for block in raw["blocks"]),
        _load_position(raw["position"]),
    )
