"""Issue 18, defect 1: quoted words are matched as whole words and whole defined terms, and
`apply --verify` catches any change outside the whole words an instruction quotes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spectool.amend.apply import apply_target
from spectool.amend.matching import find_words
from spectool.amend.scope import verify_scope
from spectool.errors import InputError
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from spectool.parsing.writer import render_clause
from tests.amend.helpers import amendment, bundled

KEY = "SMETS2@4.2"


def base() -> Spec:
    spec = bundled().get("SMETS2", "4.2")
    assert spec is not None
    return spec


def applied_clause(instruction: str, number: str = "5.5.3") -> str:
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    spec = apply_target(draft, KEY, base()).spec
    found = spec.clause(number)
    assert found is not None
    return " ".join(render_clause(found).split())


def refusal(instruction: str) -> str:
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    with pytest.raises(InputError) as caught:
        apply_target(draft, KEY, base())
    (problem,) = caught.value.problems
    return problem.message


def test_the_last_the_is_a_whole_word_not_the_inside_of_other() -> None:
    text = applied_clause('In clause 5.5.3, for the last occurrence of "the" substitute "a".')
    assert "all other operating conditions" in text
    assert "keep a Communications Hub powered" in text
    assert "oar" not in text


def test_the_second_power_is_not_the_inside_of_powered() -> None:
    text = applied_clause('In clause 5.5.3, for the 2nd occurrence of "power" substitute "energy".')
    assert "energyed" not in text
    assert "Communications Hub powered" in text
    assert "a mains energy failure" in text


def test_occurrence_counts_use_whole_words() -> None:
    message = refusal('In clause 5.5.3, for "the" substitute "a".')
    # "the" stands four times as a word in 5.5.3; "other" does not count.
    assert '"the" occurs 4 times' in message
    message = refusal('In clause 5.5.3, for the 3rd occurrence of "power" substitute "energy".')
    assert '"power" occurs twice' in message or '"power" occurs 2 times' in message


def test_a_term_is_not_found_inside_a_longer_defined_term() -> None:
    text = applied_clause('In clause 5.5.3, for "Communications Hub" substitute "hub".')
    assert "keep the hub powered" in text
    assert "through the Communications Hub Interface" in text


def test_the_drafter_names_the_longer_term_to_reach_inside_it() -> None:
    message = refusal(
        'In clause 5.5.3, for "Communications Hub" (including within "Communications Hub Interface") '
        'substitute "hub".'
    )
    assert '"Communications Hub" occurs 2 times' in message
    text = applied_clause(
        'In clause 5.5.3, for every occurrence of "Communications Hub" (including within '
        '"Communications Hub Interface") substitute "CH".'
    )
    assert "through the CH Interface" in text and "keep the CH powered" in text


def test_words_only_inside_a_longer_term_are_refused_with_the_way_to_say_so() -> None:
    message = refusal('In clause 5.5.2, for "Communications Hub" substitute "hub".')
    assert '"Communications Hub" does not occur outside the defined term "Communications Hub Interface"' in (
        message
    )
    assert '(including within "Communications Hub Interface")' in message


def test_words_only_inside_longer_words_are_refused_naming_those_words() -> None:
    message = refusal('In clause 5.5.3, for "powe" substitute "energy".')
    assert '"powe" does not occur as a whole word (only inside "power", "powered")' in message


def test_quoted_punctuation_needs_no_word_boundary() -> None:
    text = applied_clause('In clause 5.5.3, for ", and shall" substitute "; it shall".')
    assert "it is installed; it shall keep" in text


def test_the_within_clause_is_written_back_as_it_was_read() -> None:
    from spectool.amend.writer import render_amendment

    draft = amendment(
        "Amendments to SMETS2 4.2\n\n"
        '1. In clause 5.5.3, omit "Communications Hub" (including within "Communications Hub '
        'Interface" and "Communications Hub Function").\n'
    )
    (instruction,) = draft.targets[0].instructions
    assert instruction.operation.within == (  # type: ignore[union-attr]
        "Communications Hub Interface",
        "Communications Hub Function",
    )
    assert amendment_text_round_trips(render_amendment(draft), draft)


def amendment_text_round_trips(text: str, draft: object) -> bool:
    from spectool.amend.reader import parse_amendment

    return parse_amendment(text, "x.amend") == draft


def test_find_words_keeps_a_term_that_the_quoted_words_contain_whole() -> None:
    text = "the Communications Hub Interface and the Communications Hub"
    found = find_words(text, "the Communications Hub Interface", ["Communications Hub Interface"])
    assert found.spans == ((0, 32),)
    found = find_words(text, "Communications Hub", ["Communications Hub Interface"])
    assert found.spans == ((41, 59),) and found.inside_terms == ("Communications Hub Interface",)


def corrupted(spec: Spec, number: str, old: str, new: str) -> Spec:
    """`spec` with words of one clause changed behind the amendment's back."""
    clause = spec.clause(number)
    assert clause is not None
    source = render_clause(clause)
    changed = parse_spec(
        "---\nspec: SMETS2\nversion: 4.2\ntitle: x\n---\n# 5 x\n## 5.5 x\n" + source.replace(old, new, 1),
        "x.spec",
    ).clause(number)
    assert changed is not None
    sections = tuple(
        replace(
            section,
            blocks=tuple(changed if block is clause else block for block in section.blocks),
        )
        for section in spec.sections
    )
    return replace(spec, sections=sections)


def test_verify_catches_a_change_inside_a_longer_word() -> None:
    draft = amendment(
        'Amendments to SMETS2 4.2\n\n1. In clause 5.5.3, for the last occurrence of "the" substitute "a".\n'
    )
    amended = apply_target(draft, KEY, base()).spec
    assert verify_scope(draft, KEY, base(), amended) == []
    wrong = corrupted(amended, "5.5.3", "all other", "all oar")
    (problem,) = verify_scope(draft, KEY, base(), wrong)
    assert "clause 5.5.3 changed outside the whole words its instructions quote" in problem.message
    assert '"all other operating" became "all oar operating"' in problem.message


def test_verify_catches_a_change_inside_a_longer_term() -> None:
    draft = amendment(
        'Amendments to SMETS2 4.2\n\n1. In clause 5.5.3, for "Communications Hub" substitute "hub".\n'
    )
    amended = apply_target(draft, KEY, base()).spec
    assert verify_scope(draft, KEY, base(), amended) == []
    wrong = corrupted(amended, "5.5.3", "Communications Hub Interface", "hub Interface")
    (problem,) = verify_scope(draft, KEY, base(), wrong)
    assert "changed outside the whole words" in problem.message


def test_verify_accepts_instructions_that_build_on_each_others_words() -> None:
    draft = amendment(
        "Amendments to SMETS2 4.2\n\n"
        '1. In clause 5.5.3, for "mains power failure" substitute "Supply Outage".\n\n'
        '2. In clause 5.5.3, after "Supply Outage" insert "lasting 3 minutes".\n\n'
        '3. In clause 5.5.3, for "Outage lasting" substitute "Outage that lasts".\n'
    )
    amended = apply_target(draft, KEY, base()).spec
    assert verify_scope(draft, KEY, base(), amended) == []
    clause = amended.clause("5.5.3")
    assert clause is not None and "a Supply Outage that lasts 3 minutes." in " ".join(
        clause.text.value.split()
    )


def test_a_word_joined_by_a_hyphen_and_a_dotted_number_are_whole_words() -> None:
    assert find_words("a tamper-evident enclosure", "tamper").spans == ()
    assert find_words("a tamper-evident enclosure", "tamper-evident").spans == ((2, 16),)
    assert find_words("see clause 4.2.7.", "4.").spans == ()
    assert find_words("see clause 4.2.7.", "clause 4").spans == ()
    assert find_words("see clause 4.2.7.", "clause 4.2.7").spans == ((4, 16),)
    assert find_words("see clause 4.2.7.", "4.2.7.").spans == ((11, 17),)
