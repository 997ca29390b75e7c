"""Draft an amendment from the two views of a document: check the base, write the instructions, prove them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spectool.amend.apply import apply_target
from spectool.amend.mirror import mirror_amendment
from spectool.amend.model import Amendment, Instruction, Target
from spectool.amend.textedit import segments
from spectool.draft.instructions import DraftError, as_amendment, draft_operations, same_paragraph
from spectool.draft.phrases import flat
from spectool.draft.views import DraftViews
from spectool.errors import InputError
from spectool.model.document import Definition, Spec

# "MP102A Power Outage Alerts ..." or "MP102A: ...": a modification's id, then its title.
_MODIFICATION = re.compile(r"([A-Z]{1,5}\d+[A-Z]?)\b[:\s-]+(.+)")
# What the drafter must fill in where the document says nothing.
TO_COMPLETE = "[to be completed by the drafter]"


@dataclass(frozen=True, slots=True)
class Mismatch:
    """Where the document's base text differs from the target version: a clause and its first words apart."""

    where: str
    words: str

    def __str__(self) -> str:
        return f"{self.where}: {self.words}"


def base_mismatches(base: Spec, target: Spec) -> list[Mismatch]:
    """Clauses and definitions whose text in the document (all changes rejected) is not the target's."""
    out: list[Mismatch] = []
    theirs = {str(clause.number): clause for clause in target.clauses()}
    ours = {str(clause.number): clause for clause in base.clauses()}
    for number, clause in theirs.items():
        mine = ours.get(number)
        if mine is None:
            out.append(Mismatch(f"clause {number}", f"missing from the document ({target.key} has it)"))
        elif not same_paragraph(mine, clause):
            out.append(Mismatch(f"clause {number}", _first_difference(mine.full_text, clause.full_text)))
    out.extend(Mismatch(f"clause {number}", f"not in {target.key}") for number in ours.keys() - theirs.keys())
    their_terms = {d.term: d for d in target.definitions()}
    for definition in base.definitions():
        other = their_terms.get(definition.term)
        if other is None:
            out.append(Mismatch(f'definition of "{definition.term}"', f"not in {target.key}"))
        elif not same_paragraph(definition, other):
            out.append(
                Mismatch(
                    f'definition of "{definition.term}"',
                    _first_difference(flat(definition.text.value), flat(other.text.value)),
                )
            )
    return out


def _first_difference(document: str, corpus: str) -> str:
    mine, theirs = flat(document).split(" "), flat(corpus).split(" ")
    at = next(
        (i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b), min(len(mine), len(theirs))
    )
    ours, corpus_words = " ".join(mine[at : at + 6]), " ".join(theirs[at : at + 6])
    return f'the document has "{ours}" where the corpus has "{corpus_words}"'


@dataclass(frozen=True, slots=True)
class Draft:
    """The drafted amendment, and the notes `mirror` left for the drafter on the other versions."""

    amendment: Amendment
    notes: tuple[str, ...] = ()


def draft_amendment(views: DraftViews, target: Spec, mirrors: tuple[Spec, ...] = ()) -> Draft:
    """The amendment of `target` that gives the edited view; DraftError if the base is not `target`'s
    text, or if the edits cannot be said in the amending language."""
    mismatches = base_mismatches(views.base, target)
    if mismatches:
        raise DraftError(
            f"the document's text before its changes is not {target.key}: "
            + "; ".join(str(m) for m in mismatches[:10])
            + (f"; and {len(mismatches) - 10} more" if len(mismatches) > 10 else "")
        )
    operations = draft_operations(target, views.edited)
    if not operations:
        raise DraftError(
            "the document has no text changes to draft (formatting changes are not instructions)"
        )
    bare = as_amendment(target, operations)
    try:
        verify(bare, target, views.edited)
    except DraftError:
        # An instruction on a sub-item, row or Note may not stand (a reference still cites the item
        # it omits): restate such clauses whole instead.
        bare = as_amendment(target, draft_operations(target, views.edited, parts=False))
        verify(bare, target, views.edited)
    instructions = _with_reasons(bare.targets[0].instructions, views)
    targets = [replace(bare.targets[0], instructions=instructions)]
    notes: list[str] = []
    for other in mirrors:
        mirror = mirror_amendment(replace(bare, targets=(targets[0],)), target, other)
        notes.extend(f"{other.key}: instruction {source.label}: {note}" for source, note in mirror.notes)
        # A proposal whose words are not in the other version is left to the drafter, as a note.
        carried = [
            entry.proposed
            for entry in mirror.entries
            if entry.proposed is not None and not any(n.startswith("does not apply") for n in entry.notes)
        ]
        if carried:
            numbered = tuple(replace(item, number=n) for n, item in enumerate(carried, 1))
            targets.append(Target(other.name, (other.version,), numbered))
    amendment = _with_change_request(replace(bare, targets=tuple(targets)), views, target)
    return Draft(amendment, tuple(notes))


def verify(amendment: Amendment, base: Spec, edited: Spec) -> None:
    """Applying the amendment to `base` must give `edited` word for word; DraftError says where not."""
    try:
        result = apply_target(amendment, base.key, base).spec
    except InputError as error:
        raise DraftError(f"a drafted instruction does not apply: {error.problems[0].message}") from None
    got = [(str(c.number), c) for c in result.clauses()]
    want = [(str(c.number), c) for c in edited.clauses()]
    if [n for n, _ in got] != [n for n, _ in want]:
        missing = sorted({n for n, _ in want} ^ {n for n, _ in got})
        raise DraftError(
            f"the drafted instructions do not give the edited clause numbers ({', '.join(missing[:5])})"
        )
    for (number, mine), (_, theirs) in zip(got, want, strict=True):
        if not same_paragraph(mine, theirs):
            raise DraftError(f"the drafted instructions do not give the edited text of clause {number}")
    ours = {d.term: _words(d) for d in result.definitions()}
    if ours != {d.term: _words(d) for d in edited.definitions()}:
        raise DraftError("the drafted instructions do not give the edited definitions")


def _words(definition: Definition) -> list[str]:
    return [flat(text.value) for _, text in segments(definition)]


def _with_reasons(instructions: tuple[Instruction, ...], views: DraftViews) -> tuple[Instruction, ...]:
    """Each comment anchored in a clause becomes the reason of the first instruction naming that clause."""
    reasons: dict[str, list[str]] = {}
    for comment in views.comments:
        if comment.clause:
            reasons.setdefault(comment.clause, []).append(flat(comment.text))
    out = []
    for instruction in instructions:
        key = str(instruction.clause) if instruction.clause is not None else ""
        found = reasons.pop(key, None)
        out.append(replace(instruction, reason=" ".join(found)) if found else instruction)
    return tuple(out)


def _with_change_request(amendment: Amendment, views: DraftViews, target: Spec) -> Amendment:
    authors = ", ".join(revision.author for revision in views.revisions)
    dates = sorted(r.last[:10] for r in views.revisions if r.last)
    loose = [f"{c.author}: {flat(c.text)}" for c in views.comments if not c.clause]
    # A document titled as the spec itself names no modification.
    title = views.title if views.title and views.title != target.title else ""
    named = _MODIFICATION.match(title)
    return replace(
        amendment,
        id=named.group(1) if named else amendment.id,
        title=(named.group(2) if named else title) or TO_COMPLETE,
        author=authors or TO_COMPLETE,
        date=dates[-1] if dates else TO_COMPLETE,
        reason="; ".join(loose) or TO_COMPLETE,
        summary=TO_COMPLETE,
        consequences=TO_COMPLETE,
        specs_affected=_specs_affected(amendment.targets),
        clauses_affected=_clauses_affected(amendment.targets),
    )


def _specs_affected(targets: tuple[Target, ...]) -> str:
    by_spec: dict[str, list[str]] = {}
    for target in targets:
        by_spec.setdefault(target.spec, []).extend(target.versions)
    return "; ".join(f"{spec} {', '.join(versions)}" for spec, versions in by_spec.items())


def _clauses_affected(targets: tuple[Target, ...]) -> str:
    parts = []
    for target in targets:
        named = dict.fromkeys(
            str(i.clause) if i.clause is not None else f'definition "{i.term}"' for i in target.instructions
        )
        parts.append(f"{target.label}: {', '.join(named)}")
    return "; ".join(parts)
