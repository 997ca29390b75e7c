"""Where `spectool import` recorded each block of a redline's old version: the Word location of every
paragraph, table, footnote and endnote the in-place writer touches, by the redline's path, from the
spec's provenance."""

from __future__ import annotations

from collections.abc import Mapping

from spectool.diff.free import FREE_KINDS
from spectool.diff.model import ParagraphDiff, Redline, Side, TableDiff, UnitDiff
from spectool.diff.page import UnitKind
from spectool.model.document import Clause, Definition, Note, Spec, Table
from spectool.model.provenance import (
    ENDNOTE,
    FOOTNOTE,
    PARAGRAPH,
    ROW,
    TABLE,
    WordLocation,
    keyed_blocks,
    origin_index,
)
from spectool.redline.inplace.locate import is_note_text
from spectool.wordml.names import Element, w
from spectool.wordml.package import WordPackage

# (unit, block) of a redline, as spectool.redline.inplace.locate names the blocks of the body.
Path = tuple[int, ...]


def recorded_places(base: Spec, redline: Redline) -> dict[Path, WordLocation]:
    """The recorded location of each paragraph and table of `redline`'s old version that `base` (the
    same version, imported from Word) has a location for; {} without provenance."""
    if not base.origins:
        return {}
    recorded = iter(_unit_locations(base))
    places: dict[Path, WordLocation] = {}
    for index, unit in enumerate(redline.units):
        if not isinstance(unit, UnitDiff) or not unit.old_label or unit.side is Side.NEW:
            continue
        if unit.kind in FREE_KINDS:
            continue  # free text is found by its text (the import records it, but not unit by unit)
        kind, label, locations = next(recorded, (None, "", []))
        if kind is not unit.kind or (label and label != unit.old_label):
            return {}  # not the version the spec holds: every block is found by its text
        blocks = [(number, block) for number, block in enumerate(unit.blocks) if block.presence.on(Side.OLD)]
        if len(blocks) != len(locations):
            continue  # the import read this unit otherwise: its blocks are found by their text
        for (number, block), location in zip(blocks, locations, strict=True):
            if location.kind == _kind(block):
                places[(index, number)] = location
    return places


def _unit_locations(spec: Spec) -> list[tuple[UnitKind, str, list[WordLocation]]]:
    """The recorded locations of each unit's blocks (its paragraphs, tables and notes, in order), unit
    by unit in the order spectool.diff.page.section_units gives the units, with the label of a heading
    or a clause (the other units are told apart by their kind alone)."""
    origins = origin_index(spec)
    keys = iter(keyed_blocks(spec))
    for _ in spec.front:
        next(keys)
    out: list[tuple[UnitKind, str, list[WordLocation]]] = []
    for section in spec.sections:
        key, _ = next(keys)
        out.append((UnitKind.HEADING, f"Section {section.number}", _body(origins.get(key, ()))))
        glossary: list[WordLocation] = []
        for block in (*section.blocks, None):
            if isinstance(block, Definition):
                key, _ = next(keys)
                glossary.extend(location for location in origins.get(key, ()) if location.kind == ROW)
                for _ in block.attachments:
                    next(keys)
                continue
            if glossary:
                out.append((UnitKind.GLOSSARY, "", _table_of(glossary)))
                glossary = []
            if block is None:
                break
            key, _ = next(keys)
            here = _body(origins.get(key, ()))
            if isinstance(block, Clause):
                for _ in block.attachments:
                    attachment_key, _ = next(keys)
                    here.extend(_body(origins.get(attachment_key, ())))
                out.append((UnitKind.CLAUSE, block.id, here))
            elif isinstance(block, Note | Table):
                out.append((UnitKind.NOTE if isinstance(block, Note) else UnitKind.TABLE, "", here))
    return out


def _body(locations: tuple[WordLocation, ...]) -> list[WordLocation]:
    """The paragraphs, tables and notes among `locations` (a glossary's rows stand for their table)."""
    return [location for location in locations if location.kind != ROW]


def _kind(block: ParagraphDiff | TableDiff) -> str:
    """The kind of location the import records for a block of this kind."""
    if isinstance(block, TableDiff):
        return TABLE
    if block.style == "Note" and is_note_text(block):
        return FOOTNOTE if block.text(Side.OLD).startswith("Footnote") else ENDNOTE
    return PARAGRAPH


def _table_of(rows: list[WordLocation]) -> list[WordLocation]:
    """The table that holds a glossary's rows, when they all stand in one."""
    tables = {(row.number, row.path[:-1]) for row in rows}
    if len(tables) != 1:
        return []
    number, path = tables.pop()
    return [WordLocation(TABLE, number, path)]


def note_paragraphs(
    package: WordPackage, recorded: Mapping[Path, WordLocation]
) -> dict[Path, tuple[Element, ...]]:
    """The paragraphs of each recorded footnote and endnote (a note with none has no entry)."""
    parts = {FOOTNOTE: package.footnotes, ENDNOTE: package.endnotes}
    notes: dict[Path, tuple[Element, ...]] = {}
    for path, location in recorded.items():
        part = parts.get(location.kind)
        if part is None:
            continue
        note = next((n for n in part if n.get(w("id")) == str(location.number)), None)
        paragraphs = list(note.iterchildren(w("p"))) if note is not None else []
        if paragraphs:
            notes[path] = tuple(paragraphs)
    return notes
