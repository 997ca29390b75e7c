"""Small hand-written specs and a matrix for the coverage tests."""

from __future__ import annotations

from spectool.coverage.matrix import Column, CoverageMatrix, NotApplicable, Row
from spectool.model.document import Spec
from spectool.parsing import parse_spec

ESME = Row("esme", "ESME", ("SMETS2",), ("ESME",))
THREE_PHASE = Row("three-phase", "Three-phase meter", ("SMETS2",), ("three-phase", "three phases"))
HUB = Row("hub", "Communications Hub", ("CHTS",), ("Communications Hub",))
FIRMWARE = Column("firmware", "Firmware upgrade", ("firmware upgrade", "Firmware Image"))
REBOOT = Column("reboot", "Reboot", ("reboot*", "restart*"))

MATRIX = CoverageMatrix(
    name="test",
    title="Test matrix",
    rows=(ESME, THREE_PHASE, HUB),
    columns=(FIRMWARE, REBOOT),
    not_applicable=(NotApplicable("hub", "reboot", "the hub does not reboot in these tests"),),
)


def smets(body: str, version: str = "4.2") -> Spec:
    """A SMETS2 spec of `body` (headings, clauses, definitions) with a header."""
    header = f"---\nspec: SMETS2\nversion: {version}\ntitle: Test\n---\n"
    return parse_spec(header + body, f"smets2-{version}.spec")


def chts(body: str) -> Spec:
    return parse_spec(f"---\nspec: CHTS\nversion: 1.5\ntitle: Test\n---\n{body}", "chts.spec")
