"""Tracked changes written into a paragraph's own runs: split where a change starts or ends, each piece
keeping its run's properties (w:rPr), deleted pieces wrapped in w:del, new text in w:ins beside them."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml import etree

from spectool.diff.model import Op, Segment
from spectool.redline.inplace.kept import holds_only_kept, set_apart_kept
from spectool.redline.revisions import DELETE, INSERT, MOVE_FROM, MOVE_TO, RevisionIds
from spectool.wordml.names import Element, local_name, w
from spectool.wordml.pieces import text_pieces

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Run content that shows as one character of text; anything else (fields, drawings) as none.
_ONE_CHARACTER = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": ""}
# Text a deletion hides changes name: w:delText for w:t, w:delInstrText for w:instrText.
_DELETED_NAMES = {"t": "delText", "instrText": "delInstrText"}


@dataclass(frozen=True, slots=True)
class Change:
    """A piece of the paragraph's old text, [start, end), that goes (`kind` DELETE or MOVE_FROM), or new
    text inserted at `start` (`kind` INSERT or MOVE_TO); positions are in the model's old text."""

    kind: str
    start: int
    end: int
    text: str = ""


def runs_of(paragraph: Element) -> list[Element]:
    """The paragraph's own runs in order (not those of a text box drawn inside one of them)."""
    return [run for run in paragraph.iter(w("r")) if _owner(run) is paragraph]


def run_text(run: Element) -> str:
    return "".join(_content_text(node) for node in run if local_name(node) != "rPr")


def changes_of(segments: Sequence[Segment], *, removed: str = DELETE, added: str = INSERT) -> list[Change]:
    """The segments of a paragraph diff as changes at positions of its old text; `removed` and `added`
    name the revision kinds (a moved clause's unchanged words go as MOVE_FROM at its old place)."""
    changes: list[Change] = []
    position = 0
    for segment in segments:
        if segment.op is Op.INSERT:
            if segment.text:
                changes.append(Change(added, position, position, segment.text))
            continue
        end = position + len(segment.text)
        if segment.op is Op.DELETE:
            changes.append(Change(DELETE, position, end))
        elif removed != DELETE:
            changes.append(Change(removed, position, end))
        position = end
    return changes


class OffsetMap:
    """Maps positions of the model's text of a paragraph to positions of its runs' text, which may lack
    an automatic number and differ in quotes or spaces."""

    def __init__(self, model: str, runs: str) -> None:
        self.model_length = len(model)
        if model == runs:
            self.blocks = [(0, 0, len(model))]
        elif model.endswith(runs):
            self.blocks = [(len(model) - len(runs), 0, len(runs))]
        else:
            matcher = SequenceMatcher(None, model, runs, autojunk=False)
            self.blocks = [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]
        self.runs_length = len(runs)

    @property
    def label_length(self) -> int:
        """How many leading characters of the model text the runs lack (an automatic number)."""
        if not self.blocks or self.blocks[0][1] != 0:
            return 0
        return self.blocks[0][0]

    def __call__(self, position: int) -> int:
        previous_model, previous_runs = 0, 0
        for model_start, runs_start, size in self.blocks:
            if position < model_start:
                gap = position - previous_model
                return min(previous_runs + gap, runs_start)
            if position <= model_start + size:
                return runs_start + position - model_start
            previous_model, previous_runs = model_start + size, runs_start + size
        return min(previous_runs + position - previous_model, self.runs_length)


def write_changes(
    paragraph: Element, model_text: str, changes: Sequence[Change], ids: RevisionIds
) -> tuple[Element, ...]:
    """Rewrite `paragraph` in place with `changes` (positions in `model_text`); the revision elements
    written, in order. An automatic number's label is Word's to show: changes inside it are left out."""
    runs = runs_of(paragraph)
    offsets = OffsetMap(model_text, "".join(run_text(run) for run in runs))
    label = offsets.label_length
    cuts: set[int] = set()
    placed: list[tuple[str, int, int, str]] = []
    for change in changes:
        if change.kind in (INSERT, MOVE_TO):
            if change.start < label:
                continue
            at = offsets(change.start)
            placed.append((change.kind, at, at, change.text))
            cuts.add(at)
        else:
            start, end = offsets(max(change.start, label)), offsets(max(change.end, label))
            if start < end:
                placed.append((change.kind, start, end, ""))
                cuts.update((start, end))
    pieces = _split_runs(runs, cuts)
    written: list[Element] = []
    kept: set[Element] = set()
    for kind, start, end, text in placed:
        if start == end:
            written.append(_insert_text(pieces, start, kind, text, ids, paragraph, kept))
        else:
            written.extend(_wrap(pieces, start, end, kind, ids, kept))
    mine = set(written)
    return tuple(element for element in paragraph.iter() if element in mine)


def wrap_all(paragraph: Element, kind: str, ids: RevisionIds) -> tuple[Element, ...]:
    """Every run of the paragraph marked `kind` (DELETE, MOVE_FROM): a whole paragraph that goes."""
    return tuple(_wrap_runs(runs_of(paragraph), kind, ids))


def new_run(text: str, properties: Element | None) -> Element:
    """A run of `text` with a copy of `properties`; a tab is a w:tab and a line break a w:br, so no
    character of `text` is lost (the diff's text has none, but a caller's may)."""
    run = w_element("r")
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for number, line in enumerate(text.split("\n")):
        if number:
            run.append(w_element("br"))
        for piece in text_pieces(line):
            if piece.tab:
                run.append(w_element("tab"))
                continue
            node = w_element("t")
            node.text = piece.text
            if piece.preserve:
                node.set(XML_SPACE, "preserve")
            run.append(node)
    return run


def revision(kind: str, ids: RevisionIds) -> Element:
    element = w_element(kind)
    element.set(w("id"), str(ids.take()))
    element.set(w("author"), ids.author)
    element.set(w("date"), ids.date)
    return element


def w_element(name: str) -> Element:
    return etree.Element(w(name))


def run_properties(run: Element | None) -> Element | None:
    return run.find(w("rPr")) if run is not None else None


def _owner(run: Element) -> Element | None:
    return next(run.iterancestors(w("p")), None)


def _content_text(node: Element) -> str:
    name = local_name(node)
    if name in ("t", "delText"):
        return node.text or ""
    return _ONE_CHARACTER.get(name, "")


_Piece = tuple[Element, int, int]  # a run and the positions of the paragraph's run text it holds


def _split_runs(runs: list[Element], cuts: set[int]) -> list[_Piece]:
    """Split runs so that every cut falls between two runs; the runs with their positions."""
    pieces: list[_Piece] = []
    position = 0
    for run in runs:
        start, end = position, position + len(run_text(run))
        current, done = run, 0
        for offset in sorted(cut - start for cut in cuts if start < cut < end):
            tail = _split_run(current, offset - done)
            pieces.append((current, start + done, start + offset))
            current, done = tail, offset
        pieces.append((current, start + done, end))
        position = end
    return pieces


def _split_run(run: Element, at: int) -> Element:
    """Cut `run` at `at` characters: `run` keeps the text before, the returned new run (after it, with
    a copy of its properties) the rest."""
    tail = w_element("r")
    for name, value in run.attrib.items():
        tail.set(name, value)
    properties = run.find(w("rPr"))
    if properties is not None:
        tail.append(copy.deepcopy(properties))
    position = 0
    moving = False
    for node in list(run):
        if local_name(node) == "rPr":
            continue
        if moving:
            tail.append(node)
            continue
        length = len(_content_text(node))
        if position + length <= at:
            position += length
            if position == at and length:
                moving = True
            continue
        # The cut falls inside this w:t.
        keep = at - position
        rest = copy.deepcopy(node)
        node.text = (node.text or "")[:keep]
        rest.text = (rest.text or "")[keep:]
        for part in (node, rest):
            _preserve(part)
        tail.append(rest)
        moving = True
    run.addnext(tail)
    return tail


def _preserve(node: Element) -> None:
    text = node.text or ""
    if text != text.strip() or "  " in text:
        node.set(XML_SPACE, "preserve")


def _wrap(
    pieces: list[_Piece], start: int, end: int, kind: str, ids: RevisionIds, kept: set[Element]
) -> list[Element]:
    """Wrap the runs between `start` and `end` in `kind`, all but their kept content, whose runs are
    added to `kept`."""
    inside = [run for run, first, last in pieces if start <= first and last <= end and last > first]
    words: list[Element] = []
    for run in inside:
        for part in set_apart_kept(run):
            (kept.add if holds_only_kept(part) else words.append)(part)
    return _wrap_runs(words, kind, ids)


def _wrap_runs(runs: list[Element], kind: str, ids: RevisionIds) -> list[Element]:
    """Wrap runs in revision elements, one for each stretch of runs that are siblings side by side."""
    wrappers: list[Element] = []
    current: Element | None = None
    for run in runs:
        if current is None or run.getprevious() is not current or run.getparent() is not current.getparent():
            current = revision(kind, ids)
            run.addprevious(current)
            wrappers.append(current)
        current.append(run)
        if kind == DELETE:
            for node in run.iter(w("t"), w("instrText")):
                node.tag = w(_DELETED_NAMES[local_name(node)])
    return wrappers


def _insert_text(
    pieces: list[_Piece],
    at: int,
    kind: str,
    text: str,
    ids: RevisionIds,
    paragraph: Element,
    kept: set[Element],
) -> Element:
    """New text at run position `at`, with the properties of the run before it (or after it). Kept
    content a deletion left standing goes after the new text: the words replacing the deleted ones
    join the words before it, as they would had it gone too."""
    before = [run for run, first, last in pieces if first < last <= at]
    after = [run for run, first, last in pieces if at <= first < last]
    wrapper = revision(kind, ids)
    neighbour = before[-1] if before else (after[0] if after else None)
    wrapper.append(new_run(text, run_properties(neighbour)))
    if before:
        anchor = before[-1]
        outer = anchor.getparent()
        if outer is not None and local_name(outer) in (DELETE, MOVE_FROM, INSERT, MOVE_TO):
            anchor = outer
        if anchor in kept:
            while (previous := anchor.getprevious()) is not None and previous in kept:
                anchor = previous
            anchor.addprevious(wrapper)
            return wrapper
        anchor.addnext(wrapper)
    elif after:
        anchor = after[0]
        outer = anchor.getparent()
        if outer is not None and local_name(outer) in (DELETE, MOVE_FROM, INSERT, MOVE_TO):
            anchor = outer
        anchor.addprevious(wrapper)
    else:
        paragraph.append(wrapper)
    return wrapper


def mark_paragraph(paragraph: Element, mark: Element) -> None:
    """Put a revision on the paragraph's mark (w:pPr/w:rPr): a new, gone or moved paragraph."""
    properties = paragraph.find(w("pPr"))
    if properties is None:
        properties = w_element("pPr")
        paragraph.insert(0, properties)
    marks = properties.find(w("rPr"))
    if marks is None:
        marks = w_element("rPr")
        # w:rPr comes after the other paragraph properties but before w:sectPr and w:pPrChange.
        later = [node for node in properties if local_name(node) in ("sectPr", "pPrChange")]
        if later:
            later[0].addprevious(marks)
        else:
            properties.append(marks)
    marks.insert(0, mark)
