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
    labels = [
        OffsetMap(model_text[start:end], "".join(run_text(run) for run in runs_of(paragraph))).label_length
        for paragraph, start, end in zip(shown, starts, ends, strict=True)
    ]
    # New words go after the label Word shows: those at a line's label end the line before.
    firsts = [0, *(start + label for start, label in zip(starts[1:], labels[1:], strict=True))]
    for index, (paragraph, start, end) in enumerate(zip(shown, starts, ends, strict=True)):
        last = index == len(shown) - 1
        mine = _within(
            changes, (start, end), (firsts[index], len(model_text) + 1 if last else firsts[index + 1])
        )
        if not mine:
            continue
        gone = _all_gone(model_text[start:end], mine)
        if (
            index
            and labels[index]
            and not gone
            and any(c.kind == DELETE and c.start < labels[index] for c in mine)
        ):
            raise NoteNumbersMoved(
                "a change to a footnote or endnote that moves the numbers Word shows on its lines (a "
                "numbered line removed or renumbered): make it in Word, or use the template redline"
            )
        write_changes(paragraph, model_text[start:end], mine, ids)
        if index and gone:
            # The mark before it goes too: the two paragraphs become one, with nothing of the gone one.
            mark_paragraph(shown[index - 1], revision(DELETE, ids))


class NoteNumbersMoved(ValueError):
    """A change to a note's lines that Word's numbering of them would show otherwise than the spec."""


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


def _within(changes: Sequence[Change], words: tuple[int, int], inserts: tuple[int, int]) -> list[Change]:
    """The changes, or the parts of them, that fall in a paragraph's `words` [start, end) of the model's
    text, at positions from its start; new words where they are in [`inserts`)."""
    start, end = words
    out: list[Change] = []
    for change in changes:
        if change.kind in (INSERT, MOVE_TO):
            if inserts[0] <= change.start < min(inserts[1], end):
                out.append(Change(change.kind, change.start - start, change.start - start, change.text))
            elif inserts[0] <= change.start < inserts[1]:  # at the next line's label: this line's end
                out.append(Change(change.kind, end - start, end - start, f" {change.text.strip()}"))
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
