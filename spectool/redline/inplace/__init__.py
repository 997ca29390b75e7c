"""The redline written in place: tracked changes in a copy of the Word original a spec was imported from."""

from __future__ import annotations

from spectool.redline.inplace.originals import check_original, recorded_original
from spectool.redline.inplace.writer import redline_onto_bytes, write_redline_onto

__all__ = ["check_original", "recorded_original", "redline_onto_bytes", "write_redline_onto"]
