"""Issue 18, leftover 3: `--verify` holds a text edit of a section's opening Note to the words it
quotes, and a Note, table or paragraph standing alone in a section (which no instruction can name) to
what it was; XVER001 asks that a text edit of one version's opening Note be made in the other's."""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.apply import apply_target
from spectool.amend.in_step import out_of_step
from spectool.amend.scope import verify_scope
from spectool.model.corpus import Corpus
from spectool.model.document import Note, Section, Spec, Table, Text
from spectool.parsing import parse_spec
from tests.amend.helpers import amendment

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"
BASE = (
    "---\nspec: SMETS2\nversion: 4.2\ntitle: t\n---\n# 5 ESME\n## 5.5 Interface\n"
    "Note: this Section applies to single element ESME only.\n"
    "Table: Supply voltages\n| Variant | Volts |\n| --- | --- |\n"
    "| single | 230 |\n| poly | 400 |\nEnd Table\n"
    "5.5.1 ESME shall power the Communications Hub.\n"
    "5.5.2 ESME shall keep the Communications Hub powered.\n"
)
EDIT = HEAD + '1. In the Note to Section 5.5, for "single element" substitute "every".\n'


def base() -> Spec:
    return parse_spec(BASE, "small.spec")


def with_section(spec: Spec, blocks: tuple[object, ...]) -> Spec:
    sections = tuple(
        replace(section, blocks=blocks) if str(section.number) == "5.5" else section  # type: ignore[arg-type]
        for section in spec.sections
    )
    return replace(spec, sections=sections)


def section(spec: Spec) -> Section:
    found = spec.section("5.5")
    assert found is not None
    return found


def messages(body: str, amended: Spec) -> list[str]:
    return [problem.message for problem in verify_scope(amendment(body), KEY, base(), amended)]


def test_an_opening_note_edited_as_instructed_verifies_clean() -> None:
    applied = apply_target(amendment(EDIT), KEY, base()).spec
    note = section(applied).blocks[0]
    assert isinstance(note, Note) and note.text.flat == "this Section applies to every ESME only."
    assert messages(EDIT, applied) == []


def test_an_opening_note_changed_beyond_the_quoted_words_is_reported() -> None:
    applied = apply_target(amendment(EDIT), KEY, base()).spec
    note = section(applied).blocks[0]
    assert isinstance(note, Note)
    stray = replace(note, text=Text(note.text.value.replace("only", "alone")))
    tampered = with_section(applied, (stray, *section(applied).blocks[1:]))
    assert messages(EDIT, tampered) == [
        "SMETS2@4.2 the Note that opens Section 5.5 changed outside the whole words its instructions quote"
    ]


def test_a_table_standing_alone_that_changed_is_reported() -> None:
    body = HEAD + '1. In clause 5.5.1, for "power" substitute "supply power to".\n'
    applied = apply_target(amendment(body), KEY, base()).spec
    assert messages(body, applied) == []
    table = section(applied).blocks[1]
    assert isinstance(table, Table)
    changed = replace(table, rows=(("single", "240"), table.rows[1]), cell_starts=())
    tampered = with_section(applied, (section(applied).blocks[0], changed, *section(applied).blocks[2:]))
    assert messages(body, tampered) == [
        "SMETS2@4.2 a table standing alone in Section 5.5 changed, but no instruction can name it"
    ]
    lost = with_section(applied, (section(applied).blocks[0], *section(applied).blocks[2:]))
    assert messages(body, lost) == [
        "SMETS2@4.2 a table standing alone in Section 5.5 changed, but no instruction can name it"
    ]


def test_a_note_standing_alone_after_the_opening_one_is_held_too() -> None:
    spec = parse_spec(
        BASE.replace("Table: Supply voltages", "Note: a second Note.\nTable: Supply voltages"), "s.spec"
    )
    blocks = section(spec).blocks
    assert [type(block).__name__ for block in blocks[:3]] == ["Note", "Note", "Table"]
    second = blocks[1]
    assert isinstance(second, Note)
    tampered = with_section(spec, (blocks[0], replace(second, text=Text("a changed Note.")), *blocks[2:]))
    found = [p.message for p in verify_scope(amendment(EDIT), KEY, spec, tampered)]
    assert found == [
        "SMETS2@4.2 a Note standing alone in Section 5.5 changed, but no instruction can name it"
    ]


def test_xver001_asks_the_other_version_for_an_opening_note_s_text_edit() -> None:
    live = {"SMETS2": ["4.2", "5.0"]}
    old = base()
    new = parse_spec(BASE.replace("version: 4.2", "version: 5.0"), "new.spec")
    bases = Corpus((old, new))
    one_sided = amendment(EDIT)
    amended = Corpus((apply_target(one_sided, KEY, old).spec, new))
    (found,) = out_of_step(one_sided, bases, amended, live)
    assert (found.source, found.other, found.counterpart) == (KEY, "SMETS2@5.0", "the Note to Section 5.5")
    both = amendment(EDIT.replace("SMETS2 4.2", "SMETS2 4.2, 5.0"), specs="SMETS2 4.2, 5.0")
    amended = Corpus((apply_target(both, KEY, old).spec, apply_target(both, "SMETS2@5.0", new).spec))
    assert out_of_step(both, bases, amended, live) == []
    other_words = (
        EDIT
        + "\nAmendments to SMETS2 5.0\n\n"
        + '1. In the Note to Section 5.5, for "single element" substitute "each".\n'
    )
    apart = amendment(other_words, specs="SMETS2 4.2, 5.0")
    amended = Corpus((apply_target(apart, KEY, old).spec, apply_target(apart, "SMETS2@5.0", new).spec))
    assert [gap.source for gap in out_of_step(apart, bases, amended, live)] == [KEY, "SMETS2@5.0"]
