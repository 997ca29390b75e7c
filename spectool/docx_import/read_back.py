"""Write an imported spec's source a piece at a time, checking that each piece parses back to the part
of the model it was rendered from.

Parsing the whole text at once held a second model beside the first (bench/import_bench.py: a peak of
15.8 x the document's XML). The source (`render_spec`) is a concatenation of pieces that each open
with a line of their own — the header and front matter, every section from its heading, the
provenance table — and the grammar carries nothing from one piece into the next: each piece is parsed
under the same header and compared with what it was rendered from. What the parser checks across
pieces is checked here instead: no section or clause number is used twice, each section stands under
the heading of its parent (the parent is put before the piece, as a heading alone), and no provenance
key is given twice (the table is read in slices of its lines).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NoReturn

from spectool.errors import InputError, Problem
from spectool.model.document import Section, Spec
from spectool.model.numbers import ClauseNumber
from spectool.parsing import parse_spec, render_spec
from spectool.parsing.provenance import render_origins
from spectool.parsing.writer import render_section

# The provenance table is one block of the source, a line per block of the spec: read in slices.
ORIGINS_PER_PIECE = 1000
BUG = "this is a spectool bug: please report it with the document"


def render_checked(spec: Spec, path: str) -> str:
    """`render_spec(spec)`, once each of its pieces has read back as the part of `spec` it shows;
    InputError (and nothing to write) when one does not."""
    check_numbers_once(spec, path)
    front = replace(spec, sections=(), origins=())
    pieces = [render_spec(front)]
    reread = _parse(pieces[0], path)
    if reread != front or reread.source != spec.source:
        _differs(path, "the title page and front matter do not read back as imported")
    header = render_spec(replace(front, front=()))
    stack: list[ClauseNumber] = []
    for section in spec.sections:
        # The parser's stack of open headings as it stands before this section's heading.
        depth = section.number.depth
        parents = [_text(render_section(Section(number, ""))) for number in stack[: depth - 1]]
        pieces.append(_text(render_section(section)))
        reread = _parse("".join((header, *parents, pieces[-1])), path)
        if reread.sections[len(parents) :] != (section,):
            _differs(path, f"section {section.id} does not read back as imported")
        del stack[depth - 1 :]
        stack.append(section.number)
    if spec.origins:
        pieces.append(_text(render_origins(spec.origins)))
    check_origins(spec, header, path)
    return "".join(pieces)


def check_origins(spec: Spec, header: str, path: str) -> None:
    """The provenance table reads back as imported, a slice at a time, no key given twice; the set of
    keys (a tenth of the source's size) is gone before the source is joined."""
    keys: set[str] = set()
    for start in range(0, len(spec.origins), ORIGINS_PER_PIECE):
        origins = spec.origins[start : start + ORIGINS_PER_PIECE]
        reread = _parse(header + _text(render_origins(origins)), path)
        if reread.origins != origins or not keys.isdisjoint(origin.key for origin in origins):
            _differs(path, "the provenance (block origins) does not read back as imported")
        keys.update(origin.key for origin in origins)


def check_numbers_once(spec: Spec, path: str) -> None:
    """No section or clause number is used twice: the parser would refuse the whole text."""
    seen: set[ClauseNumber] = set()
    for number in (
        *(section.number for section in spec.sections),
        *(clause.number for clause in spec.clauses()),
    ):
        if number in seen:
            _differs(path, f"the number {number} is used twice")
        seen.add(number)


def _text(lines: list[str]) -> str:
    # As render_spec joins its lines: each piece after the header opens with an empty line of its own.
    return "\n".join(lines) + "\n"


def _parse(text: str, path: str) -> Spec:
    try:
        return parse_spec(text, path)
    except InputError as error:
        first = error.problems[0]
        raise InputError(
            [Problem(path, 0, 0, f"the imported text does not read back: {first.message}", hint=BUG)]
        ) from None


def _differs(path: str, message: str) -> NoReturn:
    raise InputError([Problem(path, 0, 0, message, hint=BUG)])
