"""Render the first page of a .docx to PNG (LibreOffice -> PDF, pdftoppm -> PNG), to see a redline as a
reviewer will: struck-through deletions, underlined insertions, the cover block.

    .venv/bin/python docs/render_first_page.py OUT.docx docs/img/NAME.png [--pages N] [--dpi D]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def render_first_page(docx: Path, png: Path, *, pages: int = 1, dpi: int = 80) -> list[Path]:
    """PNG files of the first `pages` pages: `png` itself for one page, else NAME-1.png, NAME-2.png, ..."""
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        raise SystemExit("render_first_page needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    with tempfile.TemporaryDirectory(prefix="spectool-render-") as folder:
        work = Path(folder)
        profile = (work / "profile").as_uri()
        source = work / docx.name  # a private copy: LibreOffice leaves lock files beside what it opens
        shutil.copyfile(docx, source)
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        pdf = work / f"{docx.stem}.pdf"
        stem = work / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(stem)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        rendered = sorted(work.glob("page*.png"))
        png.parent.mkdir(parents=True, exist_ok=True)
        if len(rendered) == 1:
            shutil.copyfile(rendered[0], png)
            return [png]
        out = []
        for number, page in enumerate(rendered, start=1):
            target = png.with_name(f"{png.stem}-{number}{png.suffix}")
            shutil.copyfile(page, target)
            out.append(target)
        return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docx", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=80)
    arguments = parser.parse_args(argv)
    for path in render_first_page(arguments.docx, arguments.png, pages=arguments.pages, dpi=arguments.dpi):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
