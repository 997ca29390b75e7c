"""spectool: draft SEC legal text and keep smart-metering specifications consistent."""

from __future__ import annotations

__version__ = "0.1.0"
