"""The OPC package of a .docx: its parts zipped in a repeatable way."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable


def zip_package(parts: Iterable[tuple[str, bytes]], date: str) -> bytes:
    """An OPC package (a zip) of `parts`, every entry stamped with `date` so that output is repeatable."""
    stamp = (
        max(int(date[0:4]), 1980),
        int(date[5:7]),
        int(date[8:10]),
        int(date[11:13]),
        int(date[14:16]),
        int(date[17:19]),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
