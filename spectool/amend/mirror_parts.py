"""Where a sub-item or a table row of one version stands in the other version's clause, by its words.

`mirror` carries a clause over by the alignment; the items and rows inside it are carried over by
what they say, since the other version may letter an item or name a row differently.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from spectool.model.document import Clause, SubItem, Table

# How alike two items' or rows' words must be for one to count as the other's counterpart.
ALIKE = 0.6

Path = tuple[str, ...]


def _flat(words: str) -> str:
    return " ".join(words.split()).casefold()


def _likeness(one: str, other: str) -> float:
    return SequenceMatcher(None, _flat(one), _flat(other), autojunk=False).ratio()


def _siblings(items: tuple[SubItem, ...], parent: Path) -> tuple[SubItem, ...] | None:
    for label in parent:
        found = next((item for item in items if item.label == label), None)
        if found is None:
            return None
        items = found.items
    return items


def _best(words: str, candidates: list[tuple[str, str]], same: str) -> str | None:
    """The key of the candidate whose words are `words`, else of the one most like them (`same`,
    the key they had, wins a tie), or None when none is alike enough."""
    exact = [key for key, other in candidates if _flat(other) == _flat(words)]
    if exact:
        return same if same in exact else exact[0]
    scored = [(_likeness(words, other), key == same, key) for key, other in candidates]
    scored = [entry for entry in scored if entry[0] >= ALIKE]
    return max(scored)[2] if scored else None


def item_letters(source: Clause, target: Clause, here: Path, there: Path) -> dict[str, str]:
    """The sub-items under `here` in `source`, label -> the label of their counterparts under
    `there` in `target` (items with no counterpart left out)."""
    mine = _siblings(source.items, here)
    theirs = _siblings(target.items, there)
    if mine is None or theirs is None:
        return {}
    candidates = [(item.label, item.text.value) for item in theirs]
    found = {item.label: _best(item.text.value, candidates, item.label) for item in mine}
    return {label: other for label, other in found.items() if other is not None}


def counterpart_item(source: Clause, target: Clause, path: Path) -> Path | None:
    """The path in `target` of the sub-item at `path` in `source`, each level matched by its words."""
    carried: Path = ()
    for depth, label in enumerate(path):
        other = item_letters(source, target, path[:depth], carried).get(label)
        if other is None:
            return None
        carried = (*carried, other)
    return carried


def _row_key(row: tuple[str, ...]) -> str:
    return " ".join(row[0].split()) if row else ""


def counterpart_row(source: Table, target: Table, key: str) -> str | None:
    """The name (first cell) in `target` of the row named `key` in `source`: the row with the same
    other cells, else the row most like it (the one of that name on a tie); None when none is alike,
    even when a row there has that name, since its cells then say something else."""
    row = next((row for row in source.rows if _row_key(row) == key), None)
    if row is None:
        return key if any(_row_key(other) == key for other in target.rows) else None
    rest = " | ".join(row[1:])
    candidates = [(_row_key(other), " | ".join(other[1:])) for other in target.rows if other]
    if not rest.strip():
        return key if any(name == key for name, _ in candidates) else None
    return _best(rest, candidates, key)


def only_table(clause: Clause) -> Table | None:
    tables = [attachment for attachment in clause.attachments if isinstance(attachment, Table)]
    return tables[0] if len(tables) == 1 else None
