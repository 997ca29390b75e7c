"""Check that text edits changed a paragraph only inside whole-word occurrences of the words they quote.

Used by `apply --verify`: every character of the paragraph outside those occurrences must still be
there, in order (white space aside, since edited text is rewrapped), so "the" changed inside "other"
is caught however the edit came about.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from difflib import SequenceMatcher

from spectool.amend.edit_error import EditError
from spectool.amend.matching import Span, find_words
from spectool.amend.model import EditText
from spectool.amend.tables import row_index, table_index
from spectool.amend.textedit import Paragraph, segments
from spectool.model.document import Table

_WORD = re.compile(r"\S+")
# Quoted words split over words an earlier instruction wrote are looked for in parts this long at most.
_MOST_WORDS = 30


def stray_change(
    before: Paragraph, after: Paragraph, edits: list[EditText], terms: Collection[str]
) -> str | None:
    """Where `after` differs from `before` outside what `edits` quote, in words; None if nowhere."""
    old, new = dict(segments(before)), dict(segments(after))
    if old.keys() != new.keys():
        return "its sub-items or notes are not the same ones"
    for key, text in old.items():
        spans = [
            span
            for edit in edits
            if _reaches(edit, key, before)
            for span in quoted_spans(text.value, edit, terms)
        ]
        if not confined(text.value, new[key].value, spans):
            return _stray_words(text.value, new[key].value, _merged(spans))
    return None


def quoted_spans(text: str, edit: EditText, terms: Collection[str]) -> list[Span]:
    """Where the edit's quoted words stand in `text`, matched as `apply` matches them. Words that do
    not occur whole (an earlier instruction wrote some of them) count wherever a run of them occurs."""
    spans = list(find_words(text, edit.anchor, terms, edit.within).spans)
    if spans:
        return spans
    words = edit.anchor.split()[:_MOST_WORDS]
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = " ".join(words[first : first + size])
            spans.extend(find_words(text, part, terms, edit.within).spans)
    return spans


def confined(old: str, new: str, spans: list[Span]) -> bool:
    """Does `new` keep every part of `old` outside `spans`, in order, with anything at all in their place?"""
    parts: list[str] = []
    position = 0
    for start, end in _merged(spans):
        parts.append(_literal(old[position:start]))
        parts.append(r"(?:.*?)")
        position = end
    parts.append(_literal(old[position:]))
    return re.fullmatch("".join(parts), new, re.DOTALL) is not None


def _literal(text: str) -> str:
    """`text` as a pattern in which white space matches any white space, and may vanish at the ends."""
    words = text.split()
    if not words:
        return r"\s*"
    return r"\s*" + r"\s+".join(re.escape(word) for word in words) + r"\s*"


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _reaches(edit: EditText, key: tuple[str, ...], before: Paragraph) -> bool:
    """Could the edit have changed this piece: any piece, or only its sub-item's, Note's, table's or
    row's?"""
    place = edit.place
    if place.note:
        return key[0] == "note"
    if place.table:
        row = _row_key(before, place.row) if place.row is not None else None
        return key[0] == "cell" and (row is None or key[:3] == row)
    items = place.items
    return not items or (key[0] == "item" and key[1 : 1 + len(items)] == items)


def _row_key(paragraph: Paragraph, row: str) -> tuple[str, ...] | None:
    """("cell", table, row) for the named row's cells; None (any row) when no row has that name,
    since an earlier part may have renamed it."""
    try:
        index = table_index(paragraph)
        table = paragraph.attachments[index]
        assert isinstance(table, Table)
        return ("cell", str(index), str(row_index(table, row) + 1))
    except EditError:
        return None


def _stray_words(old: str, new: str, spans: list[Span]) -> str:
    """The first change, word by word, that lies outside `spans`, with a word of context either side."""
    old_words = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(old)]
    new_words = [match.group() for match in _WORD.finditer(new)]
    matcher = SequenceMatcher(None, [word for word, _, _ in old_words], new_words, autojunk=False)
    blocks = [block for block in matcher.get_opcodes() if block[0] != "equal"]
    for _, i1, i2, j1, j2 in blocks:
        start = old_words[i1][1] if i1 < len(old_words) else len(old)
        end = old_words[i2 - 1][2] if i2 > i1 else start
        if not any(first <= start and end <= last for first, last in spans):
            was = " ".join(word for word, _, _ in old_words[max(i1 - 1, 0) : i2 + 1])
            now = " ".join(new_words[max(j1 - 1, 0) : j2 + 1])
            return f'"{was}" became "{now}"'
    return "its words moved"
