"""Revision marks: who and when, and the one id counter every id-bearing element of a part shares."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from spectool.errors import UsageError

DEFAULT_AUTHOR = "SECAS"
# Word and LibreOffice read revision dates in exactly this form.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# The kinds of revision a run, a paragraph mark or a table row can carry.
INSERT = "ins"
DELETE = "del"
MOVE_FROM = "moveFrom"
MOVE_TO = "moveTo"
REMOVES = (DELETE, MOVE_FROM)  # gone once the revisions are accepted
INSERTS = (INSERT, MOVE_TO)  # gone once the revisions are rejected


def revision_date(text: str | None = None, *, now: datetime | None = None) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ`: the text given (a bare day means its midnight), else now in UTC.

    "Now" is `SOURCE_DATE_EPOCH` when the environment sets it (reproducible-builds.org's convention),
    so a build that pins it gets the same bytes on every run.
    """
    if text is None:
        return (now or _source_date_epoch() or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = text.strip()
    if _DAY.fullmatch(text):
        text += "T00:00:00Z"
    if not _DATE.fullmatch(text):
        raise UsageError(f"date {text!r}: expected YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-05-01T09:30:00Z")
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise UsageError(f"date {text!r} is not a calendar date and time") from None
    return text


def _source_date_epoch() -> datetime | None:
    """The time `SOURCE_DATE_EPOCH` names (whole seconds since 1970, UTC), or None when it is unset."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH {value!r}: expected whole seconds since 1970-01-01 UTC")
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (OverflowError, OSError, ValueError):
        raise UsageError(f"SOURCE_DATE_EPOCH {value!r} is out of range") from None


def change_request_date(given: str | None, request_date: str, where: str) -> str:
    """--date when given, else the change request's Date: the same inputs give the same bytes."""
    if given is not None:
        return revision_date(given)
    try:
        return revision_date(request_date)
    except UsageError:
        message = f"{where}: the change request's Date {request_date!r} is not YYYY-MM-DD"
        raise UsageError(f"{message}: write it so, or give --date") from None


def revision_author(text: str) -> str:
    author = " ".join(text.split())
    if not author:
        raise UsageError("the author of the revisions must not be empty")
    return author


@dataclass(frozen=True, slots=True)
class Revision:
    kind: str  # INSERT, DELETE, MOVE_FROM or MOVE_TO
    id: int
    author: str
    date: str


class RevisionIds:
    """Hands out w:id values, starting above the highest id the templates already used."""

    def __init__(self, author: str, date: str, start: int = 0) -> None:
        self.author = author
        self.date = date
        self._next = start

    def take(self) -> int:
        value = self._next
        self._next += 1
        return value

    def revision(self, kind: str) -> Revision:
        return Revision(kind, self.take(), self.author, self.date)
