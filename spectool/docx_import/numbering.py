"""Word's numbering definitions (numbering.xml): abstract lists, their levels, and the w:num instances."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spectool.docx_import.attributes import (
    LEVEL_RESTART,
    LIST_ID,
    LIST_LEVEL,
    LIST_START,
    MAX_LEVEL_TEXT,
    AttributeReader,
)
from spectool.docx_import.number_formats import custom_format
from spectool.wordml.names import Element, attribute, child, child_value, is_on, w

MAX_LEVEL = LIST_LEVEL.high  # w:ilvl runs from 0 to 8
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True, slots=True)
class Level:
    """One `w:lvl`: how a list level counts and what it displays."""

    start: int = 1
    number_format: str = "decimal"
    text: str = ""  # w:lvlText such as "%1.%2.%3" or "(%4)"
    restart: int | None = None  # w:lvlRestart: 1-based level that restarts this one; 0 never
    legal: bool = False  # w:isLgl: show every level as a decimal number
    style_id: str | None = None  # w:pStyle: the paragraph style linked to this level
    pattern: str | None = None  # w:numFmt/@w:format of a "custom" format: "001, 002, 003, ..."


DEFAULT_LEVEL = Level()


@dataclass(frozen=True, slots=True)
class AbstractList:
    """A `w:abstractNum`: the levels that every `w:num` pointing at it shares."""

    abstract_id: int
    levels: Mapping[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None  # the numbering style whose list this one really is


@dataclass(frozen=True, slots=True)
class ListInstance:
    """A `w:num`: the numId that paragraphs name, with any level overrides."""

    num_id: int
    abstract_id: int
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)


def _number_format(element: Element) -> tuple[str, str | None]:
    """(w:numFmt, its custom pattern), looking inside `mc:AlternateContent` as Word 2010 writes it.

    Word writes a "custom" format ("001, 002, ...") in an `mc:Choice` for readers that know it, with
    a plain format in `mc:Fallback`: the choice is taken when spectool can show it, else the fallback.
    """
    found = child(element, "numFmt")
    if found is not None:
        return attribute(found) or "decimal", attribute(found, "format")
    choices = [
        (attribute(option), attribute(option, "format"))
        for option in element.iterfind(f"{{{MC}}}AlternateContent/*/{w('numFmt')}")
    ]
    for number_format, pattern in choices:
        if number_format != "custom" or (pattern is not None and custom_format(pattern) is not None):
            return number_format or "decimal", pattern
    return "decimal", None


def read_level(element: Element, values: AttributeReader) -> Level:
    start = values.integer(child_value(element, "start"), "start", LIST_START)
    number_format, pattern = _number_format(element)
    return Level(
        start=1 if start is None else start,
        number_format=number_format,
        pattern=pattern,
        text=values.text(child_value(element, "lvlText"), "lvlText", MAX_LEVEL_TEXT) or "",
        restart=values.integer(child_value(element, "lvlRestart"), "lvlRestart", LEVEL_RESTART),
        legal=is_on(element, "isLgl"),
        style_id=child_value(element, "pStyle"),
    )


def _levels(element: Element, values: AttributeReader) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for level in element.iterfind(w("lvl")):
        index = values.integer(attribute(level, "ilvl"), "ilvl", LIST_LEVEL)
        if index is not None:
            levels[index] = read_level(level, values)
    return levels


class NumberingDefinitions:
    """Every list in numbering.xml, plus the numbering styles (styles.xml) that lists may link to."""

    def __init__(
        self,
        abstracts: dict[int, AbstractList],
        instances: dict[int, ListInstance],
        numbering_styles: dict[str, int] | None = None,
        rejected: tuple[str, ...] = (),
    ) -> None:
        self.abstracts = abstracts
        self.instances = instances
        self.numbering_styles = numbering_styles or {}
        self.rejected = rejected  # attribute values read as absent, as messages

    @classmethod
    def from_elements(cls, numbering: Element | None, styles: Element | None) -> NumberingDefinitions:
        abstracts: dict[int, AbstractList] = {}
        instances: dict[int, ListInstance] = {}
        values = AttributeReader("in the numbering definitions")
        for element in numbering.iterfind(w("abstractNum")) if numbering is not None else ():
            abstract_id = values.integer(attribute(element, "abstractNumId"), "abstractNumId", LIST_ID)
            if abstract_id is not None:
                levels = _levels(element, values)
                link = child_value(element, "numStyleLink")
                abstracts[abstract_id] = AbstractList(abstract_id, MappingProxyType(levels), link)
        for element in numbering.iterfind(w("num")) if numbering is not None else ():
            num_id = values.integer(attribute(element, "numId"), "numId", LIST_ID)
            abstract_id = values.integer(child_value(element, "abstractNumId"), "abstractNumId", LIST_ID)
            if num_id is None or abstract_id is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for override in element.iterfind(w("lvlOverride")):
                index = values.integer(attribute(override, "ilvl"), "ilvl", LIST_LEVEL)
                if index is None:
                    continue
                start = values.integer(child_value(override, "startOverride"), "startOverride", LIST_START)
                if start is not None:
                    starts[index] = start
                level = child(override, "lvl")
                if level is not None:
                    overrides[index] = read_level(level, values)
            instances[num_id] = ListInstance(
                num_id, abstract_id, MappingProxyType(starts), MappingProxyType(overrides)
            )
        style_values = AttributeReader("in the styles")
        found = _numbering_styles(styles, style_values)
        return cls(abstracts, instances, found, values.taken() + style_values.taken())

    def abstract_of(self, num_id: int) -> AbstractList | None:
        """The abstract list behind a numId, following `w:numStyleLink` to a numbering style's list."""
        instance = self.instances.get(num_id)
        seen: set[int] = set()
        while instance is not None and instance.abstract_id not in seen:
            seen.add(instance.abstract_id)
            abstract = self.abstracts.get(instance.abstract_id)
            if abstract is None or abstract.num_style_link is None:
                return abstract
            linked = self.numbering_styles.get(abstract.num_style_link)
            instance = self.instances.get(linked) if linked is not None else None
        return None

    def level(self, num_id: int, index: int) -> Level:
        instance = self.instances.get(num_id)
        if instance is not None and index in instance.level_overrides:
            return instance.level_overrides[index]
        abstract = self.abstract_of(num_id)
        return abstract.levels.get(index, DEFAULT_LEVEL) if abstract else DEFAULT_LEVEL

    def start_override(self, num_id: int, index: int) -> int | None:
        """The `w:startOverride` of this numId's level, if it has one."""
        instance = self.instances.get(num_id)
        return None if instance is None else instance.start_overrides.get(index)

    def start(self, num_id: int, index: int) -> int:
        """Where a level of this numId starts and restarts: `w:startOverride` (17.9.27), else `w:start`."""
        override = self.start_override(num_id, index)
        return self.level(num_id, index).start if override is None else override

    def overridden_levels(self, num_id: int) -> Mapping[int, int]:
        """Each level this numId restarts (`w:startOverride`) and where."""
        instance = self.instances.get(num_id)
        return MappingProxyType({}) if instance is None else instance.start_overrides

    def level_for_style(self, num_id: int, style_id: str | None) -> int | None:
        """The level whose `w:pStyle` is this paragraph style, for numbering linked through a style."""
        abstract = self.abstract_of(num_id)
        if abstract is None or style_id is None:
            return None
        instance = self.instances.get(num_id)
        overrides = instance.level_overrides if instance is not None else {}
        levels = {**abstract.levels, **overrides}  # a w:lvlOverride/w:lvl may tie its level to a style
        return next((index for index, level in sorted(levels.items()) if level.style_id == style_id), None)

    def counter_key(self, num_id: int) -> int | None:
        """Paragraphs of every numId on one abstract list count together (ECMA-376 17.9); None: no list."""
        abstract = self.abstract_of(num_id) if num_id in self.instances else None
        return None if abstract is None else abstract.abstract_id


def _numbering_styles(styles: Element | None, values: AttributeReader) -> dict[str, int]:
    """The list of each numbering style (`w:type="numbering"`), which `w:numStyleLink` names."""
    found: dict[str, int] = {}
    for style in styles.iter(w("style")) if styles is not None else ():
        if attribute(style, "type") != "numbering":
            continue
        num_id = values.integer(child_value(child(child(style, "pPr"), "numPr"), "numId"), "numId", LIST_ID)
        style_id = attribute(style, "styleId")
        if num_id is not None and style_id is not None:
            found[style_id] = num_id
    return found
