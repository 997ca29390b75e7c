"""The shortcuts of the term search: the per-axis screen of `may_name`, and spans shared by specs."""

from __future__ import annotations

from dataclasses import replace

from spectool.coverage.assess import assess, assess_all
from spectool.coverage.hits import MatrixSearch, SpecTerms
from spectool.coverage.passages import SpecPassages, _sections_by_clause
from spectool.coverage.terms import TermSearch, Vocabulary
from tests.coverage.helpers import MATRIX, chts, smets

SEARCH = TermSearch(
    (
        Vocabulary.of([("polyphase", ["Polyphase ESME", "three phases"])]),
        Vocabulary.of([("reboot", ["reboot*"])]),
        Vocabulary.of([]),
    )
)


def test_an_axis_is_named_only_when_all_words_of_one_of_its_terms_are() -> None:
    assert SEARCH.may_name("Polyphase  esme shall", 0)
    assert not SEARCH.may_name("the polyphase meter", 0)  # its longest word, not the other
    assert not SEARCH.may_name("ESME shall", 0)
    assert SEARCH.may_name("after REBOOTING", 1)
    assert not SEARCH.may_name("after a restart", 1)


def test_an_axis_without_terms_is_never_named() -> None:
    assert not SEARCH.may_name("Polyphase ESME", 2)
    assert not SEARCH.may_name("", 2)


def test_one_text_asked_of_each_axis_in_turn_and_then_another() -> None:
    text = "Polyphase ESME shall reboot"
    assert [SEARCH.may_name(text, axis) for axis in range(3)] == [True, True, False]
    assert not SEARCH.may_name("three", 0)
    assert SEARCH.may_name("three phases", 0)
    assert SEARCH.may_name(text, 0)


def test_outside_ascii_every_axis_with_terms_may_be_named() -> None:
    assert SEARCH.may_name("ſtart ESME", 0)
    assert SEARCH.may_name("ſtart ESME", 1)
    assert not SEARCH.may_name("ſtart ESME", 2)


def test_spans_are_searched_once_per_text_and_are_those_of_the_search() -> None:
    search = MatrixSearch(MATRIX)
    text = "ESME shall restart after a firmware upgrade."
    first = search.spans(text)
    assert search.spans("".join(text)) is first
    assert first == search.search.spans(text)
    assert search.spans("ESME shall not.") != first


def test_specs_sharing_one_search_fill_the_matrix_as_each_alone() -> None:
    old = smets("# 5 Meters\n5.1 ESME shall restart after a firmware upgrade.\n", "4.2")
    new = smets(
        "# 5 Meters\n5.1 ESME shall restart after a firmware upgrade.\n5.2 ESME shall restart.\n", "5.0"
    )
    hub = chts("# 4 Hub\n4.1 The Communications Hub shall restart.\n")
    together = assess_all((old, new, hub), MATRIX)
    assert together == tuple(assess(spec, MATRIX) for spec in (old, new, hub))
    assert together[1].cell("esme", "reboot").clauses == ("5.1", "5.2")


GLOSSARY = smets(
    '# 2 Glossary\n"Supply" means electricity.\n"Power Outage Event" means an Event.\n'
    '"Event" means a record.\n'
    "# 5 Meters\n5.1 ESME shall record each Power\n  Outage Event of the Supply:\n  (a) as an Event.\n"
    "5.2 ESME shall keep the supply.\n"
)


def test_definitions_used_among_some_are_those_used_of_all_in_order() -> None:
    passages = SpecPassages(GLOSSARY)
    first, second = GLOSSARY.clauses()
    assert passages.used_indexes(first) == [0, 1, 2]
    assert passages.used_indexes(first, (2, 0)) == [2, 0]  # in the order asked
    assert passages.used_indexes(first, ()) == []
    assert passages.used_indexes(second) == []  # "supply" is not the defined "Supply"
    assert passages.used_indexes(first, (1,)) == [1]  # again, after another clause


def test_own_words_are_those_of_the_clause_asked_each_time() -> None:
    passages = SpecPassages(GLOSSARY)
    first, second = GLOSSARY.clauses()
    assert passages.own_words(first) == passages.own_words(first)
    assert passages.own_words(second) == "ESME shall keep the supply."
    assert passages.own_words(first).endswith("as an Event.")


def test_a_definition_without_a_term_of_the_matrix_adds_no_hits() -> None:
    terms = SpecTerms(GLOSSARY, MATRIX)
    first = next(iter(GLOSSARY.clauses()))
    headings, definitions = terms.shared_hits(first)
    assert headings == ([], [], [])
    assert definitions == []  # none of the three definitions names a row, a column or the subject


def test_each_clause_has_the_section_spec_gives_it_even_when_numbers_repeat() -> None:
    unique = smets("# 5 Meters\n5.1 ESME shall.\n## 5.2 Restart\n5.2.1 ESME shall restart.\n")
    apart = smets("# 5 Meters\n5.1 ESME shall.\n# 6 Hub\n6.1 The hub shall.\n")
    # The parser refuses a number twice; a spec built otherwise (an amendment's) may hold one.
    first, second = apart.sections
    again = replace(second, blocks=(replace(second.clauses[0], number=first.clauses[0].number),))
    repeated = replace(apart, sections=(first, again))
    assert [str(clause.number) for clause in repeated.clauses()] == ["5.1", "5.1"]
    for spec in (unique, repeated, GLOSSARY):
        passages = SpecPassages(spec)
        for clause in spec.clauses():
            assert passages.headings(clause) == SpecPassages(spec).headings(clause)
            assert passages.headings(clause)[0].label.startswith(f"heading {spec.section_of(clause).number} ")
    assert _sections_by_clause(repeated) == {}
    assert len(_sections_by_clause(unique)) == 2


def test_a_defined_term_split_across_lines_is_still_used() -> None:
    passages = SpecPassages(GLOSSARY)
    first, second = GLOSSARY.clauses()
    # "Power\n  Outage Event": the term's longest word stands in the text, its spaces do not.
    assert 1 in passages.used_indexes(first, (1,))
    assert passages.uses_any((1,), passages.own_words(first))
    assert not passages.uses_any((0, 1, 2), passages.own_words(second))
    assert not passages.uses_any((), passages.own_words(first))
