"""Write a redline's changes into the body of the Word original: changed paragraphs in their own runs,
new paragraphs, rows and tables shaped like their neighbours, gone ones marked, moves as moves."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from spectool.diff.free import FREE_KINDS
from spectool.diff.model import (
    Op,
    ParagraphDiff,
    Presence,
    Redline,
    RowDiff,
    Side,
    TableDiff,
    UnitDiff,
)
from spectool.diff.words import diff_words
from spectool.docx_import.styles import StyleSheet
from spectool.redline.inplace.labels import without_label
from spectool.redline.inplace.locate import Located, Path, is_note_text
from spectool.redline.inplace.note_lines import NoteNumbersMoved, write_note_changes
from spectool.redline.inplace.runs import (
    OffsetMap,
    changes_of,
    mark_paragraph,
    new_run,
    revision,
    run_properties,
    run_text,
    runs_of,
    w_element,
    wrap_all,
    write_changes,
)
from spectool.redline.inplace.unnumbered import style_numbers, switch_numbering_off
from spectool.redline.revisions import DELETE, INSERT, MOVE_FROM, MOVE_TO, RevisionIds
from spectool.wordml.names import Element, local_name, w

# Marks that a copied paragraph, row or table must not carry twice: ids are unique in a part.
_UNIQUE = ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "commentReference")
TEXT_WIDTH = 9026  # twips between the margins of an A4 page with 1-inch margins


class UnplacedChange(ValueError):
    """A change the redline holds that the writer cannot place in the document."""


@dataclass(slots=True)
class BodyChanges:
    """What was written: the changed paragraphs of each unit (and of each definition's row)."""

    touched: dict[tuple[int, int | None, int | None], list[Element]] = field(default_factory=dict)

    def touch(self, place: tuple[int, int | None, int | None], paragraph: Element) -> None:
        found = self.touched.setdefault(place, [])
        if not found or found[-1] is not paragraph:
            found.append(paragraph)
        if place[1] is not None:
            self.touch((place[0], None, None), paragraph)

    def replace(self, gone: Element, kept: Element) -> None:
        """A paragraph merged into another: what was written in it is written in `kept`."""
        for place, paragraphs in self.touched.items():
            merged = [kept if paragraph is gone else paragraph for paragraph in paragraphs]
            self.touched[place] = [p for k, p in enumerate(merged) if k == 0 or merged[k - 1] is not p]


class BodyWriter:
    """Walks the units in reading order with a cursor: the element new blocks go after."""

    def __init__(
        self,
        redline: Redline,
        located: Located,
        ids: RevisionIds,
        notes: dict[Path, tuple[Element, ...]] | None = None,
        styles: StyleSheet | None = None,
    ) -> None:
        self.redline = redline
        self.styles = styles or StyleSheet({})  # to tell which paragraph styles Word numbers
        self.located = located
        self.ids = ids
        self.notes = notes or {}  # the paragraphs of each footnote and endnote, by the redline's path
        self.notes_written = False
        self.changes = BodyChanges()
        self.cursor: Element | None = None
        self.last_paragraph: dict[str, Element] = {}  # by redline style, the last located paragraph
        # The same for free text, kept apart: a new free paragraph never takes a clause's numbering.
        self.last_free: dict[str, Element] = {}
        self.any_paragraph: Element | None = None
        self.last_table: Element | None = None
        self.moved_from: dict[str, dict[int, Element]] = {}  # a move's old paragraphs by block number
        self.move_names: dict[str, int] = {}
        self._new_rows: list[Element] = []
        self.labels: dict[Element, str] = {}  # the label Word shows before a located paragraph's runs
        self._last_gone: list[tuple[Element, str]] = []

    def write(self) -> BodyChanges:
        for index, unit in enumerate(self.redline.units):
            if not isinstance(unit, UnitDiff):
                raise UnplacedChange("a redline in place holds the whole text: leave out --context")
            self._unit(index, unit)
        self._mark_last_gone()
        for container in {_container(p) for paragraphs in self.changes.touched.values() for p in paragraphs}:
            _hand_marks_back(container)
        return self.changes

    def _unit(self, index: int, unit: UnitDiff) -> None:
        if unit.side is Side.OLD:
            self.moved_from[unit.move] = {}
        written: list[Element] = []
        for number, block in enumerate(unit.blocks):
            place = (index, None, None)
            if unit.side is not None and not block.presence.on(unit.side):
                continue  # the half of a move that does not show this block
            if isinstance(block, ParagraphDiff):
                paragraph = self._paragraph(index, number, block, unit)
                if paragraph is not None:
                    written.append(paragraph)
                moved = self.located.paragraphs.get((index, number))
                if unit.side is Side.OLD and moved is not None:
                    self.moved_from[unit.move][number] = moved
            else:
                self._table(index, number, block, unit, place)
        if unit.move and written:
            self._move_range(unit, written)

    # Paragraphs of the body
    def _paragraph(self, index: int, number: int, block: ParagraphDiff, unit: UnitDiff) -> Element | None:
        place = (index, None, None)
        side = unit.side
        if (side is Side.NEW or block.presence is Presence.NEW) and is_note_text(block):
            # A note is a reference mark in the body and text in its own part: neither is written new.
            raise UnplacedChange("a footnote or endnote added or moved")
        if side is Side.NEW:
            like = self.moved_from.get(unit.move, {}).get(number)
            if like is None:
                like = self._like(block.style)
            paragraph = self._new_paragraph(block, like, moved=True)
            self._after_cursor(paragraph)
            self.changes.touch(place, paragraph)
            return paragraph
        if block.presence is Presence.NEW:
            free = unit.kind in FREE_KINDS
            like = self.last_free.get(block.style) if free else self._like(block.style)
            paragraph = self._new_paragraph(block, like, numbered=not free)
            self._after_cursor(paragraph)
            self.changes.touch(place, paragraph)
            return paragraph
        paragraph = self.located.paragraphs.get((index, number))
        if paragraph is None:  # a footnote or endnote, which stands in its own part
            if block.changed:
                self._note(index, number, block, unit)
            return None
        if unit.kind in FREE_KINDS:
            self.last_free[block.style] = paragraph
            self.labels[paragraph] = ""
        else:
            self._remember(block.style, paragraph, block.text(Side.OLD))
        self.cursor = _top(paragraph)
        if side is Side.OLD:
            self._moved_away(paragraph, block)
        elif block.presence is Presence.OLD:
            self._gone(paragraph)
        elif block.changed:
            self._reworded(paragraph, block)
        else:
            return None
        self.changes.touch(place, paragraph)
        return paragraph

    def _note(self, index: int, number: int, block: ParagraphDiff, unit: UnitDiff) -> None:
        """A reworded footnote or endnote, written in its own paragraph in its own part (the model's
        "Footnote 1: " label is the note's reference mark there, which stays as it is); the change is
        bookmarked and commented at the unit's first paragraph in the body, which cites it."""
        note = self.notes.get((index, number))
        if note is None:
            raise UnplacedChange("a change in a footnote or endnote the import recorded no paragraph for")
        if block.presence is not Presence.BOTH or unit.side is not None:
            raise UnplacedChange("a footnote or endnote added, removed or moved")
        if len(note) == 1:
            write_changes(note[0], block.text(Side.OLD), changes_of(block.segments), self.ids)
        else:  # each line of the note is a paragraph of it (as export writes a note)
            try:
                write_note_changes(note, block.text(Side.OLD), changes_of(block.segments), self.ids)
            except NoteNumbersMoved as error:
                raise UnplacedChange(str(error)) from None
        self.notes_written = True
        before = [self.located.paragraphs.get((index, earlier)) for earlier in range(number)]
        cites = next((paragraph for paragraph in before if paragraph is not None), None)
        if cites is not None:
            self.changes.touch((index, None, None), cites)

    def _reworded(self, paragraph: Element, block: ParagraphDiff) -> None:
        """Write a changed paragraph's words; where Word numbers it, the words after the numbers are
        compared afresh, so that a new number never reaches the text (Word shows it)."""
        old = block.text(Side.OLD)
        label = OffsetMap(old, "".join(run_text(run) for run in runs_of(paragraph))).label_length
        if not label:
            write_changes(paragraph, old, changes_of(block.segments), self.ids)
            return
        new, body, shown = block.text(Side.NEW), old[label:], old[:label]
        # The same label on both sides ("Part I " of a heading Word labels) is Word's; else a typed number.
        if new.startswith(shown) and not any(ch.isdigit() for ch in shown):
            new = new[label:]
        else:
            segments = without_label([s for s in block.segments if s.on(Side.NEW)], shown, leads=False)
            new = "".join(segment.text for segment in segments)
        write_changes(paragraph, body, changes_of(diff_words(body, new)), self.ids)

    def _moved_away(self, paragraph: Element, block: ParagraphDiff) -> None:
        kept = [segment for segment in block.segments if segment.on(Side.OLD)]
        write_changes(paragraph, block.text(Side.OLD), changes_of(kept, removed=MOVE_FROM), self.ids)
        self._mark(paragraph, MOVE_FROM)

    def _gone(self, paragraph: Element) -> None:
        wrap_all(paragraph, DELETE, self.ids)
        self._mark(paragraph, DELETE)

    def _mark(self, paragraph: Element, kind: str) -> None:
        """Mark the paragraph mark as gone, where Word can remove it: not before a table, and not on the
        last paragraph of the body or of a cell (an empty paragraph stays there instead)."""
        following = paragraph.getnext()
        while following is not None and local_name(following) in ("bookmarkEnd", "commentRangeEnd"):
            following = following.getnext()
        if following is None or local_name(following) != "p":
            parent = paragraph.getparent()
            if parent is not None and local_name(parent) == "body":
                if following is not None and local_name(following) == "tbl":
                    self._unnumber(paragraph, kind)
                else:
                    self._last_gone.append((paragraph, kind))  # new paragraphs may yet follow it
            return
        mark_paragraph(paragraph, revision(kind, self.ids))

    def _mark_last_gone(self) -> None:
        """The gone paragraphs that stood last in the body when they were marked: marked now if new
        paragraphs follow them, else their mark goes to the paragraph before (Word keeps the last)."""
        for paragraph, kind in self._last_gone:
            following = paragraph.getnext()
            while following is not None and local_name(following) in ("bookmarkEnd", "commentRangeEnd"):
                following = following.getnext()
            if following is not None and local_name(following) == "p":
                mark_paragraph(paragraph, revision(kind, self.ids))
            elif following is None or local_name(following) == "sectPr":
                self._mark_before(paragraph, kind)

    def _mark_before(self, paragraph: Element, kind: str) -> None:
        """The body's last paragraph gone: as Word records it, the untracked paragraph before the run of
        gone ones loses its mark instead, and the last mark (which stays) takes that paragraph's
        properties once all is accepted (w:pPrChange keeps its own), so no number of its own is left.
        A new paragraph just before it gives it its text instead, after the gone words."""
        before = paragraph.getprevious()
        while before is not None and (local_name(before) != "p" or _gone_mark(before)):
            if local_name(before) not in ("p", "bookmarkStart", "bookmarkEnd", "commentRangeEnd"):
                return  # a table between: the empty paragraph stays, as Word keeps one after a table
            before = before.getprevious()
        if before is None:
            self._unnumber(paragraph, kind)
            return
        if _new_mark(before) is not None:
            if before.getnext() is not paragraph:
                return  # gone paragraphs between: the empty paragraph stays
            _take_properties(paragraph, before, revision("pPrChange", self.ids))
            for node in list(before):
                if local_name(node) != "pPr":
                    paragraph.append(node)
            self.changes.replace(before, paragraph)
            parent = before.getparent()
            if parent is not None:
                parent.remove(before)
            return
        if _has_mark(before):
            return
        mark_paragraph(before, revision(kind, self.ids))
        _take_properties(paragraph, before, revision("pPrChange", self.ids))

    def _unnumber(self, paragraph: Element, kind: str) -> None:
        """A gone paragraph whose mark Word keeps (the body's only one, or one before a table) would keep
        its automatic number too. A numbered one goes whole instead, and an empty paragraph of its style
        but without its number comes after it (inserted, so reject all leaves the original as it was)."""
        properties = paragraph.find(w("pPr"))
        if properties is None or not (
            _numbered_automatically(paragraph) or style_numbers(self.styles, properties)
        ):
            return
        empty = w_element("p")
        copied = copy.deepcopy(properties)
        for node in list(copied):
            if local_name(node) in ("rPr", "sectPr", "pPrChange", "numPr"):
                copied.remove(node)
        if style_numbers(self.styles, copied):
            switch_numbering_off(copied)
        empty.append(copied)
        mark_paragraph(empty, revision(INSERT, self.ids))
        mark_paragraph(paragraph, revision(kind, self.ids))
        paragraph.addnext(empty)

    def _new_paragraph(
        self, block: ParagraphDiff, like: Element | None, *, moved: bool = False, numbered: bool = True
    ) -> Element:
        """A paragraph of the new version only, with the properties of `like` (its style and automatic
        numbering: a typed number is left out where the neighbour's number is Word's). Not `numbered`
        (free text, whose label, if any, is typed): without the neighbour's automatic number."""
        paragraph = w_element("p")
        properties = like.find(w("pPr")) if like is not None else None
        if properties is not None:
            copied = copy.deepcopy(properties)
            for name in (
                ("rPr", "sectPr", "pPrChange") if numbered else ("rPr", "sectPr", "pPrChange", "numPr")
            ):
                for node in copied.findall(w(name)):
                    copied.remove(node)
            if not numbered and style_numbers(self.styles, copied):
                switch_numbering_off(copied)
            paragraph.append(copied)
        template_run = runs_of(like)[0] if like is not None and runs_of(like) else None
        style = run_properties(template_run)
        segments = [s for s in block.segments if s.on(Side.NEW)]
        if numbered and like is not None and (self.labels.get(like) or _numbered_automatically(like)):
            # A clause's or section's text opens with its number (the page's); Word shows like's.
            segments = without_label(segments, self.labels.get(like, ""), leads=True)
        for segment in segments:
            kind = MOVE_TO if moved and segment.op is Op.EQUAL else INSERT
            wrapper = revision(kind, self.ids)
            wrapper.append(new_run(segment.text, style))
            paragraph.append(wrapper)
        mark_paragraph(paragraph, revision(MOVE_TO if moved else INSERT, self.ids))
        return paragraph

    def _like(self, style: str) -> Element | None:
        found = self.last_paragraph.get(style)
        return found if found is not None else self.any_paragraph

    def _remember(self, style: str, paragraph: Element, text: str) -> None:
        self.last_paragraph[style] = paragraph
        self.any_paragraph = paragraph
        runs = "".join(run_text(run) for run in runs_of(paragraph))
        # What its runs lack of the number the spec's text starts with: Word's label (w:numPr or style).
        self.labels[paragraph] = text[: OffsetMap(text, runs).label_length]

    def _after_cursor(self, element: Element) -> None:
        if self.cursor is None:
            first = _first_located(self.located)
            if first is None:
                raise UnplacedChange("the document has no paragraph of the old version to start from")
            first.addprevious(element)
        else:
            self.cursor.addnext(element)
        self.cursor = element

    def _move_range(self, unit: UnitDiff, paragraphs: list[Element]) -> None:
        kind = "moveFrom" if unit.side is Side.OLD else "moveTo"
        name = self.move_names.setdefault(unit.move, len(self.move_names) + 1)
        start = revision(f"{kind}RangeStart", self.ids)
        start.set(w("name"), f"move{name}")
        end = w_element(f"{kind}RangeEnd")
        end.set(w("id"), start.get(w("id")) or "")
        first = paragraphs[0]
        properties = first.find(w("pPr"))
        if properties is not None:
            properties.addnext(start)
        else:
            first.insert(0, start)
        paragraphs[-1].append(end)

    # Tables
    def _table(
        self, index: int, number: int, block: TableDiff, unit: UnitDiff, place: tuple[int, None, None]
    ) -> None:
        path = (index, number)
        if unit.side is Side.NEW or block.presence is Presence.NEW:
            table = self._new_table(block, path)
            self._after_cursor(table)
            following = table.getnext()
            if following is None or local_name(following) == "sectPr":
                # A body (or cell) ends with a paragraph: Word adds one after a last table too.
                table.addnext(w_element("p"))
            for row_number, row in enumerate(block.rows):
                if row.presence.on(Side.NEW):
                    self._touch_row((index, number, row_number), self._new_rows.pop(0))
            return
        table = self.located.tables.get(path)
        if table is None and not block.changed:
            return  # free text that stays as it is, left where it stands
        table = self.located.tables[path]
        self.last_table = table
        self.cursor = _top(table)
        gone = unit.side is Side.OLD or block.presence is Presence.OLD
        previous_row: Element | None = None
        unheaded = False  # the page's glossary header stood on no row of the table: rows go before
        for row_number, row in enumerate(block.rows):
            row_path = (*path, row_number)
            row_place = (index, number, row_number)
            if row.presence is Presence.NEW and not gone:
                if previous_row is not None:
                    element = self._new_row(row, previous_row, row_path)
                    previous_row.addnext(element)
                elif unheaded and (first := table.find(w("tr"))) is not None:
                    # Under a header the table never had: before its first row, shaped like it.
                    element = self._new_row(row, first, row_path)
                    first.addprevious(element)
                else:
                    raise UnplacedChange("a new first row of a table")
                previous_row = element
                self._touch_row(row_place, element)
                continue
            if row_path in self.located.unheaded:
                unheaded = True
                continue
            if not row.presence.on(Side.OLD):
                continue
            element = self.located.rows[row_path]
            previous_row = element
            if gone or row.presence is Presence.OLD:
                _mark_row(element, revision(DELETE, self.ids))
                for paragraph in element.iter(w("p")):
                    wrap_all(paragraph, DELETE, self.ids)
                self._touch_row(row_place, element)
                continue
            self._cells(row, row_path, row_place)

    def _cells(self, row: RowDiff, path: Path, place: tuple[int, int, int]) -> None:
        for cell_number, cell in enumerate(row.cells):
            previous: Element | None = None
            for block_number, block in enumerate(cell.blocks):
                key = (*path, cell_number, block_number)
                if not isinstance(block, ParagraphDiff):
                    if block.changed:
                        raise UnplacedChange("a change in a table inside a table cell")
                    continue
                if block.presence is Presence.NEW:
                    paragraph = self._new_paragraph(block, previous)
                    if previous is None:
                        raise UnplacedChange("a new first paragraph of a table cell")
                    previous.addnext(paragraph)
                    previous = paragraph
                    self.changes.touch(place, paragraph)
                    continue
                if not block.presence.on(Side.OLD):
                    continue
                paragraph = self.located.paragraphs[key]
                previous = paragraph
                if block.presence is Presence.OLD:
                    self._gone(paragraph)
                elif block.changed:
                    self._reworded(paragraph, block)
                else:
                    continue
                self.changes.touch(place, paragraph)

    def _touch_row(self, place: tuple[int, int, int], row: Element) -> None:
        for paragraph in row.iter(w("p")):
            self.changes.touch(place, paragraph)

    def _new_row(self, row: RowDiff, like: Element, path: Path) -> Element:
        """A copy of the row before it, emptied and filled with the new row's text, marked inserted."""
        element = copy.deepcopy(like)
        _strip_unique(element)
        cells = list(element.iterchildren(w("tc")))
        if len(cells) != len(row.cells):
            raise UnplacedChange(f"a new row of {len(row.cells)} cells beside a row of {len(cells)}")
        for cell, content in zip(cells, row.cells, strict=True):
            paragraphs = list(cell.iterchildren(w("p")))
            like_paragraph = paragraphs[0] if paragraphs else None
            for node in list(cell):
                if local_name(node) != "tcPr":
                    cell.remove(node)
            for block in content.blocks:
                if isinstance(block, ParagraphDiff):
                    cell.append(self._new_paragraph(block, like_paragraph))
            if cell.find(w("p")) is None:
                cell.append(w_element("p"))
            _unmark_last(cell)
        # The row copied may be one inserted just before: its own revision marks are not this row's.
        for mark in (
            *element.findall(f"{w('trPr')}/{w('ins')}"),
            *element.findall(f"{w('trPr')}/{w('del')}"),
        ):
            mark.getparent().remove(mark)
        _mark_row(element, revision(INSERT, self.ids))
        return element

    def _new_table(self, block: TableDiff, path: Path) -> Element:
        """A new table: the properties of the last table of the document, a grid of even columns."""
        table = w_element("tbl")
        if self.last_table is not None and self.last_table.find(w("tblPr")) is not None:
            table.append(copy.deepcopy(self.last_table.find(w("tblPr"))))
        else:
            properties = w_element("tblPr")
            width = w_element("tblW")
            width.set(w("w"), "0")
            width.set(w("type"), "auto")
            properties.append(width)
            table.append(properties)
        grid = w_element("tblGrid")
        for _ in range(block.columns):
            column = w_element("gridCol")
            column.set(w("w"), str(TEXT_WIDTH // max(block.columns, 1)))
            grid.append(column)
        table.append(grid)
        like = self.any_paragraph
        for row in block.rows:
            if not row.presence.on(Side.NEW):
                continue
            element = w_element("tr")
            _mark_row(element, revision(INSERT, self.ids))
            for cell in row.cells:
                cell_element = w_element("tc")
                for content in cell.blocks:
                    if isinstance(content, ParagraphDiff):
                        cell_element.append(self._new_paragraph(content, like))
                if cell_element.find(w("p")) is None:
                    cell_element.append(w_element("p"))
                _unmark_last(cell_element)
                element.append(cell_element)
            table.append(element)
            self._new_rows.append(element)
        return table


def _top(element: Element) -> Element:
    """The element itself, or the table that holds it: new body blocks go after whole tables."""
    outer = element
    for ancestor in element.iterancestors():
        if local_name(ancestor) == "body":
            return outer
        outer = ancestor
    return outer


def _first_located(located: Located) -> Element | None:
    candidates = [*located.paragraphs.values(), *located.tables.values()]
    if not candidates:
        return None
    body = next(candidates[0].iterancestors(w("body")), None)
    if body is None:
        return None
    tops = {_top(element) for element in candidates}
    return next((node for node in body if node in tops), None)


def _container(paragraph: Element) -> Element:
    """The body or table cell a paragraph stands in (through content controls)."""
    for ancestor in paragraph.iterancestors():
        if local_name(ancestor) in ("body", "tc"):
            return ancestor
    return paragraph.getparent()


def _hand_marks_back(container: Element) -> None:
    """A run of new paragraphs whose last is followed by no paragraph (the end of the body or cell, or a
    table) cannot end with a new mark: Word could not remove it. As Word records typing there, the
    paragraph just before the run takes a new mark and the run's last paragraph keeps its own."""
    paragraphs = list(container.iterchildren(w("p")))
    for index, paragraph in enumerate(paragraphs):
        kind = _new_mark(paragraph)
        if kind is None:
            continue
        following = paragraph.getnext()
        while following is not None and local_name(following) in ("bookmarkStart", "bookmarkEnd"):
            following = following.getnext()
        if following is not None and local_name(following) == "p":
            continue
        start = index
        while start > 0 and _new_mark(paragraphs[start - 1]) is not None:
            start -= 1
        before = paragraphs[start - 1] if start else None
        marks = kind.getparent()
        if marks is not None:
            marks.remove(kind)
        # With no paragraph just before the run to take the mark, the run's last mark stays untracked:
        # rejecting leaves an empty paragraph there, as Word keeps one after a table.
        if before is not None and before.getnext() is paragraphs[start] and not _has_mark(before):
            mark_paragraph(before, kind)


def _new_mark(paragraph: Element) -> Element | None:
    marks = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if marks is None:
        return None
    return next((node for node in marks if local_name(node) in (INSERT, MOVE_TO)), None)


def _take_properties(paragraph: Element, giver: Element, change: Element) -> None:
    """`paragraph` takes the properties of `giver` (its own mark kept), `change` (a w:pPrChange)
    recording its own."""
    own = paragraph.find(w("pPr"))
    taken = giver.find(w("pPr"))
    recorded = w_element("pPr")
    change.append(recorded)
    properties = w_element("pPr")
    for node in list(own) if own is not None else []:
        (properties if local_name(node) in ("rPr", "sectPr") else recorded).append(node)
    for node in reversed(list(taken) if taken is not None else []):
        if local_name(node) not in ("rPr", "sectPr", "pPrChange"):
            properties.insert(0, copy.deepcopy(node))
    properties.append(change)
    if own is not None:
        paragraph.replace(own, properties)
    else:
        paragraph.insert(0, properties)


def _gone_mark(paragraph: Element) -> bool:
    marks = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    return marks is not None and any(local_name(node) in (DELETE, MOVE_FROM) for node in marks)


def _has_mark(paragraph: Element) -> bool:
    marks = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    return marks is not None and any(
        local_name(node) in (INSERT, DELETE, MOVE_TO, MOVE_FROM) for node in marks
    )


def _unmark_last(cell: Element) -> None:
    """Word cannot remove a cell's last paragraph mark: the last paragraph keeps an untracked one."""
    paragraphs = cell.findall(w("p"))
    if not paragraphs:
        return
    marks = paragraphs[-1].find(f"{w('pPr')}/{w('rPr')}")
    if marks is None:
        return
    for name in (INSERT, DELETE, MOVE_TO, MOVE_FROM):
        for node in marks.findall(w(name)):
            marks.remove(node)


def _mark_row(row: Element, mark: Element) -> None:
    properties = row.find(w("trPr"))
    if properties is None:
        properties = w_element("trPr")
        position = 1 if row.find(w("tblPrEx")) is not None else 0
        row.insert(position, properties)
    properties.append(mark)


def _strip_unique(element: Element) -> None:
    for node in list(element.iter(*(w(name) for name in _UNIQUE))):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)


def _numbered_automatically(paragraph: Element) -> bool:
    """Does Word number the paragraph itself (w:numPr), rather than its text holding the number?"""
    properties = paragraph.find(w("pPr"))
    return properties is not None and properties.find(w("numPr")) is not None
