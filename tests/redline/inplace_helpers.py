"""Shared steps of the in-place redline tests: Word originals of the bundled specs, made at test time
with `spectool export` and read back with `spectool import`, and readers of what a redline in place holds."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from lxml import etree

from spectool.cli import main
from spectool.diff.document import diff_specs
from spectool.diff.model import Side
from spectool.diff.plain import normalise_lines
from spectool.parsing import parse_spec
from spectool.redline.inplace import redline_onto_bytes
from spectool.wordml.names import w
from spectool.wordml.text import read_paragraphs, settled_paragraphs
from tests.redline.helpers import ROOT

AMENDMENT = ROOT / "amendments" / "MP102A.amend"
DATE = "2021-03-01"  # the change request's Date in MP102A.amend
# (source, spec, version): the bundled specs MP102A amends
BUNDLED = (
    ("smets2-v4.2.spec", "SMETS2", "4.2"),
    ("smets2-v5.0.spec", "SMETS2", "5.0"),
    ("chts-v1.5.spec", "CHTS", "1.5"),
)
_CONFIG = """[corpus]
specs = ["specs/*.spec"]

[versions]
SMETS2 = ["4.2", "5.0"]
CHTS = ["1.5"]
"""


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


@dataclass(frozen=True, slots=True)
class Workspace:
    """A corpus imported from Word: `word/NAME.docx` the originals (or `specs/NAME.docx`, beside their
    imports, where a redline finds them by itself), `specs/` their imports."""

    root: Path
    beside: bool = False

    @property
    def config(self) -> Path:
        return self.root / "spectool.toml"

    def original(self, source: str) -> Path:
        return self.root / ("specs" if self.beside else "word") / source.replace(".spec", ".docx")


def word_workspace(root: Path, *, beside: bool = False) -> Workspace:
    """Export each bundled spec to Word and import it back, as a corpus with its own spectool.toml."""
    (root / "word").mkdir(parents=True)
    (root / "specs").mkdir()
    workspace = Workspace(root, beside)
    for source, name, version in BUNDLED:
        original = workspace.original(source)
        code, _, stderr = run("export", str(ROOT / "specs" / source), "-o", str(original))
        assert code == 0, stderr
        code, _, stderr = run(
            "import", str(original), "--spec", name, "--version", version, "-o", str(root / "specs" / source)
        )
        assert code == 0, stderr
    workspace.config.write_text(_CONFIG, encoding="utf-8")
    return workspace


def document(path: Path) -> Any:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def split_cover(root: Any) -> tuple[list[Any], list[Any]]:
    """(the change request's section, the rest): the body's children split after the first section break."""
    children = list(root.find(w("body")))
    end = next(
        index for index, node in enumerate(children) if node.find(f"{w('pPr')}/{w('sectPr')}") is not None
    )
    return children[: end + 1], children[end + 1 :]


def side_lines(path: Path, side: Side) -> list[str]:
    """The text after the change request's section with every change accepted (NEW) or rejected (OLD)."""
    root = document(path)
    cover, _ = split_cover(root)
    for node in cover:
        root.find(w("body")).remove(node)
    return normalise_lines(p.text for p in settled_paragraphs(root, accepted=side is Side.NEW))


def plain_lines(path: Path) -> list[str]:
    """A document's text as it stands, one line a paragraph."""
    return normalise_lines(p.text for p in read_paragraphs(document(path).find(w("body"))))


def redline_onto(original: Path, imported: str, amended: str, out: Path, date: str) -> Path:
    """`original`'s redline in place, written to `out`: from `imported` (its import) to `amended`."""
    base = parse_spec(imported, str(out.with_name("base.spec")))
    new = parse_spec(amended, str(out.with_name("new.spec")))
    out.write_bytes(redline_onto_bytes(diff_specs(base, new), original, base=base, author="SECAS", date=date))
    return out
