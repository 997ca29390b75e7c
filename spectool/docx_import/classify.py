"""Say what each Word paragraph is in the spec's terms: heading, clause, sub-item, note, definition, line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spectool.docx_import.issues import excerpt
from spectool.docx_import.reading import WordParagraph
from spectool.model.numbers import ClauseNumber
from spectool.wordml.part_labels import named_heading

_DOTTED = re.compile(r"[0-9]+(?:[A-Z]{1,3}(?![A-Za-z]))?(?:\.[0-9]+(?:[A-Z]{1,3}(?![A-Za-z]))?)*")
# A typed inserted clause ("5.6.4A ESME shall ..."): three parts or more, so "2.5V supply" stays text.
_TYPED_INSERTED = re.compile(r"([0-9]+(?:\.[0-9]+){2,}[A-Z]{1,3}(?:\.[0-9]+)*)\.?\s+(\S.*)", re.DOTALL)
_TYPED_CLAUSE = re.compile(r"([0-9]+(?:\.[0-9]+)+)\.?(?:\s+(\S.*))?", re.DOTALL)
_INSERTED_PART = r"[0-9]+(?:(?-i:[A-Z]{1,3})(?![A-Za-z]))?"
_TYPED_HEADING = re.compile(
    rf"(?:section\s+)?({_INSERTED_PART}(?:\.{_INSERTED_PART})*)\.?(?:\s+(\S.*))?", re.DOTALL | re.I
)
_ITEM_LABEL = re.compile(r"\(?([a-z]{1,4})[.)]?")
_TYPED_ITEM = re.compile(r"\(?([a-z]{1,4})\)\s+(\S.*)", re.DOTALL)
_NOTE_LABEL = re.compile(r"notes?(?:\s+([0-9]+))?\s*[:.\-\u2013\u2014]?", re.IGNORECASE)
_TYPED_NOTE = re.compile(r"notes?(?:\s+([0-9]+))?\s*[:.\-\u2013\u2014]\s*(.*)", re.DOTALL | re.IGNORECASE)
_OTHER_LABEL = re.compile(r"(\([A-Z0-9]{1,4}\))\s+\S")
_TYPED_BULLET = re.compile(r"[\u2022\u00b7\u25aa\u25e6\u2023\u2043\-\u2013\u2014]\s+(\S.*)", re.DOTALL)
_CAPTION = re.compile(r"table(?:\s+[0-9]+|\s*:)", re.IGNORECASE)
_DEFINITION = re.compile(r'"([^"\n]+)"\s+(\S.*)', re.DOTALL)
_SENTENCE_END = (".", ";", ":", ",")
# The paragraph `spectool export` writes for a placeholder, as the source format writes it.
PLACEHOLDER_STYLE = "Placeholder"
_EXPORTED_PLACEHOLDER = re.compile(r"(Image|Chart|Equation|Object): (\S.*?)(?: -- (.*))?")
LETTER_FORMATS = ("lowerLetter",)
ROMAN_FORMATS = ("lowerRoman",)
# No specification numbers deeper or longer; past these a typed "number" is text, and a crafted one
# cannot open thousands of sections or overflow int() (4,300 digits).
MAX_NUMBER_PARTS = 12
MAX_PART_DIGITS = 9
_NOT_A_NUMBER = (
    f"{{}} is no clause number (at most {MAX_NUMBER_PARTS} parts of at most {MAX_PART_DIGITS} digits): "
    "read as text"
)


@dataclass(frozen=True, slots=True)
class Heading:
    source: WordParagraph
    number: ClauseNumber | None
    title: str
    label: str = ""  # without a section number, the number it shows: "Annex B", "V", "Appendix C"


@dataclass(frozen=True, slots=True)
class ClauseStart:
    source: WordParagraph
    number: ClauseNumber
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    source: WordParagraph
    label: str
    number_format: str | None  # from automatic numbering; None when the label was typed
    text: str


@dataclass(frozen=True, slots=True)
class NoteStart:
    source: WordParagraph
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class DefinitionStart:
    source: WordParagraph
    term: str
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """Unnumbered text: it continues whatever stands before it, if the format lets it."""

    source: WordParagraph
    text: str
    label: str = ""  # a label the format has no sub-item for: "(A)", "(1)", "1."
    warning: str = ""  # why what looks like a number is kept as text


@dataclass(frozen=True, slots=True)
class Caption:
    source: WordParagraph
    title: str


@dataclass(frozen=True, slots=True)
class PlaceholderLine:
    """A paragraph in the Placeholder style that `spectool export` writes in a picture's place."""

    source: WordParagraph
    kind: str
    target: str
    description: str


@dataclass(frozen=True, slots=True)
class Title:
    source: WordParagraph


@dataclass(frozen=True, slots=True)
class Contents:
    source: WordParagraph


@dataclass(frozen=True, slots=True)
class Blank:
    source: WordParagraph


Piece = (
    Heading
    | ClauseStart
    | Item
    | NoteStart
    | DefinitionStart
    | Line
    | Caption
    | Title
    | Contents
    | Blank
    | PlaceholderLine
)


def classify(paragraph: WordParagraph) -> Piece:
    label = paragraph.label
    shown_label = label.text.strip() if label is not None and not label.is_bullet else ""
    text = paragraph.text
    if paragraph.contents:
        return Contents(paragraph)
    if not text and not shown_label:
        return Blank(paragraph)
    if paragraph.title_style and label is None:
        return Title(paragraph)
    placeholder = _EXPORTED_PLACEHOLDER.fullmatch(text) if paragraph.style == PLACEHOLDER_STYLE else None
    if placeholder and label is None:
        return PlaceholderLine(paragraph, placeholder[1], placeholder[2], placeholder[3] or "")
    if paragraph.heading_level is not None:
        return _heading(paragraph, shown_label)
    if label is not None and (label.is_bullet or shown_label):
        return _numbered(paragraph, shown_label)  # a level that shows nothing leaves typed numbers to count
    if paragraph.note_style:
        typed = _TYPED_NOTE.fullmatch(text)
        return NoteStart(paragraph, typed[1] or "", typed[2]) if typed else NoteStart(paragraph, "", text)
    return _typed(paragraph)


def _heading(paragraph: WordParagraph, shown_label: str) -> Piece:
    number = _dotted_number(shown_label, minimum_depth=1)
    title = paragraph.text
    label = ""
    if number is None:
        typed = _TYPED_HEADING.fullmatch(title)
        number = _clause_number(typed[1]) if typed else None
        if typed and number is not None:
            title = typed[2] or ""
        elif shown_label:
            label = shown_label.rstrip(".:")
        else:
            label, title = named_heading(title) or ("", title)
    if number is not None and number.depth >= 2 and _reads_as_sentence(title):
        # Some documents number their clauses with a heading style; a sentence is no title.
        return ClauseStart(paragraph, number, title)
    return Heading(paragraph, number, " ".join(title.split()), " ".join(label.replace("]", ")").split()))


def _numbered(paragraph: WordParagraph, shown_label: str) -> Piece:
    label = paragraph.label
    assert label is not None
    text = paragraph.text
    if label.is_bullet:
        return Line(paragraph, f"- {text}")
    note = _NOTE_LABEL.fullmatch(shown_label)
    if note:
        return NoteStart(paragraph, note[1] or "", text)
    number = _dotted_number(shown_label, minimum_depth=2)
    if number is not None:
        return ClauseStart(paragraph, number, text)
    item = _ITEM_LABEL.fullmatch(shown_label)
    if item and label.number_format in LETTER_FORMATS + ROMAN_FORMATS:
        return Item(paragraph, item[1], label.number_format, text)
    return Line(paragraph, f"{shown_label} {text}".strip(), shown_label)


def _typed(paragraph: WordParagraph) -> Piece:
    text = paragraph.text
    note = _TYPED_NOTE.fullmatch(text)
    if note:
        return NoteStart(paragraph, note[1] or "", note[2])
    clause = _TYPED_CLAUSE.fullmatch(text) or _TYPED_INSERTED.fullmatch(text)
    if clause:
        number = _clause_number(clause[1])
        if number is None:
            return Line(paragraph, text, warning=_NOT_A_NUMBER.format(excerpt(clause[1])))
        if 0 not in number.parts:  # "0.5 seconds" is a quantity, not a clause
            return ClauseStart(paragraph, number, clause[2] or "")
    item = _TYPED_ITEM.fullmatch(text)
    if item:
        return Item(paragraph, item[1], None, item[2])
    other_label = _OTHER_LABEL.match(text)
    if other_label:
        return Line(paragraph, text, other_label[1])
    bullet = _TYPED_BULLET.fullmatch(text)
    if bullet:
        return Line(paragraph, f"- {bullet[1]}")
    if paragraph.caption_style or _CAPTION.match(text):
        return Caption(paragraph, text)
    definition = _DEFINITION.fullmatch(text)
    if definition:
        return DefinitionStart(paragraph, definition[1].strip(), definition[2])
    return Line(paragraph, text)


def _dotted_number(label: str, minimum_depth: int) -> ClauseNumber | None:
    """The dotted number in an automatic label such as "5.7.4.12" or "Section 5.7."."""
    found = _DOTTED.search(label)
    if found is None or label[found.end() :].strip(" .)") or not _only_words(label[: found.start()]):
        return None
    number = _clause_number(found[0])
    return number if number is not None and number.depth >= minimum_depth else None


def _clause_number(dotted: str) -> ClauseNumber | None:
    """ "5.7.4.12" as a number; None when it has more parts, or a part more digits, than a spec's have."""
    parts = dotted.split(".")
    if len(parts) > MAX_NUMBER_PARTS or any(
        len(part.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) > MAX_PART_DIGITS for part in parts
    ):
        return None
    try:
        return ClauseNumber.parse(dotted)
    except ValueError:
        return None


def _only_words(prefix: str) -> bool:
    return all(part.isalpha() for part in prefix.replace("(", " ").split())


def _reads_as_sentence(title: str) -> bool:
    return title.rstrip().endswith(_SENTENCE_END) or " shall " in f" {title} "
