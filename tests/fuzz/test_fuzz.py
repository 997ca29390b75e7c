"""Bounded fuzzing in CI: mutated specs, amendments and Word files never crash a command.

Every run must exit 0, 1 or 2, print no traceback and stay within the harness's time and memory
caps. The examples are derandomised so that CI is repeatable; bench/fuzz.py explores further.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import DOCX_PARTS, TOKENS, Edit, Outcome, Workspace, mutate, mutate_docx_part, seeds

SEEDS = seeds()

EDIT = st.builds(
    Edit,
    kind=st.sampled_from(["delete", "insert", "replace", "duplicate", "truncate", "token", "token"]),
    at=st.floats(0, 1),
    length=st.integers(0, 600),
    payload=st.one_of(st.binary(max_size=40), st.sampled_from(TOKENS)),
)
EDITS = st.lists(EDIT, min_size=1, max_size=4)


def bounded(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def space(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    from tests.fuzz.harness import workspace

    with workspace(tmp_path_factory.mktemp("fuzz")) as made:
        yield made


def assert_ended_well(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        assert not outcome.problems, (outcome.args, outcome.problems)


@bounded(80)
@given(edits=EDITS)
def test_parse_of_a_mutated_spec(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.parse(mutate(SEEDS["spec"], edits)))


@bounded(40)
@given(edits=EDITS)
def test_check_of_a_mutated_spec(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.check(mutate(SEEDS["spec"], edits)))


@bounded(15)
@given(edits=EDITS)
def test_redline_against_a_mutated_spec(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.redline(mutate(SEEDS["spec"], edits)))


@bounded(40)
@given(edits=EDITS)
def test_apply_of_a_mutated_amendment(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.apply(mutate(SEEDS["amendment"], edits)))


@bounded(15)
@given(edits=EDITS)
def test_redline_of_a_mutated_amendment(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.redline_amendment(mutate(SEEDS["amendment"], edits)))


@bounded(40)
@given(edits=EDITS)
def test_import_of_a_mutated_docx(space: Workspace, edits: list[Edit]) -> None:
    assert_ended_well(space.import_docx(mutate(SEEDS["docx"], edits)))


@bounded(50)
@given(part=st.sampled_from(DOCX_PARTS), edits=EDITS)
def test_import_of_a_docx_with_a_mutated_part(space: Workspace, part: str, edits: list[Edit]) -> None:
    assert_ended_well(space.import_docx(mutate_docx_part(SEEDS["docx"], part, edits)))


def test_the_seeds_themselves_run_cleanly(space: Workspace) -> None:
    """The mutations start from inputs that work, so a failure is the mutation's doing."""
    runs = [
        *space.parse(SEEDS["spec"]),
        *space.apply(SEEDS["amendment"]),
        *space.import_docx(SEEDS["docx"]),
    ]
    assert [outcome.exit_code for outcome in runs] == [0, 0, 0]


def test_a_crash_is_caught_as_a_problem(tmp_path: Path) -> None:
    """The harness itself: a command that raises is reported, not mistaken for a clean exit."""
    outcome = Outcome(("parse",), 1, 0.1, 10.0, crash="Traceback ...\nValueError: negative seek value")
    assert outcome.problems == ["crashed:\nTraceback ...\nValueError: negative seek value"]
    assert Outcome(("parse",), 2, 99.0, 10.0).problems == ["took 99.0 s, over the 20 s cap"]
