"""The [terminology] table: typed entries, its own examples run at load, errors at the key's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.errors import ConfigError
from spectool.memo import RunMemo
from spectool.rules.terminology.table import Scope, load_terminology, terminology_of

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
[terminology]
names = ["Smart Energy Code"]

[terminology.replace.supply-outage]
use = "Supply Outage"
instead-of = ["mains power failure", "power failure"]
reason = "defined"
fires = "a mains power failure"
passes = "a Supply Outage"
"""


def table_from(tmp_path: Path, text: str) -> object:
    path = tmp_path / "spectool.toml"
    path.write_text(text, encoding="utf-8")
    return load_terminology(load_config(path))


def error_from(tmp_path: Path, text: str) -> tuple[int, str]:
    with pytest.raises(ConfigError) as caught:
        table_from(tmp_path, text)
    (problem,) = caught.value.problems
    assert problem.path.endswith("spectool.toml")
    return problem.line, problem.message


def test_the_bundled_table_loads_and_carries_the_mp102a_terms() -> None:
    table = load_terminology(load_config(ROOT / "spectool.toml"))
    replaced = {phrase: entry.preferred for entry in table.replacements for phrase in entry.deprecated}
    assert replaced["mains power failure"] == replaced["mains power loss"] == "Supply Outage"
    assert replaced["power failure"] == "Supply Outage"
    assert replaced["Comms Hub"] == "Communications Hub"
    (spurious,) = [entry for entry in table.banned if "spurious" in entry.words]
    assert spurious.scope is Scope.REQUIREMENTS
    assert any(set(group.variants) == {"firmware upgrade", "firmware update"} for group in table.variants)


def test_a_good_table_is_typed(tmp_path: Path) -> None:
    table = table_from(tmp_path, GOOD)
    assert table.names == ("Smart Energy Code",)  # type: ignore[attr-defined]
    (entry,) = table.replacements  # type: ignore[attr-defined]
    assert (entry.name, entry.scope, entry.fires) == ("supply-outage", Scope.ALL, ("a mains power failure",))


def test_an_example_that_does_not_fire_is_refused_at_its_line(tmp_path: Path) -> None:
    line, message = error_from(
        tmp_path, GOOD.replace('fires = "a mains power failure"', 'fires = "a blackout"')
    )
    assert line == 8
    assert message == "this example should fire but does not: 'a blackout'"


def test_an_example_that_fires_when_it_should_pass_is_refused(tmp_path: Path) -> None:
    line, message = error_from(
        tmp_path, GOOD.replace('passes = "a Supply Outage"', 'passes = "power failures"')
    )
    assert (line, message) == (9, "this example should pass but fires: 'power failures'")


def test_a_variant_group_example_needs_two_variants(tmp_path: Path) -> None:
    text = (
        '[terminology.choose.fw]\nvariants = ["firmware upgrade", "firmware update"]\nreason = "r"\n'
        'fires = "the firmware upgrade"\npasses = "the firmware update"\n'
    )
    assert error_from(tmp_path, text) == (4, "this example should fire but does not: 'the firmware upgrade'")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        ('reason = "defined"', 4, "'terminology.replace.supply-outage' needs 'reason'"),
        (
            'instead-of = ["mains power failure", "power failure"]',
            4,
            "'terminology.replace.supply-outage' needs",
        ),
        ('use = "Supply Outage"', 4, "'terminology.replace.supply-outage' needs 'use'"),
    ],
)
def test_a_missing_key_is_reported_at_the_entry(tmp_path: Path, change: str, line: int, message: str) -> None:
    found_line, found = error_from(tmp_path, GOOD.replace(change + "\n", ""))
    assert found_line == line and found.startswith(message)


def test_bad_values_are_reported_at_their_key(tmp_path: Path) -> None:
    assert error_from(tmp_path, GOOD + 'scope = "notes"\n') == (
        10,
        "'terminology.replace.supply-outage.scope' must be one of requirements, all, not 'notes'",
    )
    assert error_from(tmp_path, GOOD.replace('names = ["Smart Energy Code"]', "names = [1]"))[0] == 2
    assert error_from(tmp_path, GOOD + "colour = 1\n")[1].startswith(
        "unknown key 'terminology.replace.supply-outage.colour'"
    )
    assert error_from(tmp_path, GOOD.replace("[terminology]\n", "[terminology]\nswap = 1\n"))[0] == 2


def test_a_phrase_claimed_twice_or_replaced_by_itself_is_refused(tmp_path: Path) -> None:
    twice = GOOD + (
        '[terminology.ban.failure]\nwords = ["Power  Failure"]\nreason = "r"\nfires = "x"\npasses = "y"\n'
    )
    assert error_from(tmp_path, twice) == (
        11,
        "'Power Failure' is already listed in 'terminology.replace.supply-outage'",
    )
    itself = GOOD.replace('["mains power failure", "power failure"]', '["supply outage"]')
    assert error_from(tmp_path, itself)[1] == "'Supply Outage' is both the term to use and a deprecated one"


def test_the_table_is_compiled_once_per_run_and_configuration(tmp_path: Path) -> None:
    path = tmp_path / "spectool.toml"
    path.write_text(GOOD, encoding="utf-8")
    config = load_config(path)
    memo = RunMemo()
    assert terminology_of(config, memo) is terminology_of(config, memo)
    assert terminology_of(load_config(path), memo) is not terminology_of(config, memo)
    # Another run reads the table again: nothing is kept process-wide.
    assert terminology_of(config, RunMemo()) is not terminology_of(config, memo)
