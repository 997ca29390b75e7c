"""Sub-items as an amendment omits, inserts, substitutes and re-letters them: (a), (aa), (b).

Between (a) and (b) the UK drafter inserts (aa), (ab) ...: an inserted label is the letter of the
item it follows with letters added, and moves no other item. Re-lettering ("and re-letter the
following items") gives the items from the change onwards the plain labels of their places instead.
"""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.model import ItemEdit, PartAction
from spectool.amend.textedit import EditError
from spectool.model.document import Clause, SubItem
from spectool.model.numbers import roman_value

# An item's path: its label and those of the items it stands in, ("b", "ii") for (b)(ii).
Path = tuple[str, ...]
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def labels(path: Path) -> str:
    return "".join(f"({label})" for label in path)


def plain_label(depth: int, place: int) -> str:
    """The label of the `place`th (1-based) item at `depth` (1: letters, 2: roman numerals)."""
    if depth > 1:
        return _ROMAN[place - 1] if place <= len(_ROMAN) else f"{place}"
    label = ""
    while place > 0:
        place, rest = divmod(place - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def item_order(label: str, depth: int = 1) -> tuple[int, str]:
    """(a) < (aa) < (ab) < (b) for letters (depth 1); (i) < (ii) < (iv) for roman numerals."""
    if depth > 1 and set(label) <= set("ivxl"):
        return (roman_value(label), "")
    return (ord(label[0]) - ord("a") + 1, label[1:])


def apply_item_edit(clause: Clause, edit: ItemEdit) -> tuple[Clause, dict[Path, Path]]:
    """`clause` with the edit made, and every sub-item whose label changed: old path -> new path."""
    parent, label = edit.items[:-1], edit.items[-1]
    siblings = list(_children(clause.items, parent, edit))
    index = next((i for i, item in enumerate(siblings) if item.label == label), None)
    if index is None:
        raise EditError(f"there is no sub-item {labels(edit.items)}")
    depth = len(edit.items)
    if edit.action is PartAction.OMIT:
        del siblings[index]
        start = index
    elif edit.action is PartAction.SUBSTITUTE:
        if len(edit.new) != 1 or edit.new[0].label != label:
            raise EditError(f"the new text must be the one sub-item ({label})")
        siblings[index] = edit.new[0]
        start = len(siblings)
    else:
        at = index + (1 if edit.action is PartAction.INSERT_AFTER else 0)
        _check_new_labels(siblings, at, edit, depth)
        siblings[at:at] = edit.new
        start = at + len(edit.new)
    moved: dict[Path, Path] = {}
    if edit.reletter:
        for place in range(start, len(siblings)):
            item = siblings[place]
            new_label = plain_label(depth, place + 1)
            if new_label != item.label:
                _record(moved, (*parent, item.label), (*parent, new_label), item)
                siblings[place] = replace(item, label=new_label)
    items = _with_children(clause.items, parent, tuple(siblings))
    if not items and not clause.text.value.strip():
        raise EditError("it would leave the clause without words: omit the clause instead")
    return replace(clause, items=items), moved


def follow_relettering(chain: dict[Path, Path], moved: dict[Path, Path]) -> None:
    """Add one edit's re-lettering (`moved`) to `chain` (first label -> label now): an item re-lettered
    twice is followed from its first label to its last."""
    moved = dict(moved)
    for old, new in list(chain.items()):
        chain[old] = moved.pop(new, new)
    chain.update(moved)


def _check_new_labels(siblings: list[SubItem], at: int, edit: ItemEdit, depth: int) -> None:
    """New items are lettered in their places when the following ones are re-lettered, and with
    inserted labels that sort between their neighbours when nothing else moves."""
    new = [item.label for item in edit.new]
    if edit.reletter:
        expected = [plain_label(depth, at + k + 1) for k in range(len(new))]
        if new != expected:
            raise EditError(
                f"the new sub-items take the letters of their places, {labels(tuple(expected))}, "
                "when the following items are re-lettered"
            )
        return
    before = siblings[at - 1].label if at > 0 else None
    after = siblings[at].label if at < len(siblings) else None
    keys = [item_order(label, depth) for label in new]
    if keys != sorted(set(keys)):
        raise EditError(f"the new sub-items {labels(tuple(new))} are not in order")
    if before is not None and not item_order(before, depth) < keys[0]:
        raise EditError(f"sub-item ({new[0]}) would stand after ({before}): letter it after ({before})")
    if after is not None and not keys[-1] < item_order(after, depth):
        suggestion = f"({before}a)" if before is not None else "another letter"
        raise EditError(
            f"sub-item ({new[-1]}) would stand before ({after}), which already has that place: "
            f"letter it {suggestion}, or add 'and re-letter the following items'"
        )


def _record(moved: dict[Path, Path], old: Path, new: Path, item: SubItem) -> None:
    """The item and its own sub-items follow the new label."""
    moved[old] = new
    for child in item.items:
        _record(moved, (*old, child.label), (*new, child.label), child)


def _children(items: tuple[SubItem, ...], parent: Path, edit: ItemEdit) -> tuple[SubItem, ...]:
    for label in parent:
        found = next((item for item in items if item.label == label), None)
        if found is None:
            raise EditError(f"there is no sub-item {labels(edit.items[: edit.items.index(label) + 1])}")
        items = found.items
    return items


def _with_children(
    items: tuple[SubItem, ...], parent: Path, children: tuple[SubItem, ...]
) -> tuple[SubItem, ...]:
    if not parent:
        return children
    head, rest = parent[0], parent[1:]
    return tuple(
        replace(item, items=_with_children(item.items, rest, children)) if item.label == head else item
        for item in items
    )
