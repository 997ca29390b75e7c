"""Issue 18, wording to accept: inserted numbers (`After clause 5.6.4 insert:` then `5.6.4A`, `5.6.4AA`,
`5.6.4B`), `Before clause X insert:`, and the synonyms `For clause X substitute:` and `For the
definition of "X" substitute:`; through apply, `--verify`, alignment, mirror to SMETS2 5.0 and the
redline (LibreOffice accept-all = applied text, reject-all = base)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import InsertClauses, SubstituteClause, SubstituteDefinition
from spectool.amend.scope import verify_scope
from spectool.amend.writer import render_amendment
from spectool.diff.align import PairKind, align_specs
from spectool.errors import InputError
from spectool.model.document import Spec
from tests.amend.helpers import PREAMBLE, amendment, problems_of, smets2
from tests.amend.redlining import assert_applied_verified_and_redlined
from tests.redline.office import Office

KEY = "SMETS2@4.2"
HEAD = "Amendments to SMETS2 4.2\n\n"


def ids(spec: Spec, section: str) -> list[str]:
    return [clause.id for clause in spec.clauses() if clause.id.startswith(section + ".")]


def refused(body: str) -> str:
    with pytest.raises(InputError) as caught:
        apply_target(amendment(HEAD + body), KEY, smets2())
    return str(caught.value)


def test_inserted_numbers_go_in_without_renumbering_anything() -> None:
    draft = amendment(
        HEAD + "1. After clause 5.6.4 insert:\n"
        "    5.6.4A Polyphase ESME shall keep the Communications Hub powered from any live phase.\n"
        "    5.6.4B Polyphase ESME shall record an Event when it changes the phase it uses.\n"
    )
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, InsertClauses) and instruction.operation.lettered
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.6") == ["5.6.1", "5.6.2", "5.6.3", "5.6.4", "5.6.4A", "5.6.4B"]
    assert applied.renumbered == {} and applied.inserted == {"5.6.4A", "5.6.4B"}
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []
    # An alignment of the base with the amended text sees two added clauses and nothing moved.
    alignment = align_specs(smets2(), applied.spec)
    assert sorted(str(pair.new.number) for pair in alignment.of_kind(PairKind.ADDED) if pair.new) == [
        "5.6.4A",
        "5.6.4B",
    ]
    assert alignment.of_kind(PairKind.RENUMBERED) == []


def test_a_number_between_two_inserted_numbers_takes_a_second_letter() -> None:
    first = amendment(
        HEAD + "1. After clause 5.5.2 insert:\n    5.5.2A ESME shall keep A.\n    5.5.2B ESME shall keep B.\n"
    )
    once = apply_target(first, KEY, smets2()).spec
    again = amendment(
        "Amendments to SMETS2 4.2\n\n1. After clause 5.5.2A insert:\n    5.5.2AA ESME shall keep AA.\n"
    )
    twice = apply_target(again, KEY, once)
    assert ids(twice.spec, "5.5")[:6] == ["5.5.1", "5.5.2", "5.5.2A", "5.5.2AA", "5.5.2B", "5.5.3"]
    assert verify_scope(again, KEY, once, twice.spec) == []
    # A number that would not sort between its neighbours is refused, naming them.
    clash = amendment("Amendments to SMETS2 4.2\n\n1. After clause 5.5.2A insert:\n    5.5.2C ESME shall.\n")
    with pytest.raises(InputError) as caught:
        apply_target(clash, KEY, once)
    assert "clause 5.5.2C would stand before clause 5.5.2B: number it before 5.5.2B" in str(caught.value)


def test_an_inserted_number_moves_with_its_neighbours_when_a_later_instruction_renumbers() -> None:
    draft = amendment(
        HEAD + "1. After clause 5.5.2 insert:\n    5.5.2A ESME shall keep it.\n\n"
        "2. Omit clause 5.5.1 and renumber the following clauses.\n"
    )
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.5") == ["5.5.1", "5.5.1A", "5.5.2", "5.5.3", "5.5.4"]
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "1. After clause 5.5.2 insert:\n    5.5.3A ESME shall.\n",
            "clause 5.5.3A follows clause 5.5.2: give it a number such as 5.5.2A",
        ),
        (
            "1. After clause 5.5.2 insert:\n    5.5.2A ESME shall.\n    5.5.3 ESME shall.\n",
            "the new clauses are numbered with letters, as 5.5.2A is: number clause 5.5.3 so too",
        ),
        (
            "1. After clause 5.5.2 insert:\n    5.5.2B ESME shall.\n    5.5.2A ESME shall.\n",
            "clause 5.5.2A must come after clause 5.5.2B",
        ),
        (
            "1. After clause 5.5.2 insert:\n    5.5.2A ESME shall.\n   and renumber the following clauses.\n",
            "a clause with an inserted number (such as 5.6.4A) moves no other clause",
        ),
        (
            "1. Before clause 5.5.2 insert:\n    5.5.2 ESME shall.\n",
            "a clause inserted before clause 5.5.2 takes its number: add 'and renumber the following "
            "clauses', or give it an inserted number such as 5.5.1A",
        ),
        (
            "1. Before clause 5.5.2 insert:\n    5.5.2A ESME shall.\n",
            "clause 5.5.2A goes before clause 5.5.2: give it a number that sorts before it",
        ),
    ],
)
def test_inserted_numbers_that_cannot_stand_are_refused_when_read(body: str, message: str) -> None:
    problems = problems_of(PREAMBLE.format(specs="SMETS2 4.2") + "\n" + HEAD + body)
    assert any(message in problem.message for problem in problems), [p.message for p in problems]


def test_before_clause_insert_with_renumbering_takes_the_number_and_moves_the_rest() -> None:
    draft = amendment(
        HEAD + "1. Before clause 5.5.2 insert:\n    5.5.2 ESME shall keep the Communications Hub powered.\n"
        "   and renumber the following clauses.\n"
    )
    (instruction,) = draft.targets[0].instructions
    assert isinstance(instruction.operation, InsertClauses) and instruction.operation.before
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.5") == ["5.5.1", "5.5.2", "5.5.3", "5.5.4", "5.5.5", "5.5.6"]
    moved = applied.spec.clause("5.5.3")
    assert moved is not None and moved.text.value.startswith(
        "ESME shall use the Communications Hub Interface"
    )
    assert {str(old): str(new) for old, new in applied.renumbered.items()} == {
        "5.5.2": "5.5.3",
        "5.5.3": "5.5.4",
        "5.5.4": "5.5.5",
        "5.5.5": "5.5.6",
    }
    assert verify_scope(draft, KEY, smets2(), applied.spec) == []


def test_before_clause_insert_with_an_inserted_number_moves_nothing() -> None:
    draft = amendment(HEAD + "1. Before clause 5.5.2 insert:\n    5.5.1A ESME shall keep it powered.\n")
    applied = apply_target(draft, KEY, smets2())
    assert ids(applied.spec, "5.5") == ["5.5.1", "5.5.1A", "5.5.2", "5.5.3", "5.5.4", "5.5.5"]
    assert applied.renumbered == {}
    twice = HEAD + (
        "1. Before clause 5.5.2 insert:\n    5.5.1A ESME shall.\n\n"
        "2. Before clause 5.5.2 insert:\n    5.5.1B ESME shall.\n"
    )
    assert "instruction 1 already inserts before clause 5.5.2" in refused(twice.removeprefix(HEAD))


def test_for_clause_substitute_and_for_the_definition_substitute_mean_the_substitute_forms() -> None:
    said = amendment(
        HEAD + "1. For clause 5.5.4 substitute:\n"
        "    5.5.4 ESME shall record an Event, and send an Alert, when the Communications Hub is taken\n"
        "      out of the Communications Hub Interface.\n\n"
        '2. For the definition of "Supply Outage" substitute:\n'
        '    "Supply Outage" means a period in which no phase of the Supply has voltage.\n'
    )
    first, second = said.targets[0].instructions
    assert isinstance(first.operation, SubstituteClause)
    assert isinstance(second.operation, SubstituteDefinition)
    same = amendment(render_amendment(said).split("Clauses affected: as below\n", 1)[1])
    assert "Substitute clause 5.5.4 with:" in render_amendment(said)
    assert same.targets == said.targets
    applied = apply_target(said, KEY, smets2())
    clause = applied.spec.clause("5.5.4")
    assert clause is not None and "is taken out of the Communications Hub Interface" in " ".join(
        clause.text.value.split()
    )
    assert verify_scope(said, KEY, smets2(), applied.spec) == []


BATCH = HEAD + (
    "1. After clause 5.6.4 insert:\n"
    "    5.6.4A Polyphase ESME shall keep the Communications Hub powered from any live phase.\n"
    "    5.6.4B Polyphase ESME shall record an Event when it changes the phase it uses.\n\n"
    "2. Before clause 5.5.2 insert:\n"
    "    5.5.1A ESME shall keep the Communications Hub powered while it restarts.\n\n"
    "3. Before clause 5.4.1.2 insert:\n"
    "    5.4.1.2 ESME shall check its clock against its own crystal at least once an hour.\n"
    "   and renumber the following clauses.\n\n"
    "4. For clause 5.5.4 substitute:\n"
    "    5.5.4 ESME shall record an Event, and send an Alert, when the Communications Hub is taken\n"
    "      out of the Communications Hub Interface.\n"
)


def test_mirror_carries_inserted_numbers_and_before_insertions_to_5_0() -> None:
    mirror = mirror_amendment(amendment(BATCH), smets2("4.2"), smets2("5.0"))
    rendered = mirror.render()
    assert "1. After clause 5.7.4 insert:\n    5.7.4A Polyphase ESME" in rendered
    assert "    5.7.4B Polyphase ESME" in rendered
    assert "2. Before clause 5.6.3 insert:\n    5.6.2A ESME shall" in rendered
    assert all(entry.proposed is not None for entry in mirror.entries)
    proposals = amendment(rendered, specs="SMETS2 5.0")
    applied = apply_target(proposals, "SMETS2@5.0", smets2("5.0"))
    assert {"5.7.4A", "5.7.4B", "5.6.2A"} <= applied.inserted
    assert verify_scope(proposals, "SMETS2@5.0", smets2("5.0"), applied.spec) == []


def test_the_redline_of_inserted_numbers_and_placed_clauses_accepts_and_rejects_exactly(
    office: Office, tmp_path: Path
) -> None:
    assert_applied_verified_and_redlined(office, tmp_path, amendment(BATCH), KEY, smets2())
