"""Property (issue 18): for random text edits on random clauses of SMETS2 4.2, every change the
applied text shows lies inside a whole-word occurrence of the quoted words, and nowhere else.

The oracle here is written apart from `spectool.amend.matching`: a plain word-boundary search and a
word-by-word comparison. New words are made-up capitals that occur nowhere in the spec, so the
comparison lines the two texts up one way only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spectool.amend.apply import apply_target
from spectool.amend.scope import verify_scope
from spectool.amend.textedit import segments
from spectool.amend.writer import quote
from spectool.errors import InputError
from spectool.model.document import Clause, Spec
from tests.amend.helpers import amendment, bundled

KEY = "SMETS2@4.2"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NEW_WORDS = ["QXV", "ZYW", "KQJX", "VXZQ"]


@cache
def base() -> Spec:
    spec = bundled().get("SMETS2", "4.2")
    assert spec is not None
    return spec


@cache
def clauses() -> tuple[Clause, ...]:
    return tuple(clause for clause in base().clauses() if len(clause.full_text.split()) > 3)


@st.composite
def text_edits(draw: st.DrawFn) -> tuple[Clause, str, str]:
    """A clause, the quoted words, and one instruction on that clause in the amending language."""
    clause = draw(st.sampled_from(clauses()))
    words = [word for word in clause.full_text.split() if '"' not in word and "\u201d" not in word]
    assume(words)
    first = draw(st.integers(0, len(words) - 1))
    quoted = " ".join(words[first : first + draw(st.integers(1, 3))])
    if draw(st.booleans()):
        # Part of a word, punctuation stripped: "the" of "other", "power" of "powered".
        word = draw(st.sampled_from(words)).strip(".,;:()")
        assume(len(word) >= 3)
        start = draw(st.integers(0, len(word) - 2))
        quoted = word[start : draw(st.integers(start + 2, len(word)))]
    which = draw(
        st.sampled_from(["", "every occurrence of ", "the last occurrence of "])
        | st.sampled_from(["1st", "2nd", "3rd"]).map(lambda nth: f"the {nth} occurrence of ")
    )
    new = " ".join(draw(st.lists(st.sampled_from(_NEW_WORDS), min_size=1, max_size=3)))
    edit = draw(
        st.sampled_from(
            [
                f"for {which}{quote(quoted)} substitute {quote(new)}",
                f"after {which}{quote(quoted)} insert {quote(new)}",
                f"before {which}{quote(quoted)} insert {quote(new)}",
                f"omit {which}{quote(quoted)}",
            ]
        )
    )
    return clause, quoted, f"In clause {clause.number}, {edit}."


def whole_word_spans(text: str, words: str) -> list[tuple[int, int]]:
    body = r"\s+".join(re.escape(part) for part in words.split())
    start = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    end = r"(?!\w)" if re.match(r"\w", words[-1]) else ""
    return [match.span() for match in re.finditer(start + body + end, text)]


def stray_changes(old: str, new: str, quoted: str) -> list[str]:
    """Each change from `old` to `new` that is not inside (or, for an insertion, beside) a whole-word
    occurrence of `quoted`, or that brings in words other than the new words."""
    spans = whole_word_spans(old, quoted)
    old_tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(old)]
    new_tokens = [m.group() for m in _TOKEN.finditer(new)]
    matcher = SequenceMatcher(None, [t for t, _, _ in old_tokens], new_tokens, autojunk=False)
    stray = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            start, end = old_tokens[i1][1], old_tokens[i2 - 1][2]
            inside = any(first <= start and end <= last for first, last in spans)
        else:
            left = old_tokens[i1 - 1][2] if i1 else 0
            right = old_tokens[i1][1] if i1 < len(old_tokens) else len(old)
            inside = any(first <= right and left <= last for first, last in spans)
        brought = [token for token in new_tokens[j1:j2] if token not in _NEW_WORDS]
        if not inside or (brought and tag == "insert"):
            stray.append(f"{tag} at word {i1}: {new_tokens[j1:j2]}")
    return stray


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_edits())
def test_every_change_lies_inside_whole_words_the_instruction_quotes(
    drawn: tuple[Clause, str, str],
) -> None:
    clause, quoted, instruction = drawn
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    try:
        amended = apply_target(draft, KEY, base()).spec
    except InputError:
        return  # refused, with a message: never a silent change
    after = amended.clause(clause.number)
    assert after is not None
    old_pieces, new_pieces = dict(segments(clause)), dict(segments(after))
    assert old_pieces.keys() == new_pieces.keys()
    changed = False
    for key, text in old_pieces.items():
        old, new = text.value, new_pieces[key].value
        changed = changed or old.split() != new.split()
        assert stray_changes(old, new, quoted) == [], (instruction, key)
    assert changed, instruction
    for other in base().clauses():
        if other.number != clause.number:
            assert amended.clause(other.number) == other
    assert verify_scope(draft, KEY, base(), amended) == []
