"""The scope check: an amended spec may differ from its base only where the amendment says."""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.apply import AppliedSpec, apply_all
from spectool.amend.model import Amendment
from spectool.amend.reader import read_amendment
from spectool.amend.scope import expected_numbering, verify_scope
from spectool.model.document import Clause, Definition, Spec, Text
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import AMENDMENTS, amendment, bundled, small_corpus


def mp102a() -> tuple[Amendment, dict[str, AppliedSpec]]:
    read = read_amendment(AMENDMENTS / "MP102A.amend")
    return read, apply_all(read, bundled())


def with_clause(spec: Spec, number: str, change) -> Spec:  # type: ignore[no-untyped-def]
    sections = []
    for section in spec.sections:
        blocks = tuple(
            change(block) if isinstance(block, Clause) and block.id == number else block
            for block in section.blocks
        )
        sections.append(replace(section, blocks=tuple(b for b in blocks if b is not None)))
    return replace(spec, sections=tuple(sections))


def test_mp102a_changes_nothing_it_does_not_name() -> None:
    read, applied = mp102a()
    for key, result in applied.items():
        assert verify_scope(read, key, result.base, result.spec) == [], key


def test_a_clause_changed_behind_the_amendment_s_back_is_an_error() -> None:
    read, applied = mp102a()
    result = applied["SMETS2@5.0"]
    tampered = with_clause(result.spec, "5.6.6", lambda c: replace(c, text=Text(c.text.value + " Always.")))
    (problem,) = verify_scope(read, "SMETS2@5.0", result.base, tampered)
    assert problem.message == "SMETS2@5.0 clause 5.6.6 changed, but no instruction names it"
    assert problem.path.endswith("smets2-v5.0.spec") and problem.line > 0


def test_a_clause_lost_or_added_is_an_error() -> None:
    read, applied = mp102a()
    result = applied["SMETS2@4.2"]
    lost = with_clause(result.spec, "5.5.5", lambda c: None)
    assert [p.message for p in verify_scope(read, "SMETS2@4.2", result.base, lost)] == [
        "SMETS2@4.2 clause 5.5.5 is missing (expected as 5.5.5)"
    ]
    extra = with_clause(
        result.spec, "5.6.5", lambda c: replace(c, text=Text("Polyphase ESME shall do something else."))
    )
    assert [p.message for p in verify_scope(read, "SMETS2@4.2", result.base, extra)] == [
        "SMETS2@4.2 clause 5.6.5 is new, but no instruction inserts it"
    ]


def test_renumbering_not_asked_for_is_an_error() -> None:
    read, applied = mp102a()
    result = applied["CHTS@1.5"]
    # Consolidate as if the insertion had not renumbered: 4.4.3 (old) keeps its number, 4.4.4 goes.
    moved = with_clause(result.spec, "4.4.4", lambda c: replace(c, number=ClauseNumber.parse("4.4.6")))
    messages = [p.message for p in verify_scope(read, "CHTS@1.5", result.base, moved)]
    assert messages == [
        "CHTS@1.5 clause 4.4.3 is missing (expected as 4.4.4)",
        "CHTS@1.5 clause 4.4.6 is new, but no instruction inserts it",
    ]


def test_a_definition_or_heading_changed_is_an_error() -> None:
    read, applied = mp102a()
    result = applied["CHTS@1.5"]
    sections = list(result.spec.sections)
    glossary = next(i for i, s in enumerate(sections) if s.definitions)
    blocks = tuple(
        replace(b, text=Text("means the hub.")) if isinstance(b, Definition) and b.term == "HAN" else b
        for b in sections[glossary].blocks
    )
    sections[glossary] = replace(sections[glossary], blocks=blocks, title="Definitions")
    messages = [
        p.message
        for p in verify_scope(read, "CHTS@1.5", result.base, replace(result.spec, sections=tuple(sections)))
    ]
    assert messages == [
        "CHTS@1.5 headings changed, but no instruction changes a heading",
        'CHTS@1.5 the definition of "HAN" changed, but no instruction names it',
    ]


def test_the_expected_numbering_is_worked_out_from_the_instructions_alone() -> None:
    read = amendment(
        "Amendments to SMETS2 4.2\n\n1. Omit clause 5.4.1 and renumber the following clauses.\n"
        "2. After clause 5.4.3 insert:\n    5.4.4 ESME shall x.\n    5.4.5 ESME shall y.\n"
        "   and renumber the following clauses.\n"
    )
    base = small_corpus().specs[0]
    numbering = expected_numbering(base, read.instructions_for("SMETS2@4.2"))
    assert {str(k): str(v) for k, v in numbering.items()} == {
        "5.4.1": "None",
        "5.4.2": "5.4.1",
        "5.4.3": "5.4.2",
        "5.4.4": "5.4.5",
    }
