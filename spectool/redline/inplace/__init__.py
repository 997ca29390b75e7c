"""The redline written in place: tracked changes in a copy of the Word original a spec was imported from."""

from __future__ import annotations

from spectool.redline.inplace.writer import check_matches, redline_onto_bytes, write_redline_onto

__all__ = ["check_matches", "redline_onto_bytes", "write_redline_onto"]
