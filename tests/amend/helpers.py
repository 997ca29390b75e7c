"""Shared text for amendment tests: a change request, a small spec pair, the bundled corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from spectool.amend.model import Amendment
from spectool.amend.reader import parse_amendment
from spectool.errors import InputError, Problem
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.parsing import load_corpus, parse_spec

ROOT = Path(__file__).resolve().parents[2]
AMENDMENTS = ROOT / "amendments"

# Ten lines: an instruction after "Amendments to ..." on line 12 stands on line 14.
PREAMBLE = """\
Modification MP102A: Power Outage Alerts triggered by an OTA firmware upgrade
Change request
Author: A. Drafter
Date: 2021-03-01
Reason for change: The clause uses a term SMETS2 does not define.
Summary of change: Use the defined term.
Consequences if not approved: The clause stays ambiguous.
Specs affected: {specs}
Clauses affected: as below
"""

SMALL_SPEC = """\
---
spec: SMETS2
version: 4.2
title: Smart Metering Equipment Technical Specifications
---
# 2 Glossary
"Polyphase ESME" means ESME that measures a three-phase Supply.
"Supply Outage" means a period without voltage, as determined under clause 5.4.2.
# 5 ESME
## 5.4 Supply Outage detection
5.4.1 ESME shall monitor the voltage on every phase.
5.4.2 ESME shall treat a phase as absent after one second, as clause 5.4.1 describes.
5.4.3 ESME shall record a Power Outage Event, and shall not lead to spurious Power Outage Alerts
  from the Communications Hub after a restart or a spurious reset.
  (a) in normal operation; and
  (b) during a firmware update.
Note: see clause 5.4.4 and clause 5.4.2.
5.4.4 ESME shall keep its Event Log through a Supply Outage.
"""


def amendment(body: str, specs: str = "SMETS2 4.2") -> Amendment:
    """An amendment with a complete change request and `body` (headings and instructions) after it."""
    return parse_amendment(PREAMBLE.format(specs=specs) + "\n" + body, "x.amend")


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        parse_amendment(text, "x.amend")
    return list(caught.value.problems)


def small_corpus() -> Corpus:
    return Corpus((parse_spec(SMALL_SPEC, "small.spec"),))


def smets2(version: str = "4.2") -> Spec:
    """The bundled SMETS2 of that version."""
    spec = bundled().get("SMETS2", version)
    assert spec is not None
    return spec


@cache
def bundled() -> Corpus:
    return load_corpus(sorted((ROOT / "specs").glob("*.spec")))
