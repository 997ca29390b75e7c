"""Render the ota-power coverage report of the bundled specs as HTML and photograph it with headless Chromium.

Run: .venv/bin/python bench/coverage_screenshot.py [-o OUTPUT.png] [SPEC@VERSION...] [--amendment FILE]
     [--before-after] [--height PIXELS]
Writes docs/img/coverage.png by default; prints the corpus size, the time to fill the matrix and the
size of the page. Needs Debian's `chromium` (apt-get install -y --no-install-recommends chromium).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spectool.config import load_config  # noqa: E402
from spectool.coverage.request import CoverageRequest, run_coverage  # noqa: E402
from spectool.model.corpus import Corpus  # noqa: E402
from spectool.parsing import load_corpus  # noqa: E402

WIDTH = 1500
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("no chromium: apt-get install -y --no-install-recommends chromium")


def screenshot(page: Path, image: Path, height: int) -> None:
    with tempfile.TemporaryDirectory(prefix="spectool-chromium-") as profile:
        command = [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={WIDTH},{height}",
            f"--screenshot={image}",
            page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", help="the spec versions to show (default: all)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "img" / "coverage.png")
    parser.add_argument("--amendment", type=Path)
    parser.add_argument("--before-after", action="store_true")
    parser.add_argument("--height", type=int, default=1120, help="height of the window photographed")
    options = parser.parse_args()
    config = load_config(ROOT / "spectool.toml")
    # Paths as a reader of the repository knows them, not as this machine mounts it.
    loaded = load_corpus(config.spec_paths)
    corpus = Corpus(tuple(replace(spec, path=str(Path(spec.path).relative_to(ROOT))) for spec in loaded))
    clauses = sum(1 for spec in corpus for _ in spec.clauses())
    print(f"corpus: {len(corpus)} spec versions, {clauses} clauses")
    request = CoverageRequest(
        specs=tuple(options.specs),
        output_format="html",
        amendment=options.amendment,
        before_after=options.before_after,
    )
    start = time.perf_counter()
    html = run_coverage(config, request, corpus)
    print(
        f"coverage report: {time.perf_counter() - start:.3f} s, {len(html.encode()) / 1024:.1f} KiB of HTML"
    )
    options.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spectool-coverage-") as folder:
        page = Path(folder) / "coverage.html"
        page.write_text(html, encoding="utf-8")
        start = time.perf_counter()
        screenshot(page, options.output, options.height)
        print(
            f"screenshot: {time.perf_counter() - start:.2f} s, {WIDTH}x{options.height} -> {options.output}"
        )


if __name__ == "__main__":
    main()
