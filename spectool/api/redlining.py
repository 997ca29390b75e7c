"""A redline drafted through a workspace: the diff with its context, cover and notes, in each form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spectool.atomic import write_text_atomic
from spectool.diff.model import Redline
from spectool.diff.summary import Summary
from spectool.errors import UsageError
from spectool.redline.cover import CoverView, Modification, cover_view, summary_view
from spectool.redline.docx import redline_docx_bytes, write_redline_docx
from spectool.redline.rationale import Rationale
from spectool.redline.review import redline_html, redline_markdown
from spectool.redline.revisions import DEFAULT_AUTHOR

FORMATS = ("docx", "html", "markdown")
# A pull-request comment shows the changes with this many clauses either side, unless told otherwise.
MARKDOWN_CONTEXT = 1


def default_context(output_format: str) -> int | None:
    """The context a redline shows unless told: MARKDOWN_CONTEXT for markdown, else all of the text."""
    return MARKDOWN_CONTEXT if output_format == "markdown" else None


@dataclass(frozen=True, slots=True)
class Drafting:
    """How a redline is drafted: who and when each revision is by, how much context, which templates."""

    author: str = DEFAULT_AUTHOR
    date: str | None = None  # YYYY-MM-DDTHH:MM:SSZ; None: the change request's Date, else now
    context: int | None = None  # show only changed clauses with this many either side; None: all
    template_dir: Path | None = None  # your copy of templates/


def parse_context(text: str) -> int | None:
    """`all` -> None (the whole text); a whole number N -> N."""
    if text.strip().lower() == "all":
        return None
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"--context {text!r}: expected a whole number or 'all'") from None
    if value < 0:
        raise UsageError(f"--context {text!r}: expected a whole number of clauses, 0 or more")
    return value


@dataclass(frozen=True, slots=True)
class RedlineDraft:
    """What a redline is written from: the whole diff, the part shown, and who changed what when."""

    redline: Redline  # every change
    shown: Redline  # the changes with the context asked for ("..." for the rest)
    author: str
    date: str  # YYYY-MM-DDTHH:MM:SSZ, on every revision
    modification: Modification | None = None  # the change request, for an amendment
    notes: tuple[Rationale, ...] = ()  # each instruction's reason, beside its change
    template_dir: Path | None = None
    inputs: tuple[Path, ...] = ()  # what it is made from, never written over

    @property
    def summary(self) -> Summary:
        """The summary of changes, of the whole diff."""
        return summary_view(self.redline)

    @property
    def cover(self) -> CoverView:
        return cover_view(self.shown, self.author, self.date, self.modification)

    def written_line(self, path: Path) -> str:
        """What was written: `out.docx: MP102A on SMETS2@4.2: 3 changed, ...`."""
        what = f"{self.redline.old.key} -> {self.redline.new.key}"
        if self.modification is not None:
            what = f"{self.modification.id} on {self.redline.old.key}"
        return f"{path}: {what}: {self.summary.line()}"

    def docx(self) -> bytes:
        """The Word document with tracked changes: the same bytes for the same inputs."""
        return redline_docx_bytes(
            self.shown,
            author=self.author,
            date=self.date,
            modification=self.modification,
            template_dir=self.template_dir,
            notes=self.notes,
        )

    def review(self, output_format: str) -> str:
        """The redline as a page for a browser (`html`) or a pull-request comment (`markdown`)."""
        if output_format not in FORMATS[1:]:
            raise ValueError(f"no review format {output_format!r}: html or markdown")
        render = redline_html if output_format == "html" else redline_markdown
        return render(self.shown, self.cover, template_dir=self.template_dir, notes=self.notes)

    def write(self, path: Path, output_format: str = "docx", *, inputs: tuple[Path, ...] = ()) -> None:
        """Write the redline at `path` atomically, never over its inputs or `inputs`."""
        never = (*self.inputs, *inputs)
        if output_format == "docx":
            write_redline_docx(
                self.shown,
                path,
                author=self.author,
                date=self.date,
                modification=self.modification,
                template_dir=self.template_dir,
                inputs=never,
                notes=self.notes,
            )
        else:
            write_text_atomic(path, self.review(output_format), inputs=never)
