"""The `[terminology]` table: typed entries, compiled once into one regex per kind, examples run at load."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from spectool.config import Config
from spectool.errors import ConfigError
from spectool.memo import MemoKind, RunMemo
from spectool.rules.config_values import TableReader
from spectool.rules.passages import JoinedText, Passage
from spectool.rules.phrases import PhraseMatch, PhraseSet, normalise

ENTRY_KEYS = ("reason", "scope", "fires", "passes")


class Scope(StrEnum):
    REQUIREMENTS = "requirements"  # clause text and sub-items
    ALL = "all"  # also notes and definitions


@dataclass(frozen=True, slots=True)
class Replacement:
    """`[terminology.replace.NAME]`: deprecated phrases and the term to use instead."""

    name: str
    preferred: str
    deprecated: tuple[str, ...]
    reason: str
    scope: Scope
    fires: tuple[str, ...]
    passes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BannedWord:
    """`[terminology.ban.NAME]`: words that must not appear, with no single replacement."""

    name: str
    words: tuple[str, ...]
    reason: str
    scope: Scope
    fires: tuple[str, ...]
    passes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """`[terminology.choose.NAME]`: accepted variants of one term; a spec uses one of them only."""

    name: str
    variants: tuple[str, ...]
    reason: str
    scope: Scope
    fires: tuple[str, ...]
    passes: tuple[str, ...]


Entry = Replacement | BannedWord | VariantGroup


def _owners(entries: tuple[Entry, ...]) -> tuple[tuple[Entry, str], ...]:
    return tuple((entry, phrase) for entry in entries for phrase in _phrases(entry))


def _phrases(entry: Entry) -> tuple[str, ...]:
    if isinstance(entry, Replacement):
        return entry.deprecated
    return entry.words if isinstance(entry, BannedWord) else entry.variants


@dataclass(frozen=True, slots=True)
class Finder:
    """The phrases of one kind of entry, compiled together, each mapped back to its entry."""

    owners: tuple[tuple[Entry, str], ...]
    phrases: PhraseSet = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrases", PhraseSet([phrase for _, phrase in self.owners]))

    def find(self, value: str) -> Iterator[tuple[Entry, str, PhraseMatch]]:
        """(entry, phrase, match) for every phrase of this kind in `value`."""
        for match in self.phrases.finditer(value):
            entry, phrase = self.owners[match.index]
            yield entry, phrase, match

    def find_in(self, text: JoinedText) -> Iterator[tuple[Entry, str, Passage, PhraseMatch]]:
        """(entry, phrase, passage, match within the passage) for every phrase of this kind in a spec."""
        for passage, match in text.find(self.phrases):
            entry, phrase = self.owners[match.index]
            yield entry, phrase, passage, match


@dataclass(frozen=True, slots=True)
class TerminologyTable:
    replacements: tuple[Replacement, ...] = ()
    banned: tuple[BannedWord, ...] = ()
    variants: tuple[VariantGroup, ...] = ()
    names: tuple[str, ...] = ()  # proper names and titles that no glossary needs to define
    deprecated_finder: Finder = field(init=False, repr=False)
    banned_finder: Finder = field(init=False, repr=False)
    variant_finder: Finder = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "deprecated_finder", Finder(_owners(self.replacements)))
        object.__setattr__(self, "banned_finder", Finder(_owners(self.banned)))
        object.__setattr__(self, "variant_finder", Finder(_owners(self.variants)))


def load_terminology(config: Config) -> TerminologyTable:
    """Read and check `[terminology]`; ConfigError at the offending key, or at an example that fails."""
    top = TableReader.top(config, "terminology")
    top.reject_unknown(("replace", "ban", "choose", "names"))
    seen: dict[str, str] = {}
    replacements = tuple(_replacement(entry, seen) for entry in top.entries("replace"))
    banned = tuple(_banned(entry, seen) for entry in top.entries("ban"))
    variants = tuple(_variant_group(entry, seen) for entry in top.entries("choose"))
    names = top.strings("names", default=())
    table = TerminologyTable(replacements, banned, variants, names)
    for kind, entries in (("replace", replacements), ("ban", banned), ("choose", variants)):
        for entry in entries:
            _run_examples(TableReader(config, f"terminology.{kind}.{entry.name}", {}), table, entry)
    return table


def _claim(entry: TableReader, key: str, phrases: tuple[str, ...], seen: dict[str, str]) -> None:
    """Refuse a phrase that another entry already claims: the table would contradict itself."""
    for phrase in phrases:
        other = seen.setdefault(normalise(phrase), entry.dotted)
        if other != entry.dotted:
            raise entry.error(key, f"'{phrase}' is already listed in '{other}'")


def _common(entry: TableReader, default_scope: Scope) -> tuple[str, Scope, tuple[str, ...], tuple[str, ...]]:
    reason = entry.string("reason")
    scope = Scope(entry.choice("scope", tuple(Scope), default=default_scope.value))
    return reason, scope, entry.strings("fires", verbatim=True), entry.strings("passes", verbatim=True)


def _replacement(entry: TableReader, seen: dict[str, str]) -> Replacement:
    entry.reject_unknown(("use", "instead-of", *ENTRY_KEYS))
    preferred = entry.string("use")
    deprecated = entry.strings("instead-of")
    if normalise(preferred) in {normalise(phrase) for phrase in deprecated}:
        raise entry.error("instead-of", f"'{preferred}' is both the term to use and a deprecated one")
    _claim(entry, "instead-of", deprecated, seen)
    return Replacement(entry.name, preferred, deprecated, *_common(entry, Scope.ALL))


def _banned(entry: TableReader, seen: dict[str, str]) -> BannedWord:
    entry.reject_unknown(("words", *ENTRY_KEYS))
    words = entry.strings("words")
    _claim(entry, "words", words, seen)
    return BannedWord(entry.name, words, *_common(entry, Scope.REQUIREMENTS))


def _variant_group(entry: TableReader, seen: dict[str, str]) -> VariantGroup:
    entry.reject_unknown(("variants", *ENTRY_KEYS))
    variants = entry.strings("variants")
    if len(variants) < 2:
        raise entry.error("variants", f"'{entry.key('variants')}' needs at least two variants to choose from")
    _claim(entry, "variants", variants, seen)
    return VariantGroup(entry.name, variants, *_common(entry, Scope.ALL))


def fires(table: TerminologyTable, entry: Entry, text: str) -> bool:
    """Would the rule for `entry` report `text` (taken as one clause of one spec)?"""
    if isinstance(entry, Replacement):
        return any(found is entry for found, _, _ in table.deprecated_finder.find(text))
    if isinstance(entry, BannedWord):
        return any(found is entry for found, _, _ in table.banned_finder.find(text))
    used = {normalise(phrase) for found, phrase, _ in table.variant_finder.find(text) if found is entry}
    return len(used) > 1


def _run_examples(where: TableReader, table: TerminologyTable, entry: Entry) -> None:
    for example in entry.fires:
        if not fires(table, entry, example):
            raise _example_error(where, "fires", f"this example should fire but does not: {example!r}")
    for example in entry.passes:
        if fires(table, entry, example):
            raise _example_error(where, "passes", f"this example should pass but fires: {example!r}")


def _example_error(where: TableReader, key: str, message: str) -> ConfigError:
    return where.error(key, message, hint="the table's own examples check it: fix the phrases or the example")


_TABLE: MemoKind[TerminologyTable] = MemoKind("terminology table")


def terminology_of(config: Config, memo: RunMemo) -> TerminologyTable:
    """The table of this configuration, read and compiled once per run."""
    return memo.once(_TABLE, (config,), lambda: load_terminology(config))
