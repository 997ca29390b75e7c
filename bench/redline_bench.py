"""Benchmark: redline two synthetic versions of a ~20,000-clause spec (5% of clauses reworded, a few
inserted, deleted and moved), and compare with LibreOffice's own Compare Document on the same pair.

    .venv/bin/python bench/redline_bench.py [--clauses 20000] [--edited 0.05] [--no-office]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spectool.diff.context import with_context  # noqa: E402
from spectool.diff.document import diff_specs  # noqa: E402
from spectool.diff.summary import summarise  # noqa: E402
from spectool.model.document import Clause, Section, Spec, SubItem, Text  # noqa: E402
from spectool.model.numbers import ClauseNumber  # noqa: E402
from spectool.redline.docx import redline_docx_bytes  # noqa: E402
from spectool.redline.export import export_docx_bytes  # noqa: E402

VOCABULARY = (
    "ESME GSME shall supply power to the Communications Hub during a firmware upgrade Supply Outage alert "
    "within minutes record Event Log each Device Consumer premises interface Load Switch Meter Balance "
    "Prepayment Mode Credit Tariff Register Firmware Image Activation Date-Time verify store security"
)
WORDS = VOCABULARY.split()
CLAUSES_PER_SECTION = 100
AUTHOR, DATE = "SECAS", "2024-05-01T00:00:00Z"


def sentence(rng: random.Random, low: int = 12, high: int = 40) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))) + "."


def drafts(rng: random.Random, clauses: int) -> Drafts:
    sections = []
    for _ in range(max(1, clauses // CLAUSES_PER_SECTION)):
        sections.append(
            [
                (sentence(rng), [sentence(rng, 5, 15) for _ in range(rng.choice((0, 0, 0, 2, 3)))])
                for _ in range(CLAUSES_PER_SECTION)
            ]
        )
    return sections


Drafts = list[list[tuple[str, list[str]]]]


def edited(rng: random.Random, sections: Drafts, share: float) -> Drafts:
    """A new version: `share` of the clauses reworded, a few inserted, deleted and moved."""
    out = []
    for section in sections:
        clauses = []
        for text, items in section:
            if rng.random() < share:
                words = text.split(" ")
                for _ in range(rng.randint(1, 4)):
                    at = rng.randrange(len(words))
                    replacement = [rng.choice(WORDS) for _ in range(rng.randint(0, 3))]
                    words[at : at + rng.randint(0, 2)] = replacement
                text = " ".join(words) or "Reworded."
            clauses.append((text, items))
        if rng.random() < 0.2:
            clauses.insert(rng.randrange(len(clauses)), (sentence(rng), []))
        if rng.random() < 0.2:
            del clauses[rng.randrange(len(clauses))]
        out.append(clauses)
    for _ in range(max(1, len(out) // 20)):  # a few clauses move to another section
        source, target = rng.randrange(len(out)), rng.randrange(len(out))
        if out[source]:
            moved = out[source].pop(rng.randrange(len(out[source])))
            out[target].insert(rng.randrange(len(out[target]) + 1), moved)
    return out


def build(sections: Drafts, version: str) -> Spec:
    built = []
    for s, clauses in enumerate(sections, start=1):
        blocks = tuple(
            Clause(
                ClauseNumber((s, c)),
                Text(text),
                tuple(SubItem("abcdefgh"[i], Text(item)) for i, item in enumerate(items)),
            )
            for c, (text, items) in enumerate(clauses, start=1)
        )
        built.append(Section(ClauseNumber((s,)), f"Requirements group {s}", blocks))
    return Spec("SYNTH", version, "Synthetic Technical Specification", tuple(built))


Result = TypeVar("Result")


def timed(label: str, action: Callable[[], Result]) -> Result:
    started = time.perf_counter()
    result = action()
    print(f"  {label:<40} {time.perf_counter() - started:8.2f} s")
    return result


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=20_000)
    parser.add_argument("--edited", type=float, default=0.05)
    parser.add_argument("--no-office", action="store_true", help="Skip LibreOffice's Compare Document.")
    parser.add_argument("--seed", type=int, default=2024)
    arguments = parser.parse_args(argv)
    rng = random.Random(arguments.seed)
    base = drafts(rng, arguments.clauses)
    old, new = build(base, "1.0"), build(edited(rng, base, arguments.edited), "2.0")
    count = sum(1 for _ in old.clauses())
    print(
        f"corpus: {count} clauses in {len(old.sections)} sections; {arguments.edited:.0%} of clauses reworded"
    )
    started = time.perf_counter()
    redline = timed("diff (align, words, units)", lambda: diff_specs(old, new))
    print(f"  {'summary':<40} {summarise(redline).line()}")
    data = timed(
        "write .docx (templates, check, zip)", lambda: redline_docx_bytes(redline, author=AUTHOR, date=DATE)
    )
    total = time.perf_counter() - started
    revisions = _revisions(data)
    size = f"{len(data) / 1e6:.1f} MB"
    print(f"  {'redline total (whole document)':<40} {total:8.2f} s, {size}, {revisions} revisions")
    shown = with_context(redline, 1)
    timed("write .docx with --context 1", lambda: redline_docx_bytes(shown, author=AUTHOR, date=DATE))
    if arguments.no_office:
        return
    from tests.redline.office import Office, office_missing

    missing = office_missing()
    if missing:
        print(f"LibreOffice compare skipped: {missing}")
        return
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder) / "old.docx", Path(folder) / "new.docx"
        old_path.write_bytes(export_docx_bytes(old))
        new_path.write_bytes(export_docx_bytes(new))
        office = Office()
        try:
            compared = Path(folder) / "compared.docx"
            timings = office.compare(old_path, new_path, compared)
        finally:
            office.close()
        print(f"  {'LibreOffice: load the new version':<40} {timings['load']:8.2f} s")
        print(f"  {'LibreOffice: Compare Document':<40} {timings['compare']:8.2f} s")
        found = _revisions(compared.read_bytes())
        print(f"  {'LibreOffice: save as .docx':<40} {timings['save']:8.2f} s, {found} revisions")


def _revisions(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    return sum(xml.count(tag) for tag in (b"<w:ins ", b"<w:del ", b"<w:moveFrom ", b"<w:moveTo "))


if __name__ == "__main__":
    main(sys.argv[1:])
