"""The ota-power matrix on the bundled specs: the consultation's gaps, and MP102A closing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from spectool.config import load_config
from spectool.coverage.assess import SpecCoverage, Status, assess_all
from spectool.coverage.compare import compare
from spectool.coverage.load import load_coverage
from spectool.coverage.request import amend_corpus
from spectool.model.corpus import Corpus
from spectool.parsing import load_corpus

ROOT = Path(__file__).resolve().parents[2]
MP102A = ROOT / "amendments" / "MP102A.amend"

# What MP102A's refinement consultation found missing (Question 8), as cells of the matrix.
CONSULTATION_GAPS = {
    "no CH OTA provision in the CHTS": [("CHTS@1.5", "communications-hub", "ch-firmware-upgrade")],
    "no Hot Shoe provision": [("CHTS@1.5", "hot-shoe", "firmware-activation")],
    "no polyphase provision": [
        ("SMETS2@4.2", "esme-polyphase", "firmware-activation"),
        ("SMETS2@5.0", "esme-polyphase", "firmware-activation"),
    ],
    "no firmware-upgrade wording": [
        ("SMETS2@4.2", "esme-single-element", "firmware-activation"),
        ("SMETS2@5.0", "esme-single-element", "firmware-activation"),
        ("SMETS2@4.2", "esme-twin-element", "firmware-activation"),
        ("SMETS2@5.0", "esme-twin-element", "firmware-activation"),
    ],
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(load_config(ROOT / "spectool.toml").spec_paths)


def fill(corpus: Corpus) -> dict[str, SpecCoverage]:
    matrix = load_coverage(load_config(ROOT / "spectool.toml")).matrix("ota-power")
    return {coverage.key: coverage for coverage in assess_all(corpus, matrix)}


def gaps(coverages: dict[str, SpecCoverage]) -> set[tuple[str, str, str]]:
    return {(key, gap.row, gap.column) for key, coverage in coverages.items() for gap in coverage.gaps}


def test_baseline_reports_the_gaps_the_consultation_named(corpus: Corpus) -> None:
    found = gaps(fill(corpus))
    for finding, cells in CONSULTATION_GAPS.items():
        assert set(cells) <= found, f"{finding}: {set(cells) - found} reported as covered"


def test_baseline_matrix_in_full(corpus: Corpus) -> None:
    coverages = fill(corpus)
    assert gaps(coverages) == {
        ("CHTS@1.5", "communications-hub", "firmware-activation"),
        ("CHTS@1.5", "communications-hub", "ch-firmware-upgrade"),
        ("CHTS@1.5", "communications-hub", "reboot"),
        ("CHTS@1.5", "hot-shoe", "firmware-activation"),
        ("CHTS@1.5", "hot-shoe", "short-interruption"),
        *(
            (key, row, column)
            for key in ("SMETS2@4.2", "SMETS2@5.0")
            for row, column in [
                ("esme-single-element", "firmware-activation"),
                ("esme-twin-element", "firmware-activation"),
                ("esme-polyphase", "firmware-activation"),
                ("esme-polyphase", "reboot"),
                ("esme-polyphase", "short-interruption"),
            ]
        ),
    }
    chts, v42, v50 = coverages["CHTS@1.5"], coverages["SMETS2@4.2"], coverages["SMETS2@5.0"]
    # 4.6.1 requires the AD1 Alert of its table's row: "without power for 3 minutes".
    assert chts.cell("communications-hub", "short-interruption").clauses == ("4.4.2", "4.6.1")
    assert chts.cell("hot-shoe", "supply-outage").clauses == ("4.4.1",)
    assert v42.cell("esme-single-element", "reboot").clauses == ("5.4.4.5",)
    assert v50.cell("esme-single-element", "reboot").clauses == ("5.4.5.5",)
    assert v42.cell("esme-polyphase", "supply-outage").clauses == ("5.6.3",)
    assert {cell.status for cell in v42.cells if cell.row == "gsme"} == {Status.NOT_APPLICABLE}


def test_the_two_smets2_versions_cover_the_same_cells(corpus: Corpus) -> None:
    coverages = fill(corpus)
    comparison = compare(coverages["SMETS2@4.2"], coverages["SMETS2@5.0"])
    assert comparison.differences == ()
    renumbered = comparison.pair("esme-single-element", "short-interruption")
    assert (renumbered.left.clauses, renumbered.right.clauses) == (("5.4.4.6",), ("5.4.5.6",))


@pytest.mark.skipif(not MP102A.exists(), reason="amendments/MP102A.amend has not landed yet")
def test_mp102a_closes_the_consultation_gaps(corpus: Corpus) -> None:
    amended = amend_corpus(corpus, MP102A)
    after = gaps(fill(amended.after))
    for finding, cells in CONSULTATION_GAPS.items():
        assert not set(cells) & after, f"{finding}: still a gap after MP102A: {set(cells) & after}"
    assert after < gaps(fill(corpus)), "MP102A must open no gap"
    coverages = fill(amended.after)
    assert coverages["CHTS@1.5"].cell("communications-hub", "ch-firmware-upgrade").clauses == ("4.5.3",)
    assert coverages["CHTS@1.5"].cell("hot-shoe", "firmware-activation").clauses == ("4.3.3",)
    assert coverages["SMETS2@4.2"].cell("esme-polyphase", "firmware-activation").clauses == ("5.6.5",)
    assert coverages["SMETS2@5.0"].cell("esme-polyphase", "firmware-activation").clauses == ("5.7.5",)
    assert "5.5.3" in coverages["SMETS2@4.2"].cell("esme-single-element", "firmware-activation").clauses
