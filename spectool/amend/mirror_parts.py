"""Where a sub-item or a table row of one version stands in the other version's clause, by its words.

`mirror` carries a clause over by the alignment; the items and rows inside it are carried over by
what they say, since the other version may letter an item or name a row differently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from spectool.amend.items import labels, plain_label
from spectool.amend.model import ItemEdit, PartAction
from spectool.model.document import Clause, SubItem, Table
from spectool.model.numbers import ClauseNumber

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


@dataclass(frozen=True, slots=True)
class Counterparts:
    """A clause of the source version and its counterpart, as the instructions before leave them,
    for carrying a sub-item or row across; what differs or has no counterpart is noted."""

    here: Clause | None
    there: Clause | None
    old: ClauseNumber  # the clause's number in the source version
    new: ClauseNumber  # its counterpart's in the target version
    target: str  # the target version's key, for notes

    def item(self, path: Path, notes: list[str]) -> Path | None:
        """The sub-item's letters in the counterpart clause, found by its words."""
        if self.here is None or self.there is None:
            return path
        found = counterpart_item(self.here, self.there, path)
        if found is None:
            notes.append(
                f"clause {self.old}{labels(path)} has no counterpart among the sub-items of "
                f"{self.target} clause {self.new}: not mirrored"
            )
        elif found != path:
            notes.append(
                f"clause {self.old}{labels(path)} is clause {self.new}{labels(found)} in {self.target}, "
                "by its words"
            )
        return found

    def row(self, key: str, notes: list[str]) -> str | None:
        """The row's name in the counterpart clause's table, found by its cells."""
        mine = only_table(self.here) if self.here is not None else None
        theirs = only_table(self.there) if self.there is not None else None
        if mine is None or theirs is None:
            return key
        found = counterpart_row(mine, theirs, key)
        if found is None:
            notes.append(
                f"the row for {key} in clause {self.old} has no counterpart in the table in "
                f"{self.target} clause {self.new}: not mirrored"
            )
        elif found != key:
            notes.append(
                f"the row for {key} in clause {self.old} is the row for {found} in {self.target}, "
                "by its cells"
            )
        return found

    def new_items(
        self, operation: ItemEdit, path: Path, new: tuple[SubItem, ...], notes: list[str]
    ) -> tuple[SubItem, ...]:
        """New sub-items lettered as their place in the counterpart clause asks: the same letter as
        the item substituted, the plain letters of their places when the items are re-lettered, and
        otherwise the letter of the counterpart of the item an inserted letter grows from ((aa) after
        (a) becomes (ba) where (a) is (b))."""
        if operation.action is PartAction.SUBSTITUTE:
            return tuple(replace(item, label=path[-1]) for item in new)
        assert self.here is not None and self.there is not None
        if operation.reletter:
            siblings = [item.label for item in self.there.items] if len(path) == 1 else []
            if path[-1] not in siblings:
                return new
            at = siblings.index(path[-1]) + (1 if operation.action is PartAction.INSERT_AFTER else 0)
            return tuple(
                replace(item, label=plain_label(len(path), at + k + 1)) for k, item in enumerate(new)
            )
        letters = item_letters(self.here, self.there, operation.items[:-1], path[:-1])
        relettered = []
        for item in new:
            grows = max((label for label in letters if item.label.startswith(label)), key=len, default=None)
            label = item.label if grows is None else letters[grows] + item.label[len(grows) :]
            relettered.append(replace(item, label=label))
        if [item.label for item in relettered] != [item.label for item in new]:
            notes.append(
                "new sub-items "
                + ", ".join(f"({a.label}) as ({b.label})" for a, b in zip(new, relettered, strict=True))
            )
        return tuple(relettered)
