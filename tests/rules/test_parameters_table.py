"""The [parameters] table and quantities in digits or words."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.cli import main
from spectool.config import load_config
from spectool.errors import ConfigError
from spectool.rules.parameters.quantities import quantity_value, shown_value, words_value
from spectool.rules.parameters.table import Parameter, ParameterTable, load_parameters

ROOT = Path(__file__).resolve().parents[2]

ENTRY = """\
[parameters.delay]
summary = "the AD1 delay"
phrases = ["without power for {quantity}"]
states = [{ text = "without power for 3 minutes", value = "180 seconds" }]
passes = "without power"
"""


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("3 minutes", 180),
        ("three minutes", 180),
        ("Three (3) minutes", 180),
        ("180 seconds", 180),
        ("one hundred and eighty seconds", 180),
        ("twenty-four hours", 86400),
        ("1 minute", 60),
        ("1.5 minutes", 90),
        ("500 ms", Fraction(1, 2)),
        ("two days", 172800),
    ],
)
def test_durations_in_digits_or_words(text: str, seconds: int | Fraction) -> None:
    assert quantity_value(text, "duration") == seconds


def test_counts_and_what_is_not_a_quantity() -> None:
    assert quantity_value("five", "count") == 5
    assert quantity_value("5 minutes", "count") is None
    assert quantity_value("5", "duration") is None
    assert quantity_value("several minutes", "duration") is None
    assert words_value("one thousand two hundred") == 1200
    assert shown_value(Fraction(180), "duration") == "180 seconds"
    assert shown_value(Fraction(1), "duration") == "1 second"


@pytest.mark.parametrize("text", ["3ſ", "3 ſeconds", "ſix seconds", "3 mınutes"])
def test_letters_that_only_fold_to_ascii_are_not_a_unit_or_number_word(text: str) -> None:
    # A finder matching without regard to case takes these for "s", "i" and "k"; the value is None
    # (not a quantity), where it used to raise KeyError and end a check with a traceback.
    assert quantity_value(text, "duration") is None


def test_a_check_of_a_spec_stating_3_long_s_for_the_ad1_delay_ends_normally(tmp_path: Path) -> None:
    spec = tmp_path / "chts-v1.5.spec"
    text = (ROOT / "specs" / "chts-v1.5.spec").read_text(encoding="utf-8")
    assert "without power for 3 minutes" in text
    text = text.replace("without power for 3 minutes", "without power for 3 \u017f")
    spec.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(spec), "--config", str(ROOT / "spectool.toml")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1) and "Found" in result.stdout, result.output


def test_statements_are_found_across_lines_and_only_in_their_phrases(tmp_path: Path) -> None:
    path = tmp_path / "spectool.toml"
    path.write_text(ENTRY, encoding="utf-8")
    table = load_parameters(load_config(path))
    text = "once it has been without\n  power for three minutes, or for 4 minutes without power"
    (statement,) = table.statements(text)
    assert (statement.text, statement.value) == ("three minutes", Fraction(180))
    assert text[statement.start : statement.end] == "three minutes"
    assert list(ParameterTable().statements(text)) == []


def test_the_bundled_table_states_the_ad1_delay() -> None:
    table = load_parameters(load_config(ROOT / "spectool.toml"))
    (parameter,) = [p for p in table.parameters if p.name == "power-outage-alert-delay"]
    assert parameter.owner == "CHTS"
    values = [s.value for s in table.statements("without power for 3 minutes; without power for 180 seconds")]
    assert values == [180, 180]


@pytest.mark.parametrize(
    ("change", "line", "start"),
    [
        ('value = "180 seconds"', 4, "this example should state '120 seconds' but it reads '3 minutes'"),
        ('passes = "without power"', 5, "this example should state nothing but does"),
        ('phrases = ["without power for {quantity}"]', 3, "each phrase needs {quantity} exactly once"),
        ('summary = "the AD1 delay"', 1, "'parameters.delay' needs 'summary'"),
    ],
)
def test_bad_entries_are_refused_at_their_line(tmp_path: Path, change: str, line: int, start: str) -> None:
    replacement = {
        'value = "180 seconds"': 'value = "120 seconds"',
        'passes = "without power"': 'passes = "without power for 2 hours"',
        'phrases = ["without power for {quantity}"]': 'phrases = ["without power"]',
        'summary = "the AD1 delay"': "",
    }[change]
    path = tmp_path / "spectool.toml"
    path.write_text(ENTRY.replace(change, replacement), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_parameters(load_config(path))
    (problem,) = caught.value.problems
    assert problem.line == line
    assert problem.message.startswith(start), problem.message


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("without power for 3 minutes", "3 minutes"),
        ("without power continuously for three minutes", "three minutes"),
        ("without power at the premises or the street for 180 seconds", "180 seconds"),
        ("without power at all. It then waits for 3 minutes", None),  # a sentence's end
        ("without power, and waits for 3 minutes", None),  # a comma
        ("without power one two three four five six seven for 3 minutes", None),  # seven words
    ],
)
def test_a_gap_stands_for_up_to_six_words_within_one_statement(text: str, stated: str | None) -> None:
    parameter = Parameter("delay", "d", "duration", ("without power {...} for {quantity}",), None, (), ())
    found = [statement.text for statement in ParameterTable((parameter,)).statements(text)]
    assert found == ([stated] if stated else [])


@pytest.mark.parametrize("phrase", ["{...} without power for {quantity}", "{quantity} without power {...}"])
def test_a_gap_at_either_end_of_a_phrase_is_refused_at_its_line(tmp_path: Path, phrase: str) -> None:
    path = tmp_path / "spectool.toml"
    path.write_text(ENTRY.replace('"without power for {quantity}"', f'"{phrase}"'), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_parameters(load_config(path))
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.message.startswith("a gap {...} stands between words, not at an end"), problem.message
