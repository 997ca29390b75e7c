"""The names each spec goes by (`[specs.NAME]`: title, short names, aliases); references resolved by them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spectool.config import Config
from spectool.memo import MemoKind, RunMemo
from spectool.model.corpus import Corpus
from spectool.model.document import Spec
from spectool.rules.config_values import TableReader
from spectool.rules.references.targets import Located, located_references

_WORD = r"[A-Z][A-Za-z0-9'’\-]*"
# Small words that may stand inside a document's name ("Code of Practice for Metering").
_JOINERS = r"(?:of|and|for|the|to|on|in)"
# A name ends before the next reference ("... of the Code and Section 4 of ...").
_NEXT = r"(?!(?:Sections?|Clauses?|Paragraphs?)\b)"
# "... of the Communications Hub Technical Specification": the capitalised name after a reference.
_NAMED = re.compile(rf"\s+of\s+(?:the\s+)?(?P<name>{_WORD}(?:\s+(?:{_JOINERS}\s+)*{_NEXT}{_WORD})*)")
_NAME_WORD = re.compile(rf"{_WORD}|{_JOINERS}")


@dataclass(frozen=True, slots=True)
class SpecNames:
    """Every name of every spec, matched whatever the case, spacing or a final plural "s"."""

    by_key: dict[str, str] = field(default_factory=dict)  # folded name -> the spec's name in the corpus
    written: tuple[str, ...] = ()  # every name as configured or written in a spec's header

    def resolve(self, written: str) -> str | None:
        """The corpus name of the spec that `written` names, or None."""
        return self.by_key.get(name_key(written))


def name_key(name: str) -> str:
    return " ".join(name.casefold().split()).removesuffix("s")


def load_spec_names(config: Config, corpus: Corpus) -> SpecNames:
    """`[specs.NAME]` of the configuration, with each spec's own name and title; ConfigError at a bad key."""
    by_key: dict[str, str] = {}
    written: list[str] = []
    for spec in corpus:
        by_key.setdefault(name_key(spec.name), spec.name)
        written.append(spec.name)
    for entry in TableReader.top(config, "specs").subtables():
        entry.reject_unknown(("title", "short-names", "aliases"))
        names = (
            entry.string("title"),
            *entry.strings("short-names", default=()),
            *entry.strings("aliases", default=()),
        )
        written.extend(names)
        for name in names:
            other = by_key.setdefault(name_key(name), entry.name)
            if other != entry.name:
                raise entry.error("", f"'{name}' already names {other}: a name may name one spec only")
    for spec in corpus:
        if spec.title:
            by_key.setdefault(name_key(spec.title), spec.name)
            written.append(spec.title)
    return SpecNames(by_key, tuple(dict.fromkeys(written)))


_NAMES: MemoKind[SpecNames] = MemoKind("spec names")


def spec_names_of(config: Config, corpus: Corpus, memo: RunMemo) -> SpecNames:
    """The names of this configuration and corpus, read once per run."""
    return memo.once(_NAMES, (config, corpus), lambda: load_spec_names(config, corpus))


@dataclass(frozen=True, slots=True)
class NamedReference:
    """A reference whose spec is resolved through its names; `unknown` is a document named but not held."""

    located: Located
    unknown: str | None = None  # the document's name as written, when no spec of the corpus goes by it


_NAMED_REFERENCES: MemoKind[tuple[NamedReference, ...]] = MemoKind("references resolved by spec names")


def named_references_of(spec: Spec, names: SpecNames, memo: RunMemo) -> tuple[NamedReference, ...]:
    """`named_references`, worked out once per run for each spec: the glossaries, XREF001 and XREF002
    each walk every reference of every spec."""
    return memo.once(_NAMED_REFERENCES, (spec, names), lambda: tuple(named_references(spec, names)))


def named_references(spec: Spec, names: SpecNames) -> Iterator[NamedReference]:
    """Each reference of `spec`, its spec resolved by any of its names ("clause 4.4.2 of the
    Communications Hub Technical Specification" is a reference into CHTS)."""
    for located in located_references(spec):
        reference = located.reference
        if reference.spec is not None:
            resolved = names.resolve(reference.spec)
            if resolved is not None and resolved != reference.spec:
                located = replace(located, reference=replace(reference, spec=resolved))
            yield NamedReference(located)
            continue
        name = document_name(located)
        if name is None:
            yield NamedReference(located)
            continue
        found = _longest_known(name, names)
        if found is not None:
            yield NamedReference(_widened(located, found[0], found[1]))
        elif len(re.findall(_WORD, name)) > 1:
            yield NamedReference(_widened(located, None, name), unknown=name)
        else:
            yield NamedReference(located)  # "Section 4 of the Code": one word is no document's name


def document_name(located: Located) -> str | None:
    """The capitalised name written after the reference ("of the Smart Energy Code"), if any."""
    reference = located.reference
    match = _NAMED.match(located.text.value, reference.offset + reference.length)
    return " ".join(match["name"].split()) if match else None


def _longest_known(name: str, names: SpecNames) -> tuple[str, str] | None:
    """(spec, the words of `name` that name it) for the longest leading run of words naming a spec."""
    words = _NAME_WORD.findall(name)
    for count in range(len(words), 0, -1):
        if words[count - 1][0].islower():
            continue  # a name does not end on a small word
        written = " ".join(words[:count])
        resolved = names.resolve(written)
        if resolved is not None:
            return resolved, written
    return None


def _widened(located: Located, spec: str | None, written: str) -> Located:
    """The reference into `spec` (None: a document not held), spanning to the end of the name written."""
    reference = located.reference
    value = located.text.value
    end = reference.offset + reference.length
    match = _NAMED.match(value, end)
    assert match is not None  # document_name found it
    name_end = match.start("name")
    for word in _NAME_WORD.findall(written):
        name_end = value.index(word, name_end) + len(word)
    return replace(located, reference=replace(reference, spec=spec, length=name_end - reference.offset))
