"""`import_docx`: a published Word specification in, a spec model and its source text out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spectool.docx_import.assemble import SpecAssembler
from spectool.docx_import.body_scan import BodyScan
from spectool.docx_import.issues import ImportIssue, excerpt
from spectool.docx_import.normalise import clean_line
from spectool.docx_import.notes import read_note_texts
from spectool.docx_import.numbering import NumberingDefinitions
from spectool.docx_import.read_back import render_checked
from spectool.docx_import.reading import DocumentReader
from spectool.docx_import.styles import StyleSheet
from spectool.errors import UsageError
from spectool.model.document import Spec
from spectool.model.provenance import SourceDocument
from spectool.wordml.names import Element
from spectool.wordml.package import DEFAULT_LIMITS, PackageLimits, WordPackage, open_word_package
from spectool.wordml.parts import refuse
from spectool.wordml.revisions import (
    RevisionSummary,
    accept_revisions,
    reject_revisions,
    summarise_revisions,
)


@dataclass(frozen=True, slots=True)
class DocxImport:
    """The imported spec, its source text (what `spectool import` writes) and what could not be mapped."""

    spec: Spec
    source: str
    issues: tuple[ImportIssue, ...]


def import_docx(
    path: str | Path,
    *,
    name: str,
    version: str,
    title: str | None = None,
    accept_changes: bool = False,
    reject_changes: bool = False,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> DocxImport:
    """Read a .docx into a Spec; InputError when the file is no usable Word specification."""
    given = {"spec name": name, "version": version, **({"title": title} if title is not None else {})}
    for label, value in given.items():
        if not clean_line(value) or "\n" in value:
            raise UsageError(f"the {label} must be a non-empty single line")
    # The package's trees, the blocks and the drafts are gone before the source is written, and it is
    # written and parsed back a section at a time: a second model never takes memory beside the first.
    spec, issues = build_spec(Path(path), name, version, title, accept_changes, reject_changes, limits)
    source = render_checked(spec, str(path))
    return DocxImport(spec, source, tuple(sorted(issues, key=lambda issue: issue.paragraph)))


def build_spec(
    path: Path,
    name: str,
    version: str,
    title: str | None,
    accept_changes: bool,
    reject_changes: bool,
    limits: PackageLimits,
) -> tuple[Spec, list[ImportIssue]]:
    """The model of the document at `path` and what the import reports about it."""
    scan = BodyScan()
    package = open_word_package(path, limits, visit=scan)
    # The body is read as a stream, never held whole, unless its tracked changes must be settled:
    # accepting or rejecting them rewrites the tree (a deleted paragraph mark joins two paragraphs).
    body = package.body if scan.revised else None
    has_revisions = settle_revisions(package, body, accept_changes, reject_changes)
    styles = StyleSheet.from_element(package.styles)
    numbering = NumberingDefinitions.from_elements(package.numbering, package.styles)
    assembler = SpecAssembler(
        read_note_texts(package.footnotes, "footnote", styles, numbering),
        read_note_texts(package.endnotes, "endnote", styles, numbering),
        name=clean_line(name),
        version=clean_line(version),
    )
    reader = DocumentReader(styles, numbering)
    if body is not None:
        assembler.add(reader.blocks(body))
    else:
        assembler.add(reader.streamed_blocks(package.main.children(), scan.unterminated))
    assembler.issues.extend(ImportIssue(0, "", message) for message in styles.rejected + numbering.rejected)
    core_title, source = package.core_title, SourceDocument(clean_line(Path(path).name), package.sha256)
    del package, body, reader, styles, numbering  # the XML trees go before the model is built
    built = assembler.build()
    if not any(section.clauses or section.definitions for section in built.sections):
        assembler.issues.append(
            ImportIssue(
                0,
                "",
                f"no numbered clauses in {assembler.blocks_read} paragraphs and tables: imported as free "
                "text (clauses are numbered such as '5.7.1 ESME shall ...', typed or by Word)",
            )
        )
    chosen = clean_line(title or "") or assembler.title or clean_line(core_title) or Path(path).stem
    # After accepting or rejecting changes, the body read is not the file's: its places would mislead.
    places_hold = not (accept_changes or reject_changes) or not has_revisions
    spec = Spec(
        name=clean_line(name),
        version=clean_line(version),
        title=chosen,
        sections=built.sections,
        front=built.front,
        status=assembler.cover.fields.get("status", ""),
        date=assembler.cover.fields.get("date", ""),
        source=source,
        origins=built.origins if places_hold else (),
    )
    return spec, assembler.issues


def settle_revisions(
    package: WordPackage, body: Element | None, accept_changes: bool, reject_changes: bool = False
) -> bool:
    """Refuse a document with tracked changes, or accept (or reject) them all when asked to; whether
    there were any. `body` is the package's body, or None when it holds no revision markup."""
    parts = [part for part in (body, package.footnotes, package.endnotes) if part is not None]
    summaries = [summarise_revisions(part) for part in parts]
    if body is None:
        summaries.insert(0, RevisionSummary(0, 0, ""))
    count = sum(summary.count for summary in summaries)
    if not count:
        return False
    if not accept_changes and not reject_changes:
        first = next(summary for summary in summaries if summary.count)
        if first is not summaries[0]:
            where = ", the first in a footnote or endnote"
        elif first.first_paragraph:
            where = f', the first in paragraph {first.first_paragraph} ("{excerpt(first.first_words)}")'
        else:
            where = ""
        raise refuse(
            package.path,
            f"the document has {count} tracked change{'s' if count != 1 else ''}{where}",
            "accept or reject them in Word, or pass --accept-changes to import the text with all accepted",
        )
    for part in parts:
        (reject_revisions if reject_changes else accept_revisions)(part)
    return True
