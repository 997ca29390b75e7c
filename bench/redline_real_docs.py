"""Random edits on the documents of the real-document evaluation, redlined in place and judged.

Each document of bench/real_docs.py's corpus (fetched at run time from the registries into a cache
outside the repository; none is committed) is imported, its source edited at random (words inserted
and removed in free paragraphs and clauses, free paragraphs removed and added), and the change
written in place into the document. Judges: the importer (the document with every change accepted
imports to the edited spec, with every change rejected to the original one) and, with --office,
LibreOffice (reject all gives the original's text; accept all differs from it by exactly the words
the edits changed).

Run: .venv/bin/python bench/redline_real_docs.py [--cache DIR] [--limit N] [--seed N] [--office]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree

from bench.real_docs import DEFAULT_CACHE, SOURCES, CorpusDocument, corpus
from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.page import Page, Paragraph, spec_page
from spectool.docx_import import import_docx
from spectool.errors import SpectoolError
from spectool.model.document import Spec
from spectool.parsing import parse_spec
from spectool.redline.inplace import redline_onto_bytes
from spectool.wordml.names import w
from spectool.wordml.revisions import accept_revisions, reject_revisions
from tests.docx_import.docx_builder import replace_part
from tests.redline.office import Office

DATE = "2024-05-01T09:30:00Z"
NEW_WORDS = ("amended", "designated", "notified", "recorded")
_CLAUSE = re.compile(r"\d+(\.\d+)+ \S")
_WORD = re.compile(r"\w+")


def edited_source(source: str, rng: random.Random, edits: int = 3) -> tuple[str, int]:
    """The source with up to `edits` random edits of free paragraphs and clauses (text lines only),
    and how many were made."""
    head, _, tail = source.partition("\nProvenance:")
    lines = head.split("\n")
    editable = [
        k for k, line in enumerate(lines) if _editable(line, lines[k + 1] if k + 1 < len(lines) else "")
    ]
    made = 0
    for k in sorted(rng.sample(editable, min(edits, len(editable))), reverse=True):
        line = lines[k]
        free = line.startswith("> ")
        action = rng.choice(("insert", "remove", "drop", "add") if free else ("insert", "remove"))
        words = line.split(" ")
        first = 2 if line.startswith("> [") or not free else 1  # keep the marker and the label
        if action == "insert":
            words.insert(rng.randrange(first, len(words) + 1), rng.choice(NEW_WORDS))
            lines[k] = " ".join(words)
        elif action == "remove" and len(words) > first + 1:
            del words[rng.randrange(first, len(words))]
            lines[k] = " ".join(words)
        elif action == "drop":
            del lines[k]
        elif action == "add":
            lines.insert(k + 1, f"> A sentence the drafters {rng.choice(NEW_WORDS)} here.")
        else:
            continue
        made += 1
    return "\n".join(lines) + ("\nProvenance:" + tail if tail else ""), made


def _editable(line: str, following: str) -> bool:
    """A one-line free paragraph or clause with words to edit (continuations and sub-items left alone)."""
    if following.startswith(" ") or len(line.split(" ")) < 3:
        return False
    return line.startswith("> ") or _CLAUSE.match(line) is not None


@dataclass(frozen=True, slots=True)
class Outcome:
    document: str
    status: str  # "not imported", "no edit", "refused", "written"
    message: str = ""
    accepted_right: bool = False  # the importer reads the accepted document as the edited spec
    rejected_right: bool = False
    # Right once the automatic numbers are set aside: the edit dropped or added a numbered paragraph and
    # Word renumbered the rest, while the edited source keeps the old numbers it recorded.
    renumbered: bool = False
    office: str = ""  # "", "agrees", or what LibreOffice saw otherwise


Written = tuple[Path, Spec, Spec]  # the redline, the original's spec and the edited one


def redline_document(
    document: CorpusDocument, rng: random.Random, folder: Path
) -> tuple[Outcome, Written | None]:
    try:
        imported = import_docx(document.path, name="REAL", version="1.0")
        base = parse_spec(imported.source, str(folder / "base.spec"))
    except SpectoolError as error:
        return Outcome(document.name, "not imported", str(error).splitlines()[0]), None
    source, made = edited_source(imported.source, rng)
    if not made:
        return Outcome(document.name, "no edit"), None
    try:
        new = parse_spec(source, str(folder / "new.spec"))
    except SpectoolError as error:
        return Outcome(document.name, "no edit", f"the edited source does not parse: {error}"), None
    redline = folder / "onto.docx"
    try:
        data = redline_onto_bytes(diff_specs(base, new), document.path, base=base, author="SECAS", date=DATE)
    except (SpectoolError, ValueError) as error:
        return Outcome(document.name, "refused", str(error).splitlines()[0][:160]), None
    redline.write_bytes(data)
    accepted = _settled_page(redline, folder, accepted=True)
    rejected = _settled_page(redline, folder, accepted=False)
    return (
        Outcome(
            document.name,
            "written",
            accepted_right=accepted.units == spec_page(new).units,
            rejected_right=rejected.units == spec_page(base).units,
            renumbered=_unnumbered(accepted) == _unnumbered(spec_page(new))
            and _unnumbered(rejected) == _unnumbered(spec_page(base)),
        ),
        (redline, base, new),
    )


def _unnumbered(page: Page) -> list[tuple[str, ...]]:
    """Each unit's blocks as text without the labels the document numbers automatically."""
    return [
        tuple(
            block.text[len(block.label) :].strip() if isinstance(block, Paragraph) else repr(block)
            for block in unit.blocks
        )
        for unit in page.units
    ]


def _settled_page(redline: Path, folder: Path, *, accepted: bool) -> Page:
    """The page the importer reads from the redline with every change accepted (or rejected), the
    change request's section taken out."""
    with zipfile.ZipFile(redline) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    body = root.find(w("body"))
    children = list(body)
    end = next(k for k, node in enumerate(children) if node.find(f"{w('pPr')}/{w('sectPr')}") is not None)
    for node in children[: end + 1]:
        body.remove(node)
    (accept_revisions if accepted else reject_revisions)(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    path = folder / ("accepted.docx" if accepted else "rejected.docx")
    path.write_bytes(replace_part(redline.read_bytes(), "word/document.xml", data))
    return spec_page(import_docx(path, name="REAL", version="1.0").spec)


def words(lines: list[str]) -> Counter[str]:
    return Counter(word for line in lines for word in _WORD.findall(line))


def page_words(spec: Spec) -> Counter[str]:
    return words(
        [
            block.text
            for unit in spec_page(spec).units
            for block in unit.blocks
            if isinstance(block, Paragraph)
        ]
    )


def office_verdict(office: Office, redline: Path, original: Path, base: Spec, new: Spec) -> str:
    """LibreOffice: reject all ends with the original's text; accept all differs from reject all by
    exactly the words the edits changed."""
    before = office.lines(original, None)
    rejected, accepted = office.lines(redline, Side.OLD), office.lines(redline, Side.NEW)
    if rejected[-len(before) :] != before:
        return "reject all is not the original's text"
    want_new, want_old = page_words(new), page_words(base)
    if words(accepted) - words(rejected) != want_new - want_old:
        return "accept all adds other words than the edits"
    if words(rejected) - words(accepted) != want_old - want_new:
        return "accept all removes other words than the edits"
    return "agrees"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rounds", type=int, default=1, help="random edits per document")
    parser.add_argument("--office", action="store_true", help="judge by LibreOffice too")
    arguments = parser.parse_args()
    try:
        documents = corpus(arguments.cache, SOURCES)
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        print(f"no corpus (offline, or the cache is absent): {error}")
        return
    if arguments.limit:
        documents = documents[: arguments.limit]
    rng = random.Random(arguments.seed)
    office = Office() if arguments.office else None
    outcomes: list[Outcome] = []
    started = time.process_time()
    with tempfile.TemporaryDirectory() as scratch:
        for document in documents:
            for _ in range(arguments.rounds):
                folder = Path(tempfile.mkdtemp(dir=scratch))
                outcome, written = redline_document(document, rng, folder)
                if office is not None and written is not None:
                    redline, base, new = written
                    verdict = office_verdict(office, redline, document.path, base, new)
                    outcome = replace(outcome, office=verdict)
                outcomes.append(outcome)
    report(outcomes, len(documents), time.process_time() - started)


def report(outcomes: list[Outcome], documents: int, seconds: float) -> None:
    statuses = Counter(outcome.status for outcome in outcomes)
    written = [outcome for outcome in outcomes if outcome.status == "written"]
    print(f"{documents} documents, {len(outcomes)} redlines tried, {seconds:.1f} s CPU (this process)")
    print("  " + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items())))
    right = sum(outcome.accepted_right and outcome.rejected_right for outcome in written)
    print(f"  importer judge: {right} of {len(written)} written read back right both ways")
    renumbered = sum(
        outcome.renumbered and not (outcome.accepted_right and outcome.rejected_right) for outcome in written
    )
    print(f"  {renumbered} more right but for automatic numbers Word renumbered after a dropped or added one")
    judged = [outcome for outcome in written if outcome.office]
    if judged:
        agrees = sum(outcome.office == "agrees" for outcome in judged)
        print(f"  LibreOffice judge: {agrees} of {len(judged)} agree")
    for outcome in outcomes:
        wrong = outcome.status == "written" and not (
            outcome.accepted_right and outcome.rejected_right and outcome.office in ("", "agrees")
        )
        if wrong or outcome.status == "refused":
            verdict = outcome.message or (
                f"accepted {'right' if outcome.accepted_right else 'WRONG'}, "
                f"rejected {'right' if outcome.rejected_right else 'WRONG'}"
                + (f", LibreOffice: {outcome.office}" if outcome.office else "")
            )
            print(f"  {outcome.status}: {outcome.document}: {verdict}")


if __name__ == "__main__":
    main()
