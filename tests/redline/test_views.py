"""Where paragraph marks go: Word and LibreOffice must read a run of whole paragraphs alike."""

from __future__ import annotations

from spectool.redline.view import ParagraphView, RunView, TableView, shift_marks


def paragraph(mark: str | None, style: str = "Clause", unit: int = 0) -> ParagraphView:
    return ParagraphView(style, [RunView(mark, "text")], mark, unit)


def marks(views: list[ParagraphView | TableView]) -> list[str | None]:
    return [view.mark_kind if isinstance(view, ParagraphView) else "table" for view in views]


def test_deletions_before_an_untracked_paragraph_keep_their_own_marks() -> None:
    views: list[ParagraphView | TableView] = [
        paragraph(None),
        paragraph("del"),
        paragraph("ins"),
        paragraph(None),
    ]
    shift_marks(views)
    assert marks(views) == [None, "del", "ins", None]


def test_insertions_hand_their_marks_back_as_word_records_typing() -> None:
    views: list[ParagraphView | TableView] = [
        paragraph(None, "SubItem1"),
        paragraph("ins", "SubItem1"),
        paragraph("ins", "Note"),
        paragraph(None),
    ]
    shift_marks(views)
    assert marks(views) == ["ins", "ins", None, None]
    last = views[2]
    assert isinstance(last, ParagraphView)
    # After rejecting, the text that ends at this mark is the paragraph before the run.
    assert (last.style, last.style_before) == ("Note", "SubItem1")


def test_a_run_that_ends_the_container_hands_its_marks_back() -> None:
    views: list[ParagraphView | TableView] = [paragraph(None, "Clause"), paragraph("del", "Note")]
    shift_marks(views)
    assert marks(views) == ["del", None]
    last = views[1]
    assert isinstance(last, ParagraphView)
    # After accepting, the clause's text ends at the note's mark: it must carry the clause's style.
    assert (last.style, last.style_before) == ("Clause", "Note")


def test_a_run_before_a_table_hands_its_marks_back() -> None:
    table = TableView("SpecTable", [100], [])
    views: list[ParagraphView | TableView] = [paragraph(None), paragraph("del"), paragraph("del"), table]
    shift_marks(views)
    assert marks(views) == ["del", "del", None, "table"]


def test_with_nothing_before_the_run_the_last_mark_is_dropped() -> None:
    views: list[ParagraphView | TableView] = [paragraph("ins"), paragraph("ins")]
    shift_marks(views)
    assert marks(views) == ["ins", None]


def test_a_move_mark_handed_to_another_unit_becomes_plain() -> None:
    views: list[ParagraphView | TableView] = [
        paragraph(None, unit=0),
        paragraph("moveTo", unit=1),
        paragraph("moveTo", unit=1),
    ]
    shift_marks(views)
    assert marks(views) == ["ins", "moveTo", None]
