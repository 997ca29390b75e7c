"""The pack tests judge its DOCX redlines with the redline tests' LibreOffice worker."""

from tests.redline.conftest import office

__all__ = ["office"]
