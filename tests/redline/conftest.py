"""Fixtures for the redline tests: one LibreOffice for the whole session, where it is installed."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.redline.office import Office, office_missing


@pytest.fixture(scope="session")
def office() -> Iterator[Office]:
    """LibreOffice as the outside judge. Absent, the tests that need it skip, except in CI (CI set)."""
    missing = office_missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, and CI is set: the redline tests need LibreOffice")
        pytest.skip(f"{missing}: the LibreOffice round-trip tests need it")
    worker = Office()
    yield worker
    worker.close()
