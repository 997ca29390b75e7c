"""Word-level diff of two texts: tokens (words, numbers, punctuation, whitespace) compared with
rapidfuzz's Indel opcodes, then tidied so that a reworded clause reads as a few clean replacements."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Indel

from spectool.diff.model import Op, Segment

# A clause number such as 5.7.4 is one token, so that renumbering reads as one replacement.
_TOKEN = re.compile(r"\d+(?:\.\d+)+|\w+(?:['\u2019]\w+)*|\s+|[^\w\s]", re.UNICODE)

# An unchanged island between two changes is folded into them when it holds at most this many
# words and characters (spaces included): "[supply] of [the Hub]" reads better as one replacement.
ISLAND_WORDS = 1
ISLAND_CHARS = 5
# Below this share of unchanged characters a text is shown as rewritten: all old out, all new in.
REWRITE_BELOW = 0.35


def tokenize(text: str) -> list[str]:
    """Words, numbers, single punctuation marks and whitespace runs; they join back to `text`."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Segments that give `old` when inserts are dropped and `new` when deletes are dropped."""
    if old == new:
        return (Segment(Op.EQUAL, old),) if old else ()
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(token, len(vocabulary)) for token in old_tokens]
    new_ids = [vocabulary.setdefault(token, len(vocabulary)) for token in new_tokens]
    # Regions: (equal tokens) or (deleted tokens, inserted tokens), in order.
    regions: list[tuple[list[str], list[str], bool]] = []
    for opcode in Indel.opcodes(old_ids, new_ids):
        deleted = old_tokens[opcode.src_start : opcode.src_end]
        inserted = new_tokens[opcode.dest_start : opcode.dest_end]
        if opcode.tag == "equal":
            regions.append((deleted, inserted, True))
        elif regions and not regions[-1][2]:
            previous = regions[-1]
            regions[-1] = (previous[0] + deleted, previous[1] + inserted, False)
        else:
            regions.append((deleted, inserted, False))
    regions = _fold_islands(regions)
    if _unchanged_share(regions, old, new) < REWRITE_BELOW:
        return _rewritten(old, new)
    return tuple(_segments(regions))


def _fold_islands(
    regions: list[tuple[list[str], list[str], bool]],
) -> list[tuple[list[str], list[str], bool]]:
    """Fold small unchanged islands between two changes into one change, until none is left."""
    out: list[tuple[list[str], list[str], bool]] = []
    for region in regions:
        out.append(region)
        while len(out) >= 3 and not out[-1][2] and out[-2][2] and not out[-3][2] and _small(out[-2][0]):
            after, island, before = out.pop(), out.pop(), out.pop()
            out.append((before[0] + island[0] + after[0], before[1] + island[1] + after[1], False))
    return out


def _small(tokens: list[str]) -> bool:
    words = sum(1 for token in tokens if token[0].isalnum() or token[0] == "_")
    return words <= ISLAND_WORDS and sum(len(token) for token in tokens) <= ISLAND_CHARS


def _unchanged_share(regions: list[tuple[list[str], list[str], bool]], old: str, new: str) -> float:
    kept = sum(len(token.strip()) for deleted, _, equal in regions if equal for token in deleted)
    shorter = min(len(re.sub(r"\s", "", old)), len(re.sub(r"\s", "", new)))
    return kept / shorter if shorter else 0.0


def _rewritten(old: str, new: str) -> tuple[Segment, ...]:
    return tuple(segment for segment in (Segment(Op.DELETE, old), Segment(Op.INSERT, new)) if segment.text)


def _segments(regions: Iterable[tuple[list[str], list[str], bool]]) -> list[Segment]:
    out: list[Segment] = []
    for deleted, inserted, equal in regions:
        if equal:
            _append(out, Op.EQUAL, "".join(deleted))
            continue
        deleted_text, inserted_text = "".join(deleted), "".join(inserted)
        # A change that starts or ends with the same whitespace on both sides keeps it unchanged:
        # "[old] " / "[new] " reads as old/new with the space left alone.
        lead = _common_space(deleted_text, inserted_text, lead=True)
        trail = _common_space(deleted_text[len(lead) :], inserted_text[len(lead) :], lead=False)
        _append(out, Op.EQUAL, lead)
        _append(out, Op.DELETE, deleted_text[len(lead) : len(deleted_text) - len(trail)])
        _append(out, Op.INSERT, inserted_text[len(lead) : len(inserted_text) - len(trail)])
        _append(out, Op.EQUAL, trail)
    return out


def _common_space(a: str, b: str, *, lead: bool) -> str:
    if not a or not b:
        return ""
    pattern = re.compile(r"^\s+" if lead else r"\s+$")
    first, second = pattern.search(a), pattern.search(b)
    if not first or not second:
        return ""
    x, y = first.group(), second.group()
    common = 0
    while common < min(len(x), len(y)) and (x[common] if lead else x[-1 - common]) == (
        y[common] if lead else y[-1 - common]
    ):
        common += 1
    return x[:common] if lead else x[len(x) - common :]


def _append(out: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if out and out[-1].op is op:
        out[-1] = Segment(op, out[-1].text + text)
    elif op is Op.EQUAL or not out or out[-1].op is Op.EQUAL or op is Op.INSERT:
        out.append(Segment(op, text))
    else:
        # A delete after an insert in the same change goes before it: deletions read first.
        inserted = out.pop()
        _append(out, op, text)
        out.append(inserted)
