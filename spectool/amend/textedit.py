"""Apply one text edit (substitute, insert, omit) inside a clause or definition, exactly or not at all.

The quoted words are found in the paragraph's own text, its sub-items, its notes and the cells of its
tables, in reading order,
as whole words and never inside a longer defined term (`spectool.amend.matching`); a space in them
matches any run of spaces or line breaks, since the source wraps lines anywhere.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from spectool.amend.edit_error import EditError as EditError  # re-exported: most callers import it here
from spectool.amend.matching import Matches, find_words
from spectool.amend.model import EditText, Instruction, Occurrence, Place, TextEditKind, Which
from spectool.amend.notes import note_index
from spectool.amend.tables import row_index, table_index
from spectool.model.document import Attachment, Clause, Definition, Footnote, Note, SubItem, Table, Text
from spectool.parsing.references import find_references
from spectool.words import ordinal

Paragraph = Clause | Definition
# Where a piece of running text sits in a paragraph: ("text",), ("item", "a", "i"), ("note", "0"), or
# ("cell", "1", "3", "2") for attachment 1, row 3 (0 is the header), column 2; ("cell", "1", "title", "0")
# for its title.
Key = tuple[str, ...]

# Edited running text is rewrapped when a line grows past this (the source format's lines run to
# about 100 characters, with the clause number or sub-item label in front).
WRAP_AT = 90
_TITLE = "title"  # the row part of a table title's key: ("cell", "1", "title", "0")
_NO_SPACE_BEFORE = ",.;:)]"
_NO_SPACE_AFTER = "(["


@dataclass(frozen=True, slots=True)
class NewWords:
    """Where words an instruction brought in stand in a paragraph: characters start..end of a piece."""

    key: Key
    start: int
    end: int
    instruction: Instruction


def apply_edit(paragraph: Paragraph, edit: EditText, terms: Collection[str] = ()) -> Paragraph:
    """`paragraph` with the edit made; EditError if the quoted words do not pick out what it says.
    `terms` are the spec's defined terms, which the quoted words are not found inside."""
    return apply_tracked(paragraph, edit, [], None, terms)[0]


def apply_tracked(
    paragraph: Paragraph,
    edit: EditText,
    earlier: list[NewWords],
    instruction: Instruction | None,
    terms: Collection[str] = (),
) -> tuple[Paragraph, list[NewWords]]:
    """`apply_edit`, also moving the spans of words earlier instructions brought into the paragraph
    and adding the span of this instruction's own new words (when `instruction` is given)."""
    pieces = placed_pieces(paragraph, edit.place)
    if not pieces:
        labels = "".join(f"({label})" for label in edit.place.items)
        raise EditError(f"there is no sub-item {labels}")
    matches = find_matches(pieces, edit, terms)
    chosen = choose(matches, edit.occurrence, edit.anchor)
    texts = dict(pieces)
    spans = list(earlier)
    for key, start, end in sorted(chosen, key=lambda found: found[1], reverse=True):
        text = texts[key]
        value = _edit_value(text.value, start, end, edit)
        spans = moved_spans(spans, key, text.value, value)
        if instruction is not None and edit.text and edit.kind is not TextEditKind.OMIT:
            at = value.find(edit.text, max(start - 1, 0))
            if at >= 0:
                spans.append(NewWords(key, at, at + len(edit.text), instruction))
        if not value.strip() and key[0] != "cell":
            raise EditError(f"it would leave {_describe(key)} without words: {_instead(key, paragraph)}")
        if key[0] != "cell":  # a table row stands on one line
            value = reflow(value)
        texts[key] = Text(value, _line_starts(text.line_starts, value))
    return rebuild(paragraph, texts), spans


def reflow(value: str, limit: int = WRAP_AT) -> str:
    """`value` with its line breaks moved so that no line is longer than `limit`, if one was.

    Only single spaces and line breaks trade places, so every character keeps its offset and the
    spans of new words stay true."""
    if all(len(line) <= limit for line in value.split("\n")):
        return value
    chars = list(value)
    length = 0
    for index, char in enumerate(chars):
        if char not in " \n":
            length += 1
            continue
        end = index + 1
        while end < len(chars) and chars[end] not in " \n":
            end += 1
        if length and length + (end - index) > limit:
            chars[index], length = "\n", 0
        else:
            chars[index], length = " ", length + 1
    return "".join(chars)


def _line_starts(starts: tuple[tuple[int, int], ...], value: str) -> tuple[tuple[int, int], ...]:
    """Source positions for each line of edited text: the old ones, then made-up lines after the
    last, so that every character still has a position of its own."""
    lines = value.count("\n") + 1
    if not starts or lines <= len(starts):
        return starts
    last_line, column = starts[-1]
    return starts + tuple((last_line + n, column) for n in range(1, lines - len(starts) + 1))


def moved_spans(spans: list[NewWords], key: Key, old: str, new: str) -> list[NewWords]:
    """Spans in `key` after an edit turned `old` into `new`: kept before it, shifted after it,
    dropped where the edit overlapped them."""
    prefix = len(_common_prefix(old, new))
    suffix = len(_common_prefix(old[prefix:][::-1], new[prefix:][::-1]))
    old_end, shift = len(old) - suffix, len(new) - len(old)
    out = []
    for span in spans:
        if span.key != key or span.end <= prefix:
            out.append(span)
        elif span.start >= old_end:
            out.append(NewWords(span.key, span.start + shift, span.end + shift, span.instruction))
    return out


def _common_prefix(left: str, right: str) -> str:
    size = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        size += 1
    return left[:size]


class Found(list[tuple[Key, int, int]]):
    """The matches of quoted words in a paragraph's pieces, and the near misses left out of them."""

    inside_words: tuple[str, ...] = ()
    inside_terms: tuple[str, ...] = ()
    near: tuple[str, ...] = ()  # the words as written where only capitals or apostrophes differ


def matches_in(paragraph: Paragraph, edit: EditText, terms: Collection[str]) -> Found:
    """Where the edit's quoted words occur in the paragraph (within its sub-item, if it names one)."""
    return find_matches(placed_pieces(paragraph, edit.place), edit, terms)


def placed_pieces(paragraph: Paragraph, place: Place) -> list[tuple[Key, Text]]:
    """The pieces of running text the place names: all of them, a sub-item's, its one Note's, or the
    cells of the paragraph's table (of one row of it)."""
    pieces = [(key, text) for key, text in segments(paragraph) if _within(key, place.items)]
    if place.note:
        return [(key, text) for key, text in pieces if key == ("note", str(note_index(paragraph)))]
    if not place.table:
        return pieces
    index = table_index(paragraph)
    table = paragraph.attachments[index]
    assert isinstance(table, Table)
    row = None if place.row is None else str(row_index(table, place.row) + 1)  # 0 is the header
    return [
        (key, text)
        for key, text in pieces
        if key[0] == "cell" and key[1] == str(index) and (row is None or key[2] == row)
    ]


def find_matches(pieces: list[tuple[Key, Text]], edit: EditText, terms: Collection[str]) -> Found:
    """Whole-word matches of the edit's quoted words in the pieces, in reading order."""
    found = Found()
    words: list[str] = []
    cut: list[str] = []
    for key, text in pieces:
        matches: Matches = find_words(text.value, edit.anchor, terms, edit.within)
        found.extend((key, start, end) for start, end in matches.spans)
        words.extend(matches.inside_words)
        cut.extend(matches.inside_terms)
    found.inside_words = tuple(dict.fromkeys(words))
    found.inside_terms = tuple(dict.fromkeys(cut))
    if not found:
        found.near = tuple(_near_misses(pieces, edit.anchor))
    return found


def _missing(matches: list[tuple[Key, int, int]], anchor: str) -> str:
    """Why quoted words were not found, with the near misses that were left out."""
    message = f'"{anchor}" does not occur'
    if isinstance(matches, Found) and matches.inside_terms:
        terms = ", ".join(f'"{term}"' for term in matches.inside_terms)
        return (
            f"{message} outside the defined term {terms}: to change it there too, write "
            f'"{anchor}" (including within {terms})'
        )
    if isinstance(matches, Found) and matches.near:
        return f'{message}: did you mean "{matches.near[0]}"?'
    if isinstance(matches, Found) and matches.inside_words:
        inside = ", ".join(f'"{word}"' for word in matches.inside_words[:3])
        return f"{message} as a whole word (only inside {inside}): quote the whole words"
    return message


_SAME_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _near_misses(pieces: list[tuple[Key, Text]], anchor: str) -> list[str]:
    """The words as the text has them where the quoted words differ only in capitals or in the
    style of apostrophes and quotation marks."""
    wanted = anchor.translate(_SAME_MARKS).lower()
    out = []
    for _, text in pieces:
        folded = text.value.translate(_SAME_MARKS).lower()
        if len(folded) != len(text.value):
            continue
        for start, end in find_words(folded, wanted).spans:
            out.append(" ".join(text.value[start:end].split()))
    return list(dict.fromkeys(out))


def choose(
    matches: list[tuple[Key, int, int]], occurrence: Occurrence, anchor: str
) -> list[tuple[Key, int, int]]:
    """The matches an occurrence picks out; EditError when there are none or too many."""
    count = len(matches)
    if count == 0:
        raise EditError(_missing(matches, anchor))
    if occurrence.which is Which.ONLY and count > 1:
        raise EditError(
            f'"{anchor}" occurs {count} times: say which, e.g. "the 2nd occurrence of", '
            'or "every occurrence of"'
        )
    if occurrence.which is Which.NTH:
        if occurrence.nth > count:
            raise EditError(
                f'"{anchor}" occurs {_times(count)}, so it has no {ordinal(occurrence.nth)} occurrence'
            )
        return [matches[occurrence.nth - 1]]
    if occurrence.which is Which.LAST:
        return [matches[-1]]
    return matches


def segments(paragraph: Paragraph) -> list[tuple[Key, Text]]:
    """Every piece of running text in the paragraph, in reading order."""
    out: list[tuple[Key, Text]] = [(("text",), paragraph.text)]
    for item in paragraph.items:
        out.extend(_item_segments(item, ()))
    for index, attachment in enumerate(paragraph.attachments):
        if isinstance(attachment, Note | Footnote):
            out.append((("note", str(index)), attachment.text))
        else:
            out.extend(_cell_segments(attachment, str(index)))
    return out


def _cell_segments(table: Table, index: str) -> list[tuple[Key, Text]]:
    rows = (table.header, *table.rows)
    # The title reads as one more line of the table: "In the table in clause X" reaches it, a row does not.
    title: list[tuple[Key, Text]] = [(("cell", index, _TITLE, "0"), Text(table.title))] if table.title else []
    return title + [
        (("cell", index, str(row), str(column)), Text(cell))
        for row, cells in enumerate(rows)
        for column, cell in enumerate(cells)
    ]


def rebuild(paragraph: Paragraph, texts: dict[Key, Text]) -> Paragraph:
    """`paragraph` with the pieces of running text in `texts` replaced and their references found again."""
    text = texts.get(("text",), paragraph.text)
    items = tuple(_rebuild_item(item, (), texts) for item in paragraph.items)
    attachments = tuple(
        _rebuild_attachment(attachment, str(index), texts)
        for index, attachment in enumerate(paragraph.attachments)
    )
    return replace(
        paragraph, text=text, items=items, attachments=attachments, references=find_references(text)
    )


def _item_segments(item: SubItem, path: tuple[str, ...]) -> list[tuple[Key, Text]]:
    here = (*path, item.label)
    out: list[tuple[Key, Text]] = [(("item", *here), item.text)]
    for child in item.items:
        out.extend(_item_segments(child, here))
    return out


def _rebuild_item(item: SubItem, path: tuple[str, ...], texts: dict[Key, Text]) -> SubItem:
    here = (*path, item.label)
    text = texts.get(("item", *here), item.text)
    children = tuple(_rebuild_item(child, here, texts) for child in item.items)
    if text is item.text and all(new is old for new, old in zip(children, item.items, strict=True)):
        return item
    return replace(item, text=text, items=children, references=find_references(text))


def _rebuild_attachment(attachment: Attachment, index: str, texts: dict[Key, Text]) -> Attachment:
    if isinstance(attachment, Note | Footnote):
        text = texts.get(("note", index))
        if text is None or text is attachment.text:
            return attachment
        return replace(attachment, text=text, references=find_references(text))
    rows = (attachment.header, *attachment.rows)
    cells = [
        tuple(
            texts[key].value if (key := ("cell", index, str(row), str(column))) in texts else cell
            for column, cell in enumerate(cells)
        )
        for row, cells in enumerate(rows)
    ]
    title = texts.get(("cell", index, _TITLE, "0"))
    new_title = title.value if title is not None else attachment.title
    if cells == list(rows) and new_title == attachment.title:
        return attachment
    return replace(attachment, title=new_title, header=cells[0], rows=tuple(cells[1:]))


def _within(key: Key, items: tuple[str, ...]) -> bool:
    """Is this piece of text inside the sub-item the instruction names (or anywhere, if it names none)?"""
    if not items:
        return True
    return key[0] == "item" and key[1 : 1 + len(items)] == items


def _edit_value(value: str, start: int, end: int, edit: EditText) -> str:
    before, found, after = value[:start], value[start:end], value[end:]
    if edit.kind is TextEditKind.SUBSTITUTE:
        return before + edit.text + after
    if edit.kind is TextEditKind.INSERT_AFTER:
        return before + found + _space_between(found, edit.text) + edit.text + after
    if edit.kind is TextEditKind.INSERT_BEFORE:
        return before + edit.text + _space_between(edit.text, found) + found + after
    return _close_gap(before, after)


def _space_between(left: str, right: str) -> str:
    """New words are set off from the words they are anchored at by one space, as a drafter expects,
    except before punctuation and after an opening bracket, or where a space is already quoted."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    if right[0] in _NO_SPACE_BEFORE or left[-1] in _NO_SPACE_AFTER:
        return ""
    return " "


def _close_gap(before: str, after: str) -> str:
    """Join the text either side of omitted words without a doubled space or a space before a comma."""
    if not before.strip():
        return after.lstrip()
    if not after.strip():
        return before.rstrip() + after.strip()
    if before[-1] == " " and (after[0] == "\n" or after[0] in _NO_SPACE_BEFORE):
        return before.rstrip(" ") + after
    if before[-1].isspace() and after[0] == " ":
        return before + after[1:]
    return before + after


def _describe(key: Key) -> str:
    if key[0] == "item":
        return "sub-item " + "".join(f"({label})" for label in key[1:])
    return "its note" if key[0] == "note" else "its text"


def _instead(key: Key, paragraph: Paragraph) -> str:
    """What emptying a piece means, said as the instruction that does it."""
    where = f"clause {paragraph.number}" if isinstance(paragraph, Clause) else "clause X"
    if key[0] == "item":
        labels = "".join(f"({label})" for label in key[1:])
        return f'omit the sub-item itself ("Omit {where}{labels}.")'
    if key[0] == "note":
        return f'omit the note itself ("Omit the Note to {where}.")'
    return "omit it whole, or substitute it"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
