"""Count Word's automatic numbering paragraph by paragraph and give the label Word displays."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spectool.docx_import.number_formats import format_number, roman
from spectool.docx_import.numbering import MAX_LEVEL, NumberingDefinitions

__all__ = ["ListCounter", "ListLabel", "format_number", "roman"]

_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class ListLabel:
    """The number Word shows before a paragraph: "5.7.4.12", "(a)", "•"."""

    text: str
    number_format: str  # of the paragraph's own level: "decimal", "lowerLetter", "bullet" ...
    level: int

    @property
    def is_bullet(self) -> bool:
        return self.number_format == "bullet"


@dataclass
class ListCounter:
    """Running counts per abstract list, fed every numbered paragraph in document order.

    Every numId on one abstract list shares its count (as Word counts). The first time a numId is
    used, each level it overrides with `w:startOverride` restarts there: a level above the
    paragraph's shows the override itself (a jump at a parent level that has no paragraph of its
    own), the paragraph's level counts on from it, and a deeper level begins at it when next used.
    A level also restarts, at its numId's start, when a shallower level is used unless its
    `w:lvlRestart` says otherwise. A level used before any shallower one shows the shallower one's
    start minus one, as Word does ("0.1").
    """

    definitions: NumberingDefinitions
    _counts: dict[int, dict[int, int]] = field(default_factory=dict)
    _started: set[int] = field(default_factory=set)

    def label(self, num_id: int, level: int) -> ListLabel | None:
        """Count one paragraph of list `num_id` at `level` and give its label (None: no such list)."""
        key = self.definitions.counter_key(num_id)
        if key is None:
            return None
        level = min(max(level, 0), MAX_LEVEL)
        counts = self._counts.setdefault(key, {})
        if num_id not in self._started:
            self._started.add(num_id)
            self._apply_start_overrides(num_id, level, counts)
        definition = self.definitions.level(num_id, level)
        counts[level] = counts.get(level, self.definitions.start(num_id, level) - 1) + 1
        self._restart_deeper(num_id, level, counts)
        if definition.number_format == "bullet":
            return ListLabel(definition.text, "bullet", level)

        def shown(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            referenced = self.definitions.level(num_id, index)
            value = counts.get(index, self.definitions.start(num_id, index) - 1)
            if definition.legal:
                return str(value)
            return format_number(value, referenced.number_format, referenced.pattern)

        return ListLabel(_PLACEHOLDER.sub(shown, definition.text), definition.number_format, level)

    def _apply_start_overrides(self, num_id: int, level: int, counts: dict[int, int]) -> None:
        for index, start in sorted(self.definitions.overridden_levels(num_id).items()):
            if index < level:
                counts[index] = start
                self._restart_deeper(num_id, index, counts)  # a new parent number restarts its children
            elif index == level:
                counts[index] = start - 1
            else:
                counts.pop(index, None)

    def _restart_deeper(self, num_id: int, level: int, counts: dict[int, int]) -> None:
        for deeper in range(level + 1, MAX_LEVEL + 1):
            restart = self.definitions.level(num_id, deeper).restart
            # w:lvlRestart is 1-based: "2" restarts this level whenever level index 0 or 1 is used
            # (Word restarts on any shallower level, where the standard names one: MS-OI29500).
            if restart is None or (restart != 0 and level < restart):
                counts.pop(deeper, None)
