"""`[specs.NAME]`: the names a spec goes by, read from the configuration, and references resolved by them."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.errors import ConfigError
from spectool.model.corpus import Corpus
from spectool.parsing import parse_spec
from spectool.rules.references.names import load_spec_names, named_references

CHTS = "---\nspec: CHTS\nversion: 1.5\ntitle: Communications Hub Technical Specifications\n---\n# 4 Hub\n"


def corpus(*texts: str) -> Corpus:
    return Corpus(tuple(parse_spec(text, f"spec{index}.spec") for index, text in enumerate(texts)))


def names_of(tmp_path: Path, toml: str, *texts: str):  # type: ignore[no-untyped-def]
    (tmp_path / "spectool.toml").write_text(toml, encoding="utf-8")
    return load_spec_names(load_config(tmp_path / "spectool.toml"), corpus(CHTS, *texts))


def test_a_spec_goes_by_its_name_its_title_and_its_configured_names(tmp_path: Path) -> None:
    names = names_of(
        tmp_path, '[specs.CHTS]\ntitle = "Hub Spec"\nshort-names = ["CH-TS"]\naliases = ["The Hub Book"]\n'
    )
    for written in (
        "CHTS",
        "chts",
        "Hub Spec",
        "CH-TS",
        "the  hub book",
        "Communications Hub Technical Specification",
    ):
        assert names.resolve(written) == "CHTS", written
    assert names.resolve("Smart Energy Code") is None


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('[specs.CHTS]\nshort-names = ["CHTS"]\n', 1, "'specs.CHTS' needs 'title'"),
        (
            '[specs.CHTS]\ntitle = "T"\nnick = "N"\n',
            3,
            "unknown key 'specs.CHTS.nick': expected one of title, short-names, aliases",
        ),
        (
            '[specs.CHTS]\ntitle = "T"\n\n[specs.SMETS2]\ntitle = "S"\naliases = ["t"]\n',
            4,
            "'t' already names CHTS: a name may name one spec only",
        ),
    ],
)
def test_bad_names_are_reported_at_their_line(tmp_path: Path, toml: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        names_of(tmp_path, toml)
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (line, message)


def test_references_resolve_by_name_and_an_unknown_document_keeps_its_name_as_written(tmp_path: Path) -> None:
    smets2 = (
        "---\nspec: SMETS2\nversion: 4.2\ntitle: T\n---\n# 5 ESME\n"
        "5.1 ESME shall meet clause 4.4.2 of the Communications Hub Technical Specification, Section 2 of the"
        " Code of Practice for Metering and Section 4 of the Code.\n"
    )
    names = names_of(tmp_path, "", smets2)
    found = [
        (
            named.located.reference.spec,
            named.unknown,
            named.located.text.value[
                named.located.reference.offset : named.located.reference.offset
                + named.located.reference.length
            ],
        )
        for named in named_references(parse_spec(smets2, "smets2.spec"), names)
    ]
    assert found == [
        ("CHTS", None, "clause 4.4.2 of the Communications Hub Technical Specification"),
        (None, "Code of Practice for Metering", "Section 2 of the Code of Practice for Metering"),
        (None, None, "Section 4"),
    ]
