"""Import throughput on a synthetic Word document of about 2,000 pages (~20,000 clauses).

The document is written as WordprocessingML directly: headings and clauses numbered by one outline
list linked to the heading styles, lettered items, a requirement table every 40 clauses and a
footnote every 25. Prints paragraphs per second (best of a few runs, CPU time and wall time) and the
peak memory of one import, each in a fresh process, against the size of the unzipped XML: Python's
allocations (tracemalloc), and the growth of the peak resident set (VmHWM) over its size once
spectool is loaded, which also counts libxml2's trees (the import reads the body as a stream, so
only the part being read is ever a tree).

Run: .venv/bin/python bench/import_bench.py [CLAUSES]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import sentence
from spectool.docx_import import import_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{TYPE}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{TYPE}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{TYPE}.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{TYPE}.footnotes+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="word/document.xml"/></Relationships>"""
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RELS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{RELS}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{RELS}/footnotes" Target="footnotes.xml"/></Relationships>"""
# (style id, name, list level): headings 1-3, clauses and items all on numbering list 1.
STYLES = (
    ("Heading1", "heading 1", 0),
    ("Heading2", "heading 2", 1),
    ("Heading3", "heading 3", 2),
    ("Clause", "Clause", 3),
    ("ClauseItem", "Clause Item", 4),
)
LEVEL_TEXT = ("%1", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4", "(%5)")


def styles_xml() -> str:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        for style_id, name, level in STYLES
    )
    normal = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>{normal}{styles}</w:styles>'


def numbering_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{"lowerLetter" if level == 4 else "decimal"}"/><w:pStyle w:val="{style_id}"/>'
        f'<w:lvlText w:val="{LEVEL_TEXT[level]}"/></w:lvl>'
        for style_id, _, level in STYLES
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )


def paragraph(style_id: str, text: str, footnote: int | None = None) -> str:
    mark = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    note = f'<w:r>{mark}<w:footnoteReference w:id="{footnote}"/></w:r>' if footnote is not None else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r>{note}</w:p>'
    )


def table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{escape(cell)}</w:t></w:r></w:p></w:tc>" for cell in row)
        + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def synthetic_document(clauses: int, seed: int = 1) -> tuple[dict[str, str], int]:
    """The parts of a Word document of about `clauses` clauses, and how many paragraphs it has."""
    rng = random.Random(seed)
    body: list[str] = []
    notes: list[str] = []
    written: list[str] = []
    paragraphs = 0
    section = 0
    while len(written) < clauses:
        section += 1
        body.append(paragraph("Heading1", f"Section {section}"))
        paragraphs += 1
        for sub in range(1, 5):
            body.append(paragraph("Heading2", f"Requirements {section}.{sub}"))
            body.append(paragraph("Heading3", f"General requirements {section}.{sub}"))
            paragraphs += 2
            for index in range(1, 13):
                written.append(f"{section}.{sub}.1.{index}")
                footnote = len(notes) + 1 if len(written) % 25 == 0 else None
                if footnote is not None:
                    notes.append(f"A note on clause {written[-1]} for the synthetic document.")
                body.append(paragraph("Clause", sentence(rng, written[-50:]), footnote))
                paragraphs += 1
                if rng.random() < 0.3:
                    for _ in range(2):
                        body.append(paragraph("ClauseItem", sentence(rng, written[-50:])))
                        paragraphs += 1
                if len(written) % 40 == 0:
                    rows = [["Reference", "Requirement", "Mandatory"]]
                    rows += [[f"R{n}", sentence(rng, written[-50:]), "Yes"] for n in range(1, 4)]
                    body.append(table(rows))
                    paragraphs += 12
    section_properties = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W} {R}><w:body>'
        + "".join(body)
        + f"{section_properties}</w:body></w:document>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
        + "".join(
            f'<w:footnote w:id="{key}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for key, text in enumerate(notes, 1)
        )
        + "</w:footnotes>"
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/footnotes.xml": footnotes,
    }
    return parts, paragraphs


def write_docx(parts: dict[str, str], path: Path) -> int:
    """Write the package; the unzipped size of its XML in bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return sum(len(text.encode("utf-8")) for text in parts.values())


def traced_peak(path: Path) -> int:
    """The peak of memory allocated by Python during one import (tracemalloc) in a fresh process, in
    bytes: in this one, the timed imports have already filled the clause-number cache."""
    return _in_fresh_process("--traced", path)


def print_traced_peak(path: Path) -> None:
    tracemalloc.start()
    import_docx(path, name="SMETS2", version="9.9")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(peak)


def resident_growth(path: Path) -> int:
    """How far one import raises the peak resident set of a fresh process, in bytes."""
    return _in_fresh_process("--resident", path)


def _in_fresh_process(option: str, path: Path) -> int:
    done = subprocess.run(
        [sys.executable, __file__, option, str(path)], check=True, capture_output=True, text=True
    )
    return int(done.stdout)


def peak_resident() -> int:
    """This process's peak resident set in bytes: VmHWM, since ru_maxrss keeps the parent's peak
    across fork and exec on Linux."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def print_resident_growth(path: Path) -> None:
    """In a fresh process: the growth of its peak resident set over one import, in bytes."""
    before = peak_resident()
    import_docx(path, name="SMETS2", version="9.9")
    print(peak_resident() - before)


def main() -> None:
    if sys.argv[1:2] == ["--resident"]:
        print_resident_growth(Path(sys.argv[2]))
        return
    if sys.argv[1:2] == ["--traced"]:
        print_traced_peak(Path(sys.argv[2]))
        return
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "synthetic.docx"
        parts, paragraphs = synthetic_document(clauses)
        xml_size = write_docx(parts, path)
        tables = parts["word/document.xml"].count("<w:tbl>")
        footnotes = parts["word/footnotes.xml"].count("<w:footnote ") - 2
        print(
            f"corpus: {clauses} clauses (about {clauses // 10} pages), {paragraphs} paragraphs, "
            f"{tables} tables, {footnotes} footnotes; {xml_size / 1e6:.1f} MB of XML unzipped, "
            f"{path.stat().st_size / 1e6:.2f} MB zipped"
        )
        timings, cpu_timings = [], []
        imported = None
        for _ in range(3):
            start, cpu_start = time.perf_counter(), time.process_time()
            imported = import_docx(path, name="SMETS2", version="9.9")
            timings.append(time.perf_counter() - start)
            cpu_timings.append(time.process_time() - cpu_start)
        assert imported is not None
        best, best_cpu = min(timings), min(cpu_timings)
        count = sum(1 for _ in imported.spec.clauses())
        print(
            f"import: best of 3 {best_cpu:.2f} s CPU, {paragraphs / best_cpu:,.0f} paragraphs/s "
            f"({best:.2f} s wall, {paragraphs / best:,.0f} paragraphs/s), {count} clauses read"
        )
        del imported
        peak = traced_peak(path)
        print(
            f"peak memory (tracemalloc) of a fresh process: {peak / 1e6:.0f} MB = "
            f"{peak / xml_size:.1f} x the unzipped XML"
        )
        growth = resident_growth(path)
        print(
            f"peak resident set (VmHWM) of a fresh process, growth over one import: "
            f"{growth / 1e6:.0f} MB = {growth / xml_size:.1f} x the unzipped XML"
        )


if __name__ == "__main__":
    main()
