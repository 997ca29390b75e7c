"""The lines of a cover page that the source header holds: status and date; the version, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spectool.docx_import.normalise import clean_line

_FIELD = re.compile(r"(status|date)\s*:\s*(\S.*)", re.IGNORECASE)
_VERSION = re.compile(r"(?:(\S+)\s+)?version\s*:?\s*v?([0-9]\S*)", re.IGNORECASE)


@dataclass
class CoverPage:
    """Reads lines before the first heading; `name` and `version` are what the import was told."""

    name: str
    version: str
    fields: dict[str, str] = field(default_factory=dict)  # "status" and "date"

    def read(self, text: str) -> tuple[bool, str]:
        """Whether the line was a cover field, and a warning when it contradicts the given version."""
        version = _VERSION.fullmatch(text)
        if version is not None:
            said = (version[1] or self.name, version[2].rstrip("."))
            if (said[0].lower(), said[1]) == (self.name.lower(), self.version):
                return True, ""
            return True, f"the cover says {' version '.join(said)}; imported as {self.name} {self.version}"
        found = _FIELD.fullmatch(text)
        if found is None or found[1].lower() in self.fields:
            return False, ""
        self.fields[found[1].lower()] = clean_line(found[2])
        return True, ""
