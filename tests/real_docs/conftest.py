"""The real-document evaluation's quick form: documents fetched from the package registries."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "registry: fetches Word documents from a package registry (CI has registry access)"
    )
