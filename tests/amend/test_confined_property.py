"""Property (issue 18): for random text edits on random clauses of SMETS2 4.2, every change the
applied text shows lies inside a whole-word occurrence of the quoted words, and nowhere else.

The oracle here is written apart from `spectool.amend.matching` and `spectool.amend.confined`: a
plain word-boundary search, then every part of the old text outside what it finds must still stand,
in order. New words are made-up capitals that occur nowhere in the spec, so they are easy to find
and must not be glued to other words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spectool.amend.apply import apply_target
from spectool.amend.scope import verify_scope
from spectool.amend.textedit import segments
from spectool.amend.writer import quote
from spectool.errors import InputError
from spectool.model.document import Clause
from tests.amend.helpers import amendment, smets2

KEY = "SMETS2@4.2"
_NEW_WORDS = ["QXV", "ZYW", "KQJX", "VXZQ"]


@cache
def clauses() -> tuple[Clause, ...]:
    return tuple(clause for clause in smets2().clauses() if len(clause.full_text.split()) > 3)


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
    """What in `new` shows a change outside the whole-word occurrences of `quoted` in `old`: parts of
    `old` outside them that are missing (white space aside), or new words glued to other words."""
    pattern, position = "", 0
    for start, end in whole_word_spans(old, quoted):
        pattern += _loose(old[position:start]) + ".*?"
        position = end
    pattern += _loose(old[position:])
    stray = [] if re.fullmatch(pattern, new, re.DOTALL) else ["words outside the quoted ones changed"]
    glued = re.compile(rf"(?<![\w.-])(?:{'|'.join(_NEW_WORDS)})(?![\w-]|\.\w)")
    if len(glued.findall(new)) != len(re.findall("|".join(_NEW_WORDS), new)):
        stray.append("new words glued to others")
    return stray


def changed_only_inside(
    before: Clause, after: Clause, quoted: str, context: object, pieces: Collection[str] | None = None
) -> bool:
    """Assert that `after` differs from `before` only inside whole-word occurrences of `quoted`, and only
    in the `pieces` named (every piece when None; keys as "cell/1/2/0"); whether any words changed."""
    old_pieces, new_pieces = dict(segments(before)), dict(segments(after))
    assert old_pieces.keys() == new_pieces.keys()
    changed = False
    for key, text in old_pieces.items():
        old, new = text.value, new_pieces[key].value
        if pieces is not None and "/".join(key) not in pieces:
            assert old == new, (context, key)
            continue
        changed = changed or old.split() != new.split()
        assert stray_changes(old, new, quoted) == [], (context, key)
    return changed


def _loose(text: str) -> str:
    return r"\s*" + r"\s+".join(re.escape(word) for word in text.split()) + r"\s*" if text.split() else r"\s*"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_edits())
def test_every_change_lies_inside_whole_words_the_instruction_quotes(
    drawn: tuple[Clause, str, str],
) -> None:
    clause, quoted, instruction = drawn
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    try:
        amended = apply_target(draft, KEY, smets2()).spec
    except InputError:
        return  # refused, with a message: never a silent change
    after = amended.clause(clause.number)
    assert after is not None
    assert changed_only_inside(clause, after, quoted, instruction), instruction
    for other in smets2().clauses():
        if other.number != clause.number:
            assert amended.clause(other.number) == other
    assert verify_scope(draft, KEY, smets2(), amended) == []


@st.composite
def scoped_edits(draw: st.DrawFn) -> tuple[Clause, tuple[Clause, ...], str, str]:
    """A clause, a scope that takes it in (its section, a list or a range with a neighbour), the
    quoted words, and one instruction over that scope."""
    clause, quoted, instruction = draw(text_edits())
    section = [c for c in smets2().clauses() if c.number.parent == clause.number.parent]
    neighbour = draw(st.sampled_from(section))
    assume(neighbour.number != clause.number or len(section) == 1)
    first, last = sorted((clause, neighbour), key=lambda c: section.index(c))
    scopes = [(f"Section {clause.number.parent}", tuple(section))]
    if first is not last:
        scopes.append((f"clauses {first.number} and {last.number}", (first, last)))
        inside = tuple(section[section.index(first) : section.index(last) + 1])
        scopes.append((f"clauses {first.number} to {last.number}", inside))
    words, scope = draw(st.sampled_from(scopes))
    return clause, scope, quoted, instruction.replace(f"In clause {clause.number},", f"In {words},", 1)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scoped_edits())
def test_a_scoped_edit_changes_only_whole_words_it_quotes_and_only_inside_its_scope(
    drawn: tuple[Clause, tuple[Clause, ...], str, str],
) -> None:
    _, scope, quoted, instruction = drawn
    draft = amendment(f"Amendments to SMETS2 4.2\n\n1. {instruction}\n")
    try:
        amended = apply_target(draft, KEY, smets2()).spec
    except InputError:
        return  # refused, with a message: never a silent change
    inside = {clause.number for clause in scope}
    changed = False
    for clause in smets2().clauses():
        after = amended.clause(clause.number)
        assert after is not None
        if clause.number not in inside:
            assert after == clause, (instruction, clause.number)
            continue
        changed = changed_only_inside(clause, after, quoted, (instruction, clause.number)) or changed
    assert changed, instruction
    assert verify_scope(draft, KEY, smets2(), amended) == []
