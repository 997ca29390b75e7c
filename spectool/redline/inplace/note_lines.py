"""Changes to a footnote or endnote of several paragraphs, each written in the paragraph it falls in."""

from __future__ import annotations

from collections.abc import Sequence

from spectool.redline.inplace.runs import (
    Change,
    OffsetMap,
    mark_paragraph,
    revision,
    run_text,
    runs_of,
    write_changes,
)
from spectool.redline.revisions import DELETE, INSERT, MOVE_TO, RevisionIds
from spectool.wordml.names import Element


def write_note_changes(
    paragraphs: Sequence[Element], model_text: str, changes: Sequence[Change], ids: RevisionIds
) -> None:
    """Write `changes` (positions in `model_text`: the note's label, then its paragraphs' lines joined
    by spaces, as the redline's page shows a note) into the note's `paragraphs`, each change in the
    paragraph whose words it touches; a paragraph whose words all go loses its mark as well."""
    shown = [p for p in paragraphs if "".join(run_text(run) for run in runs_of(p)).strip()]
    if not shown:
        return
    starts = _model_starts(shown, model_text)
    ends = [*starts[1:], len(model_text)]
    for index, (paragraph, start, end) in enumerate(zip(shown, starts, ends, strict=True)):
        mine = _within(changes, start, end, last=index == len(shown) - 1)
        if not mine:
            continue
        write_changes(paragraph, model_text[start:end], mine, ids)
        if index and _all_gone(model_text[start:end], mine):
            # The mark before it goes too: the two paragraphs become one, with nothing of the gone one.
            mark_paragraph(shown[index - 1], revision(DELETE, ids))


def _model_starts(paragraphs: Sequence[Element], model_text: str) -> list[int]:
    """Where each paragraph's words start in the model's text: after the space that follows the words
    of the paragraph before (a label Word shows, "(b) ", goes with the paragraph it leads)."""
    texts = ["".join(run_text(run) for run in runs_of(p)) for p in paragraphs]
    offsets = OffsetMap(model_text, " ".join(texts))
    starts, joined_end = [0], 0
    for text in texts[:-1]:
        joined_end += len(text)
        before = [(a, b, size) for a, b, size in offsets.blocks if b < joined_end]
        if before:
            a, b, size = before[-1]
            at = a + min(joined_end, b + size) - b
        else:
            at = starts[-1]
        if at < len(model_text) and model_text[at] == " ":
            at += 1
        starts.append(max(at, starts[-1]))
        joined_end += 1  # the space between two paragraphs' words
    return starts


def _within(changes: Sequence[Change], start: int, end: int, *, last: bool) -> list[Change]:
    """The changes, or the parts of them, that fall in [start, end), at positions from `start`; new
    words at `end` belong to the paragraph after, unless this is the last."""
    out: list[Change] = []
    for change in changes:
        if change.kind in (INSERT, MOVE_TO):
            if start <= change.start < end or (last and change.start == end):
                out.append(Change(change.kind, change.start - start, change.start - start, change.text))
            continue
        low, high = max(change.start, start), min(change.end, end)
        if low < high:
            out.append(Change(change.kind, low - start, high - start))
    return out


def _all_gone(text: str, changes: Sequence[Change]) -> bool:
    """Do the deletions cover every word of `text`, with nothing new in it?"""
    if any(change.kind != DELETE for change in changes):
        return False
    covered: set[int] = set()
    for change in changes:
        covered.update(range(change.start, change.end))
    return all(position in covered for position, character in enumerate(text) if not character.isspace())
