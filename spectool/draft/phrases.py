"""Text edits within one clause or definition: the fewest, each quoting the shortest unique phrase."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from spectool.amend.model import EditText, Place, TextEditKind
from spectool.amend.textedit import EditError, Key, Paragraph, apply_edit, matches_in, segments

# A word as the amending language finds words (letters and digits joined by hyphens, numbers by
# points or commas), or one mark of punctuation.
_TOKEN = re.compile(r"\w+(?:[-.,]\w+)*|[^\w\s]")
_SPACES = re.compile(r"\s+")
# Hunks closer than this many tokens read better as one instruction than as two.
_JOIN_GAP = 2
_LONGEST_CONTEXT = 12


class NoTextEdit(Exception):
    """The change cannot be said as text edits (its shape changed): restate the paragraph."""


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


def flat(value: str) -> str:
    """Running text single-spaced, as compared and quoted."""
    return _SPACES.sub(" ", value).strip()


def text_edits(old: Paragraph, new: Paragraph, place: Place, terms: Collection[str]) -> list[EditText]:
    """Edits that turn `old` into `new` (same shape: the same pieces of running text); NoTextEdit else."""
    old_pieces, new_pieces = segments(old), segments(new)
    if [key for key, _ in old_pieces] != [key for key, _ in new_pieces]:
        raise NoTextEdit("the paragraph's sub-items, notes or tables changed")
    edits: list[EditText] = []
    current = old
    for (key, old_text), (_, new_text) in zip(old_pieces, new_pieces, strict=True):
        if flat(old_text.value) == flat(new_text.value):
            continue
        here = _place_of(key, place)
        before, after = flat(old_text.value), flat(new_text.value)
        # One stretch at a time, each found again in the text the previous edits left.
        for _ in range(len(_tokens(after)) + len(_tokens(before)) + 1):
            if before == after:
                break
            edit = _shortest_edit(current, before, after, _first_hunk(before, after), here, terms)
            current = apply_edit(current, edit, terms)
            edits.append(edit)
            before = flat(_piece(current, key))
    if [flat(text.value) for _, text in segments(current)] != [flat(text.value) for _, text in new_pieces]:
        raise NoTextEdit("the edits do not give the new text")
    return edits


def _place_of(key: Key, place: Place) -> Place:
    if key[0] == "item" and place.term is None:
        return Place(place.clause, tuple(key[1:]))
    return place


def _piece(paragraph: Paragraph, key: Key) -> str:
    return next(text.value for piece, text in segments(paragraph) if piece == key)


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class _Hunk:
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    room_before: int  # unchanged tokens before the hunk, usable as context
    room_after: int


def _first_hunk(before: str, after: str) -> _Hunk:
    """The first changed stretch of tokens, with the changes close after it that read better with it."""
    old, new = [t.text for t in _tokens(before)], [t.text for t in _tokens(after)]
    codes = [c for c in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    changed = [index for index, code in enumerate(codes) if code[0] != "equal"]
    if not changed:
        raise NoTextEdit("only spacing changed")
    first = last = changed[0]
    for index in changed[1:]:
        gap = codes[index - 1]
        if gap[0] == "equal" and gap[2] - gap[1] <= _JOIN_GAP and index - 1 == last + 1:
            last = index
        else:
            break
    start, end = codes[first], codes[last]
    room_before = codes[first - 1][2] - codes[first - 1][1] if first > 0 else 0
    room_after = codes[last + 1][2] - codes[last + 1][1] if last + 1 < len(codes) else 0
    return _Hunk(start[1], end[2], start[3], end[4], room_before, room_after)


def _shortest_edit(
    current: Paragraph, before: str, after: str, hunk: _Hunk, place: Place, terms: Collection[str]
) -> EditText:
    old_tokens, new_tokens = _tokens(before), _tokens(after)
    for left, right in _contexts(hunk):
        edit = _edit(old_tokens, new_tokens, before, after, hunk, left, right, place)
        if edit is None:
            continue
        if len(matches_in(current, edit, terms)) != 1:
            continue
        try:
            apply_edit(current, edit, terms)
        except EditError:
            continue
        return edit
    raise NoTextEdit("no phrase around the change is unique")


def _contexts(hunk: _Hunk) -> Iterator[tuple[int, int]]:
    """Context sizes (words before, words after), fewest first, before preferred to after."""
    for total in range(0, 2 * _LONGEST_CONTEXT + 1):
        for left in range(min(total, hunk.room_before), -1, -1):
            right = total - left
            if right <= hunk.room_after:
                yield left, right


def _edit(
    old: list[_Token],
    new: list[_Token],
    before: str,
    after: str,
    hunk: _Hunk,
    left: int,
    right: int,
    place: Place,
) -> EditText | None:
    removed = _span(before, old, hunk.old_start, hunk.old_end)
    added = _span(after, new, hunk.new_start, hunk.new_end)
    ahead = _span(before, old, hunk.old_start - left, hunk.old_start)
    behind = _span(before, old, hunk.old_end, hunk.old_end + right)
    if not removed:
        if left and not right:
            return EditText(place, TextEditKind.INSERT_AFTER, ahead, added)
        if right and not left:
            return EditText(place, TextEditKind.INSERT_BEFORE, behind, added)
        if not left and not right:
            return None
    if not added and not left and not right:
        return EditText(place, TextEditKind.OMIT, removed)
    anchor = _span(before, old, hunk.old_start - left, hunk.old_end + right)
    # The new words with the same context, spaced as the new text spaces them.
    replacement = _span(after, new, hunk.new_start - left, hunk.new_end + right)
    if not replacement:
        return None
    return EditText(place, TextEditKind.SUBSTITUTE, anchor, replacement)


def _span(text: str, tokens: list[_Token], start: int, end: int) -> str:
    if start >= end:
        return ""
    return text[tokens[start].start : tokens[end - 1].end]
