"""Fixtures for the amendment tests: LibreOffice, to judge the redlines of amending forms."""

from __future__ import annotations

from tests.redline.conftest import office

__all__ = ["office"]
