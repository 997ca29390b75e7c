"""Properties: rewrapping keeps every character's offset; written instructions read back the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spectool.amend.model import EditText, Instruction, Place, Target, TextEditKind
from spectool.amend.reader import parse_amendment
from spectool.amend.textedit import reflow
from spectool.amend.writer import render_target
from spectool.model.numbers import ClauseNumber
from tests.amend.helpers import PREAMBLE

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz,.()", min_size=1, max_size=12)
WORDS = st.lists(WORD, min_size=1, max_size=60)


@given(WORDS, st.lists(st.booleans(), min_size=60, max_size=60), st.integers(20, 100))
def test_reflow_only_trades_spaces_and_line_breaks(words: list[str], breaks: list[bool], limit: int) -> None:
    value = "".join(word + ("\n" if brk else " ") for word, brk in zip(words, breaks, strict=False)).rstrip()
    flowed = reflow(value, limit)
    assert len(flowed) == len(value)
    assert flowed.split() == value.split()
    assert all(a == b or {a, b} <= {" ", "\n"} for a, b in zip(value, flowed, strict=True))
    if any(len(line) > limit for line in value.split("\n")):
        assert all(len(line) <= limit or " " not in line for line in flowed.split("\n"))


PART = st.text(alphabet="abcdefghijXYZ,;()-", min_size=1, max_size=10)
QUOTED = st.lists(st.tuples(PART, st.sampled_from([" ", " ", "  "])), min_size=1, max_size=30).map(
    lambda parts: "".join(part + gap for part, gap in parts).rstrip()
)


@settings(max_examples=60)
@given(QUOTED, QUOTED)
def test_any_text_edit_written_out_reads_back_the_same(anchor: str, text: str) -> None:
    edit = EditText(Place(ClauseNumber.parse("5.5.3")), TextEditKind.SUBSTITUTE, anchor, text)
    target = Target("SMETS2", ("4.2",), (Instruction(1, edit),))
    source = PREAMBLE.format(specs="SMETS2 4.2") + "\n" + "\n".join(render_target(target)) + "\n"
    (read,) = parse_amendment(source).targets
    assert read.instructions[0].operation == edit
