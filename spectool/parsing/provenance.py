"""Read and write an imported spec's provenance: the `source:` header keys and the `Provenance:` table."""

from __future__ import annotations

from collections.abc import Callable

from lark import Token

from spectool.model.provenance import BlockOrigin, SourceDocument, WordLocation
from spectool.parsing.transformer import Line, ProvenanceDraft, token_position

SOURCE_KEYS = ("source", "source-sha256")

# Reports a problem at a token: (token, message, column, width).
Report = Callable[[Token, str, int, int], None]


def read_source(values: dict[str, str], token: Token | None, report: Report) -> SourceDocument | None:
    """The header's `source:` and `source-sha256:`, which go together."""
    name, digest = values.get("source", ""), values.get("source-sha256", "")
    if not name and not digest:
        return None
    if token is None:
        return None
    if not name or not digest:
        report(token, "the header keys 'source' and 'source-sha256' go together: one is missing", 0, 0)
        return None
    if not SourceDocument.is_digest(digest):
        report(token, "'source-sha256' must be 64 lowercase hexadecimal digits", 0, 0)
        return None
    return SourceDocument(name, digest)


def read_origins(draft: ProvenanceDraft, report: Report) -> tuple[BlockOrigin, ...]:
    """Each line `key: location location ...`; a malformed line is reported and left out."""
    origins: list[BlockOrigin] = []
    seen: set[str] = set()
    for line in draft.lines:
        origin = _read_line(line, draft.token, report)
        if origin is None:
            continue
        if origin.key in seen:
            report(_at(line, draft.token), f"provenance key '{origin.key}' is given twice", line.column, 0)
            continue
        seen.add(origin.key)
        origins.append(origin)
    return tuple(origins)


def _read_line(line: Line, token: Token, report: Report) -> BlockOrigin | None:
    key, colon, rest = line.text.partition(":")
    key = key.strip()
    where = _at(line, token)
    if not colon or not BlockOrigin.is_key(key):
        report(
            where,
            f"a provenance line is 'key: locations', such as '5.7.1: p14@13': not {line.text!r}",
            line.column,
            len(line.text),
        )
        return None
    locations: list[WordLocation] = []
    for word in rest.split():
        location = WordLocation.parse(word)
        if location is None:
            report(
                where,
                f"'{word}' is not a Word location such as p14@13, t2@16, t2r3@16.4 or footnote:2",
                line.column,
                len(line.text),
            )
            return None
        locations.append(location)
    return BlockOrigin(key, tuple(locations), token_position(where))


def _at(line: Line, token: Token) -> Token:
    return Token("PROVENANCE_LINE", line.text, line=line.line, column=line.column) if line.line else token


def render_source(source: SourceDocument | None) -> list[str]:
    """The header lines naming the source document."""
    return [] if source is None else [f"source: {source.name}", f"source-sha256: {source.sha256}"]


def render_origins(origins: tuple[BlockOrigin, ...]) -> list[str]:
    """The side table, after everything else."""
    if not origins:
        return []
    lines = ["", "Provenance:"]
    lines.extend(f"  {origin.key}: {' '.join(map(str, origin.locations))}" for origin in origins)
    return lines
