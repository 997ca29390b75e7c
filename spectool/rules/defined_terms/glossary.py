"""The glossary a spec's text may draw on: its own definitions and those of the specs it refers to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus
from spectool.model.document import Definition, Reference, Spec
from spectool.rules.phrases import PhraseSet, normalise
from spectool.rules.references.names import SpecNames, named_references, named_references_of


@dataclass(frozen=True, slots=True)
class Glossary:
    """Terms by their exact spelling, each with the key of the spec that defines it (own terms first)."""

    terms: dict[str, str]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(self.terms.values()))


def spec_references(spec: Spec) -> Iterator[Reference]:
    """Every reference anywhere in the spec: clauses, sub-items, notes and definitions."""
    for clause in spec.clauses():
        yield from clause.all_references()
    for definition in spec.definitions():
        yield from definition.references
        for item in definition.all_items():
            yield from item.references


def referenced_specs(
    spec: Spec, corpus: Corpus, spec_names: SpecNames | None = None, memo: RunMemo | None = None
) -> list[Spec]:
    """The other specs this one refers to ("Section 4.3 of the CHTS", or by any name in `spec_names`)
    or defines by name, latest versions (`memo`: the run's, where the references may be resolved)."""
    names = [reference.spec for reference in spec_references(spec) if reference.spec]
    if spec_names is not None:
        names = [spec_names.resolve(name) or name for name in names]
        names.extend(
            named.located.reference.spec
            for named in (
                named_references_of(spec, spec_names, memo)
                if memo is not None
                else named_references(spec, spec_names)
            )
            if named.located.reference.spec
        )
    names.extend(definition.term for definition in spec.definitions())
    found: list[Spec] = []
    for name in dict.fromkeys(names):
        other = corpus.get(name) if name != spec.name else None
        if other is not None:
            found.append(other)
    return found


_GLOSSARY: MemoKind[Glossary] = MemoKind("glossary")


def glossary_for(spec: Spec, corpus: Corpus, memo: RunMemo, names: SpecNames | None = None) -> Glossary:
    """The glossary for `spec` within `corpus` (its references resolved by `names`, the run's spec
    names), worked out once per run, spec and corpus."""
    return memo.once(_GLOSSARY, (spec, corpus), lambda: _glossary(spec, corpus, names, memo))


def _glossary(spec: Spec, corpus: Corpus, names: SpecNames | None, memo: RunMemo) -> Glossary:
    terms: dict[str, str] = {}
    for source in (spec, *referenced_specs(spec, corpus, names, memo)):
        for definition in source.definitions():
            terms.setdefault(definition.term, source.key)
    return Glossary(terms)


def definition_text(definition: Definition) -> str:
    """What a definition says, normalised for comparison: one line, lower case, no final full stop."""
    parts = [definition.text.flat, *(f"({item.label}) {item.text.flat}" for item in definition.all_items())]
    return normalise(" ".join(parts)).rstrip(" .;")


@lru_cache(maxsize=4096)
def phrase_set(terms: tuple[str, ...], *, case_sensitive: bool) -> PhraseSet:
    """One compiled set per distinct list of terms (specs that share a glossary share the regex)."""
    return PhraseSet(terms, case_sensitive=case_sensitive)
