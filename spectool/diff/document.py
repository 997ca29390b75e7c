"""Diff two versions of a spec unit by unit: pair the units, keep reading order, find moves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from spectool.diff.align import align_specs
from spectool.diff.blocks import diff_blocks, unchanged, whole
from spectool.diff.free import has_free, pair_free
from spectool.diff.model import Change, Presence, Redline, UnitDiff, VersionInfo
from spectool.diff.order import Opcode, unit_opcodes
from spectool.diff.page import Page, Paragraph, Unit, UnitKind, spec_page
from spectool.model.document import Spec
from spectool.model.numbers import ClauseNumber


def diff_specs(
    old: Spec, new: Spec, numbering: Mapping[ClauseNumber, ClauseNumber | None] | None = None
) -> Redline:
    """Every unit of both versions in reading order, with word-level edits inside paired units.

    Clauses pair by `numbering` (old number -> new number, None for omitted) when the caller knows
    it, as applying an amendment does; else by spectool.diff.align, which pairs them by number and
    text."""
    tokens = _numbered_tokens(numbering) if numbering is not None else _clause_tokens(old, new)
    return diff_pages(spec_page(old), spec_page(new), tokens)


def diff_pages(old: Page, new: Page, clause_tokens: dict[tuple[str, str], str] | None = None) -> Redline:
    """`clause_tokens` pairs clauses across versions: ("old"|"new", number) -> a token both share."""
    tokens = clause_tokens or {}
    old_tokens = [_token(unit, "old", tokens) for unit in old.units]
    new_tokens = [_token(unit, "new", tokens) for unit in new.units]
    _pair_headings_by_title(old.units, new.units, old_tokens, new_tokens)
    old_by_token = dict(zip(old_tokens, old.units, strict=True))
    new_by_token = dict(zip(new_tokens, new.units, strict=True))
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(token, len(vocabulary)) for token in old_tokens]
    new_ids = [vocabulary.setdefault(token, len(vocabulary)) for token in new_tokens]

    moves: dict[str, str] = {}  # token -> move name
    units: list[UnitDiff] = []

    def gone(index: int) -> UnitDiff:
        unit, token = old.units[index], old_tokens[index]
        partner = new_by_token.get(token)
        if partner is not None and unit.kind is UnitKind.CLAUSE:
            return _moved(unit, partner, Change.MOVED_FROM, moves.setdefault(token, f"move{len(moves) + 1}"))
        return _whole(unit, Change.DELETED)

    def came(index: int) -> UnitDiff:
        unit, token = new.units[index], new_tokens[index]
        partner = old_by_token.get(token)
        if partner is not None and unit.kind is UnitKind.CLAUSE:
            return _moved(partner, unit, Change.MOVED_TO, moves.setdefault(token, f"move{len(moves) + 1}"))
        return _whole(unit, Change.INSERTED)

    for gap in _gaps(unit_opcodes(old_ids, new_ids)):
        if gap[0].tag == "equal":
            for index in range(gap[0].src_end - gap[0].src_start):
                before, after = old.units[gap[0].src_start + index], new.units[gap[0].dest_start + index]
                units.append(_paired(before, after))
            continue
        old_range = range(gap[0].src_start, gap[-1].src_end)
        new_range = range(gap[0].dest_start, gap[-1].dest_end)
        old_gap = [old.units[index] for index in old_range]
        new_gap = [new.units[index] for index in new_range]
        if not (has_free(old_gap) and has_free(new_gap)):
            for opcode in gap:
                units.extend(gone(index) for index in range(opcode.src_start, opcode.src_end))
                units.extend(came(index) for index in range(opcode.dest_start, opcode.dest_end))
            continue
        for was, now in pair_free(old_gap, new_gap):
            if was is not None and now is not None:
                units.append(_paired(old_gap[was], new_gap[now]))
            elif was is not None:
                units.append(gone(old_range[was]))
            elif now is not None:
                units.append(came(new_range[now]))
    return Redline(_info(old), _info(new), tuple(units))


def _gaps(opcodes: list[Opcode]) -> list[list[Opcode]]:
    """Each equal opcode alone, and each run of insert and delete opcodes between two equal ones."""
    out: list[list[Opcode]] = []
    for opcode in opcodes:
        if opcode.tag != "equal" and out and out[-1][0].tag != "equal":
            out[-1].append(opcode)
        else:
            out.append([opcode])
    return out


def page_as_redline(page: Page) -> Redline:
    """One version shown without edits (the clean export)."""
    units = tuple(
        UnitDiff(unit.kind, Change.KEPT, tuple(unchanged(b) for b in unit.blocks), unit.label, unit.label)
        for unit in page.units
    )
    return Redline(_info(page), _info(page), units)


def _clause_tokens(old: Spec, new: Spec) -> dict[tuple[str, str], str]:
    """Clauses paired by spectool.diff.align (same words, same number, or similar words)."""
    tokens: dict[tuple[str, str], str] = {}
    for index, pair in enumerate(align_specs(old, new).pairs):
        if pair.old is not None and pair.new is not None:
            tokens[("old", pair.old.id)] = tokens[("new", pair.new.id)] = f"pair:{index}"
    return tokens


def _numbered_tokens(numbering: Mapping[ClauseNumber, ClauseNumber | None]) -> dict[tuple[str, str], str]:
    tokens: dict[tuple[str, str], str] = {}
    for index, (before, after) in enumerate(sorted(numbering.items())):
        if after is not None:
            tokens[("old", str(before))] = tokens[("new", str(after))] = f"pair:{index}"
    return tokens


def _token(unit: Unit, side: str, clause_tokens: dict[tuple[str, str], str]) -> str:
    if unit.kind is UnitKind.CLAUSE and "#" not in unit.key:
        return clause_tokens.get((side, unit.number), f"{side}:{unit.key}")
    return unit.key


def _pair_headings_by_title(
    old: tuple[Unit, ...], new: tuple[Unit, ...], old_tokens: list[str], new_tokens: list[str]
) -> None:
    """A section keeps its heading when it is renumbered: a title that both versions use equally often
    pairs the headings in order of appearance; the others pair by number."""
    old_titles = Counter(_title(unit) for unit in old if unit.kind is UnitKind.HEADING)
    new_titles = Counter(_title(unit) for unit in new if unit.kind is UnitKind.HEADING)
    for units, tokens in ((old, old_tokens), (new, new_tokens)):
        seen: Counter[str] = Counter()
        for index, unit in enumerate(units):
            title = _title(unit)
            if unit.kind is UnitKind.HEADING and title and old_titles[title] == new_titles[title]:
                seen[title] += 1
                tokens[index] = f"heading-title:{title}#{seen[title]}"


def _title(unit: Unit) -> str:
    first = unit.blocks[0]
    return first.body if isinstance(first, Paragraph) else ""


def _paired(before: Unit, after: Unit) -> UnitDiff:
    if before.blocks == after.blocks:
        return UnitDiff(
            after.kind, Change.KEPT, tuple(unchanged(b) for b in after.blocks), before.label, after.label
        )
    blocks = tuple(diff_blocks(before.blocks, after.blocks, anchor_first=True))
    reworded = _words(before) != _words(after)
    renumbered = before.number != after.number and after.kind in (UnitKind.CLAUSE, UnitKind.HEADING)
    if renumbered:
        change = Change.RENUMBERED
    else:
        change = Change.CHANGED if any(block.changed for block in blocks) else Change.KEPT
    return UnitDiff(after.kind, change, blocks, before.label, after.label, reworded)


def _moved(before: Unit, after: Unit, change: Change, name: str) -> UnitDiff:
    blocks = tuple(diff_blocks(before.blocks, after.blocks, anchor_first=True))
    return UnitDiff(
        after.kind, change, blocks, before.label, after.label, _words(before) != _words(after), name
    )


def _whole(unit: Unit, change: Change) -> UnitDiff:
    presence = Presence.NEW if change is Change.INSERTED else Presence.OLD
    blocks = tuple(whole(block, presence) for block in unit.blocks)
    if change is Change.INSERTED:
        return UnitDiff(unit.kind, change, blocks, "", unit.label)
    return UnitDiff(unit.kind, change, blocks, unit.label, "")


def _words(unit: Unit) -> tuple[object, ...]:
    """A unit's content with its own number left out, to tell renumbering from rewording."""
    first, *rest = unit.blocks
    return (first.body if isinstance(first, Paragraph) else first, *rest)


def _info(page: Page) -> VersionInfo:
    return VersionInfo(page.name, page.version, page.title, page.status, page.date)
