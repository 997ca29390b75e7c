"""Round trip over random tracked edits of every kind on every bundled spec exported to Word:
the drafted amendment, applied to the corpus version, gives the document's accepted text exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spectool.amend.apply import apply_target
from spectool.amend.reader import parse_amendment
from spectool.amend.writer import render_amendment
from spectool.draft.drafting import draft_amendment
from spectool.draft.instructions import same_paragraph
from spectool.draft.views import read_tracked
from spectool.model.document import Clause, Spec

from .conftest import corpus, exported
from .tracked import TrackedDocument

KEYS = ("SMETS2@4.2", "SMETS2@5.0", "CHTS@1.5")
NEW_WORDS = ("promptly", "at all times", "and record an Event", "where practicable", "each")
KINDS = ("substitute", "insert", "omit", "omit clause", "insert clause", "definition")


def _unreferenced(spec: Spec) -> list[Clause]:
    """Clauses no other text refers to, and not the last of their section: safe to omit."""
    referred = {str(ref.target) for clause in spec.clauses() for ref in clause.all_references()}
    return [c for c in spec.clauses() if str(c.number) not in referred and len(c.number.parts) > 2]


def _apply_edit(document: TrackedDocument, spec: Spec, kind: str, data: st.DataObject) -> None:
    clauses = [c for c in spec.clauses() if len(c.text.flat.split()) > 3]
    if kind == "omit clause":
        choices = _unreferenced(spec)
        clause = data.draw(st.sampled_from(choices))
        document.delete_paragraph(f"{clause.number} ")
        return
    if kind == "insert clause":
        section = data.draw(st.sampled_from([s for s in spec.sections if s.clauses]))
        last = section.clauses[-1]
        number = ".".join(str(part) for part in (*last.number.parts[:-1], last.number.parts[-1] + 1))
        if spec.clause(number) is None:
            document.insert_paragraph(
                f"{last.number} ", f"{number} ESME shall {data.draw(st.sampled_from(NEW_WORDS))}."
            )
        return
    if kind == "definition":
        definition = data.draw(st.sampled_from(list(spec.definitions())))
        words = definition.text.flat.split()
        document.substitute(" ".join(words[:3]), words[-1], data.draw(st.sampled_from(NEW_WORDS)) + ".")
        return
    clause = data.draw(st.sampled_from(clauses))
    words = clause.text.flat.split()
    at = data.draw(st.integers(1, len(words) - 1))
    word = words[at]
    prefix = f"{clause.number} "
    if kind == "substitute":
        document.substitute(prefix, " " + word, " " + data.draw(st.sampled_from(NEW_WORDS)))
    elif kind == "insert":
        document.insert(prefix, " " + word, " " + data.draw(st.sampled_from(NEW_WORDS)))
    else:
        document.substitute(prefix, " " + word, "")


@pytest.mark.parametrize("key", KEYS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(data=st.data())
def test_random_tracked_edits_round_trip(key: str, data: st.DataObject) -> None:
    spec = corpus().require(key)
    document = TrackedDocument(exported(key))
    kinds = data.draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=4))
    for kind in kinds:
        try:
            _apply_edit(document, spec, kind, data)
        except LookupError:
            continue  # the words were already edited away by an earlier edit
    with tempfile.TemporaryDirectory() as folder:
        path = document.save(Path(folder) / "edited.docx")
        views = read_tracked(path, spec.name, spec.version)
    if (
        all(same_paragraph(a, b) for a, b in zip(views.base.clauses(), views.edited.clauses(), strict=False))
        and (len(list(views.base.clauses())) == len(list(views.edited.clauses())))
        and [d.text.flat for d in views.base.definitions()]
        == [d.text.flat for d in views.edited.definitions()]
    ):
        return  # the edits cancelled out
    draft = draft_amendment(views, spec)
    amendment = parse_amendment(render_amendment(draft.amendment))
    result = apply_target(amendment, key, spec).spec
    assert [c.number for c in result.clauses()] == [c.number for c in views.edited.clauses()]
    for mine, theirs in zip(result.clauses(), views.edited.clauses(), strict=True):
        assert same_paragraph(mine, theirs), mine.number
    assert [d.text.flat for d in result.definitions()] == [d.text.flat for d in views.edited.definitions()]
