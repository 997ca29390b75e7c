"""Two versions side by side: a cell one covers and the other does not."""

from __future__ import annotations

import pytest

from spectool.coverage.assess import assess
from spectool.coverage.compare import Change, compare
from spectool.errors import UsageError
from tests.coverage.helpers import MATRIX, chts, smets

OLD = "# 5 Meters\n5.1 ESME shall keep the hub powered while it restarts.\n"
NEW = (
    "# 5 Meters\n5.1 ESME shall keep the hub powered during a firmware upgrade.\n"
    "5.2 Three-phase meters shall keep the hub powered on every phase.\n"
)


def test_compare_finds_cells_closed_and_opened() -> None:
    comparison = compare(assess(smets(OLD, "4.2"), MATRIX), assess(smets(NEW, "5.0"), MATRIX))
    assert (comparison.left_label, comparison.right_label) == ("SMETS2@4.2", "SMETS2@5.0")
    changes = {(pair.row, pair.column): pair.change for pair in comparison.differences}
    assert changes == {("esme", "firmware"): Change.CLOSED, ("esme", "reboot"): Change.OPENED}
    closed = comparison.pair("esme", "firmware")
    assert (closed.left.clauses, closed.right.clauses) == ((), ("5.1",))
    assert comparison.pair("three-phase", "firmware").change is Change.SAME


def test_compare_refuses_two_different_specs() -> None:
    with pytest.raises(UsageError, match="compare two versions of one spec"):
        compare(
            assess(smets(OLD), MATRIX),
            assess(chts("# 4 Hub\n4.1 Communications Hub shall restart.\n"), MATRIX),
        )
