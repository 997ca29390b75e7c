"""A phrase thousands of characters long (a spec's title is a known name) compiles and matches."""

from __future__ import annotations

import random
from pathlib import Path

from click.testing import CliRunner

from spectool.cli import main
from spectool.rules.phrases import PhraseSet

SAMPLE = Path(__file__).parent.parent / "fixtures" / "sample.spec"
WORDS = ("Smart", "Meter", "Power", "Supply", "the", "Hub", "Outage", "of", "Energy")


def long_title(count: int) -> str:
    chooser = random.Random(count)
    return " ".join(chooser.choice(WORDS) for _ in range(count))


def test_a_phrase_of_1200_words_is_found_and_its_prefix_is_not() -> None:
    title = long_title(1200)
    phrases = PhraseSet([title, "Smart Meter"], case_sensitive=True)
    text = f"As the {title} says, and a Smart Meter too."
    assert [match.text for match in phrases.finditer(text)] == [title, "Smart Meter"]
    cut_short = title.rsplit(" ", 1)[0] + " Zebra"
    assert title not in [match.text for match in phrases.finditer(cut_short)]


def test_check_of_a_spec_whose_title_is_1200_words_ends_normally(tmp_path: Path) -> None:
    source = SAMPLE.read_text().replace(
        "title: Smart Metering Equipment Technical Specifications", f"title: {long_title(1200)}"
    )
    spec = tmp_path / "long.spec"
    spec.write_text(source)
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    assert "Found" in result.stdout
