"""What the cover block and the change summary show, as flat strings ready for any template."""

from __future__ import annotations

from dataclasses import dataclass

from spectool.amend.model import Amendment
from spectool.diff.model import Elision, Redline
from spectool.diff.page import clean_text
from spectool.diff.summary import Summary, SummaryRow, summarise


@dataclass(frozen=True, slots=True)
class Modification:
    """The modification a redline drafts, such as MP102A, as its amendment's cover sheet names it."""

    id: str = ""
    title: str = ""
    reason: str = ""
    summary: str = ""
    consequences: str = ""
    clauses_affected: str = ""
    date: str = ""  # as the change request gives it


def modification_of(amendment: Amendment) -> Modification:
    """What a redline's cover shows of an amendment's change request."""
    return Modification(
        amendment.id,
        amendment.title,
        amendment.reason,
        amendment.summary,
        amendment.consequences,
        amendment.clauses_affected,
        amendment.date,
    )


@dataclass(frozen=True, slots=True)
class CoverView:
    tracked: bool  # a redline (True) or a clean export (False)
    heading: str
    spec_name: str
    spec_title: str
    old_version: str
    new_version: str
    status: str
    spec_date: str
    author: str
    date: str  # YYYY-MM-DDTHH:MM:SSZ
    modification_id: str
    modification_title: str
    elided: bool
    reason: str = ""
    change_summary: str = ""
    consequences: str = ""
    clauses_affected: str = ""

    @property
    def running_head(self) -> str:
        """What the header of every page says: the modification, the spec and its version."""
        if not self.tracked:
            return f"{self.spec_name} version {self.new_version}"
        if self.modification_id:
            return f"{self.modification_id}: {self.spec_name} {self.old_version} as amended"
        return f"{self.spec_name} version {self.old_version} to version {self.new_version}"

    @property
    def day(self) -> str:
        return self.date[:10]


def cover_view(
    redline: Redline,
    author: str,
    date: str,
    modification: Modification | None = None,
    *,
    tracked: bool = True,
) -> CoverView:
    modification = modification or Modification()
    old, new = redline.old, redline.new
    if modification.id:
        heading = f"{modification.id} {modification.title}".strip()
    elif old.version != new.version:
        heading = f"{new.name} version {old.version} to version {new.version}"
    else:
        heading = f"{new.name} version {new.version}"
    return CoverView(
        tracked,
        flat(heading),
        flat(new.name),
        flat(new.title),
        flat(old.version),
        flat(new.version),
        flat(new.status),
        flat(new.date),
        flat(author),
        date,
        flat(modification.id),
        flat(modification.title),
        any(isinstance(unit, Elision) for unit in redline.units),
        flat(modification.reason),
        flat(modification.summary),
        flat(modification.consequences),
        flat(modification.clauses_affected),
    )


def summary_view(redline: Redline) -> Summary:
    """The summary with every string flat (no tabs), as cover fields need."""
    summary = summarise(redline)
    rows = tuple(
        SummaryRow(flat(r.change), flat(r.what), flat(r.old), flat(r.new), flat(r.detail), r.count, r.anchor)
        for r in summary.rows
    )
    return Summary(rows)


def flat(text: str) -> str:
    return " ".join(clean_text(text).split())
