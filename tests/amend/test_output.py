"""Where `spectool apply` writes consolidated sources: under the base file's name, unless names clash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from spectool.amend.output import output_paths
from spectool.cli import main
from spectool.errors import UsageError
from spectool.parsing import parse_spec, read_spec
from tests.amend.helpers import PREAMBLE, SMALL_SPEC

SMALL_CHTS = """\
---
spec: CHTS
version: 1.5
title: Communications Hub Technical Specification
---
# 4 Power
## 4.4 Loss of power
4.4.1 The Communications Hub shall send the Power Outage Alert after 3 minutes without power.
4.4.2 The Communications Hub shall keep its clock through a loss of power.
"""

SMETS2 = parse_spec(SMALL_SPEC, "specs/xx/v1.spec")
CHTS = parse_spec(SMALL_CHTS, "specs/yy/v1.spec")


def test_each_target_keeps_its_base_files_name() -> None:
    bases = {"SMETS2@4.2": replace(SMETS2, path="specs/smets2.spec"), "CHTS@1.5": CHTS}
    assert output_paths(Path("out"), bases) == {
        "SMETS2@4.2": Path("out/smets2.spec"),
        "CHTS@1.5": Path("out/v1.spec"),
    }


def test_targets_whose_base_files_share_a_name_are_named_by_spec_and_version() -> None:
    other = replace(SMETS2, version="5.0", path="specs/smets2-v5.0.spec")
    bases = {"SMETS2@4.2": SMETS2, "CHTS@1.5": CHTS, "SMETS2@5.0": other}
    assert output_paths(Path("out"), bases) == {
        "SMETS2@4.2": Path("out/SMETS2-v4.2.spec"),
        "CHTS@1.5": Path("out/CHTS-v1.5.spec"),
        "SMETS2@5.0": Path("out/smets2-v5.0.spec"),  # its own name clashes with none
    }


def test_names_differing_only_in_capitals_clash_too() -> None:
    bases = {"SMETS2@4.2": SMETS2, "CHTS@1.5": replace(CHTS, path="specs/yy/V1.spec")}
    assert sorted(path.name for path in output_paths(Path("out"), bases).values()) == [
        "CHTS-v1.5.spec",
        "SMETS2-v4.2.spec",
    ]


def test_a_name_that_cannot_be_made_unique_is_refused() -> None:
    bases = {"SMETS2@4.2": SMETS2, "smets2@4.2": replace(SMETS2, path="specs/yy/v1.spec")}
    with pytest.raises(UsageError) as caught:
        output_paths(Path("out"), bases)
    assert (
        str(caught.value)
        == f"SMETS2@4.2 and smets2@4.2 would both be written as {Path('out/SMETS2-v4.2.spec')}"
    )


def test_apply_writes_targets_with_the_same_base_file_name_side_by_side(tmp_path: Path) -> None:
    for folder, text in (("xx", SMALL_SPEC), ("yy", SMALL_CHTS)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "v1.spec").write_text(text, encoding="utf-8")
    config = tmp_path / "spectool.toml"
    config.write_text('[corpus]\nspecs = ["xx/*.spec", "yy/*.spec"]\n', encoding="utf-8")
    path = tmp_path / "draft.amend"
    path.write_text(
        PREAMBLE.format(specs="SMETS2 4.2; CHTS 1.5")
        + "\nAmendments to SMETS2 4.2\n\n"
        + '1. In clause 5.4.4, for "Event Log" substitute "Event Log and its clock".\n\n'
        + "Amendments to CHTS 1.5\n\n"
        + '1. In clause 4.4.2, for "its clock" substitute "its clock and its Event Log".\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["apply", str(path), "-o", str(out), "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["CHTS-v1.5.spec", "SMETS2-v4.2.spec"]
    smets2, chts = read_spec(out / "SMETS2-v4.2.spec"), read_spec(out / "CHTS-v1.5.spec")
    assert "Event Log and its clock" in smets2.clause("5.4.4").text.value  # type: ignore[union-attr]
    assert "its clock and its Event Log" in chts.clause("4.4.2").text.value  # type: ignore[union-attr]
    # One target alone goes by the same name, whatever else the amendment amends.
    alone = CliRunner().invoke(
        main,
        ["apply", str(path), "-o", str(tmp_path / "alone"), "--config", str(config), "--target", "CHTS@1.5"],
    )
    assert alone.exit_code == 0, alone.stderr
    assert [p.name for p in (tmp_path / "alone").iterdir()] == ["CHTS-v1.5.spec"]
