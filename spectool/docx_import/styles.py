"""Paragraph styles: which are headings (by name, basis or outline level), notes, captions, contents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spectool.docx_import.attributes import LIST_ID, LIST_LEVEL, OUTLINE_LEVEL, AttributeReader
from spectool.wordml.names import Element, attribute, child, child_value, w

_HEADING_NAME = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
_NOTE_NAME = re.compile(r"\bnotes?\b", re.IGNORECASE)
_CAPTION_NAME = re.compile(r"\bcaption\b", re.IGNORECASE)
_TOC_NAME = re.compile(r"(toc\s*[1-9]|table of contents|toc heading)", re.IGNORECASE)
BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "body text"


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What an import needs from one `w:style w:type="paragraph"`."""

    style_id: str
    name: str
    based_on: str | None = None
    outline_level: int | None = None  # 0-based as in w:outlineLvl, 9 for body text; None when not given
    num_id: int | None = None  # numbering linked to the style (w:pPr/w:numPr)
    level: int | None = None


def numbering_properties(
    properties: Element | None, values: AttributeReader
) -> tuple[int | None, int | None]:
    """(numId, ilvl) from a `w:pPr`; either may be missing."""
    numbering = child(properties, "numPr")
    num_id = values.integer(child_value(numbering, "numId"), "numId", LIST_ID)
    return num_id, values.integer(child_value(numbering, "ilvl"), "ilvl", LIST_LEVEL)


def outline_level(properties: Element | None, values: AttributeReader) -> int | None:
    """The 0-based `w:outlineLvl` of a `w:pPr` (9 for body text); None when it gives none."""
    return values.integer(child_value(properties, "outlineLvl"), "outlineLvl", OUTLINE_LEVEL)


class StyleSheet:
    """The document's paragraph styles, looked up by id along their `w:basedOn` chains."""

    def __init__(
        self,
        styles: dict[str, ParagraphStyle],
        default_id: str | None = None,
        rejected: tuple[str, ...] = (),
    ) -> None:
        self.styles = styles
        self.default_id = default_id
        self.rejected = rejected  # attribute values read as absent, as messages

    @classmethod
    def from_element(cls, root: Element | None) -> StyleSheet:
        styles: dict[str, ParagraphStyle] = {}
        default_id: str | None = None
        if root is None:
            return cls(styles)
        values = AttributeReader("in the styles")
        for element in root.iter(w("style")):
            if attribute(element, "type") != "paragraph":
                continue
            style_id = attribute(element, "styleId") or ""
            properties = child(element, "pPr")
            num_id, level = numbering_properties(properties, values)
            styles[style_id] = ParagraphStyle(
                style_id=style_id,
                name=child_value(element, "name") or style_id,
                based_on=child_value(element, "basedOn"),
                outline_level=outline_level(properties, values),
                num_id=num_id,
                level=level,
            )
            if attribute(element, "default") in ("1", "true", "on"):
                default_id = style_id
        return cls(styles, default_id, values.taken())

    def chain(self, style_id: str | None) -> Iterator[ParagraphStyle]:
        """The style and those it is based on, nearest first (a loop in basedOn ends the walk)."""
        seen: set[str] = set()
        current = style_id if style_id in self.styles else self.default_id
        while current is not None and current in self.styles and current not in seen:
            seen.add(current)
            style = self.styles[current]
            yield style
            current = style.based_on

    def name(self, style_id: str | None) -> str:
        style = next(self.chain(style_id), None)
        return style.name if style else ""

    def heading_level(self, style_id: str | None) -> int | None:
        """1 for "Heading 1" and styles based on it or at outline level 1; None for body styles.

        The outline level is a paragraph property, inherited along `w:basedOn` (ECMA-376 17.7.4.17):
        the nearest style that gives `w:outlineLvl` decides, body text (9) included, so a style based
        on "Heading 1" that says body text is no heading. A style's name is read only where no
        nearer style gives a level.
        """
        for style in self.chain(style_id):
            if _TOC_NAME.fullmatch(style.name):
                return None
            if style.outline_level is not None:
                return None if style.outline_level >= BODY_TEXT_OUTLINE else style.outline_level + 1
            match = _HEADING_NAME.fullmatch(style.name.strip())
            if match:
                return int(match[1])
        return None

    def is_note(self, style_id: str | None) -> bool:
        return any(_NOTE_NAME.search(style.name) for style in self.chain(style_id))

    def is_caption(self, style_id: str | None) -> bool:
        return any(_CAPTION_NAME.search(style.name) for style in self.chain(style_id))

    def is_title(self, style_id: str | None) -> bool:
        return any(style.name.strip().lower() == "title" for style in self.chain(style_id))

    def is_contents(self, style_id: str | None) -> bool:
        """A table-of-contents entry style ("toc 1" ...)."""
        return any(_TOC_NAME.fullmatch(style.name.strip()) for style in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[int, int | None] | None:
        """(numId, ilvl) of the numbering the style links to; None when it has none or switches it off.

        The numId and the ilvl are inherited along `w:basedOn` each on its own, as any paragraph
        property is: a "Heading 2" that gives only `w:ilvl="1"` takes the numId of the "Heading 1"
        it is based on. A style that names a list but no level leaves the level to the caller.
        """
        num_id: int | None = None
        level: int | None = None
        for style in self.chain(style_id):
            num_id = style.num_id if num_id is None else num_id
            level = style.level if level is None else level
        return None if num_id is None or num_id == 0 else (num_id, level)

    def style_id_of(self, style_id: str | None) -> str | None:
        """The id a paragraph's style resolves to (the default style when it names none or an unknown one)."""
        style = next(self.chain(style_id), None)
        return style.style_id if style else None
