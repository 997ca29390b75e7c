"""Stable fingerprints: what a finding is about, not where it happens to sit today.

A finding keeps its fingerprints when lines move, when its clause is renumbered and when other
clauses change. Two fingerprints are kept, as code scanners do: a strict one that names the clause
by its own words, and a loose one without the clause, which still pairs a finding whose clause was
reworded elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spectool.findings import Finding
from spectool.model.corpus import Corpus
from spectool.model.document import Clause, Spec

STRICT = "spectool/clause/v1"
LOOSE = "spectool/text/v1"

# Clause numbers ("5.4.4.5", "2.1.2A") are where renumbering shows; they are left out of identities.
_NUMBER = re.compile(r"\b\d+[A-Z]*(?:\.\d+[A-Z]*)+\b|\b\d+\b")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text with clause numbers and spacing taken out, in lower case: what an identity hashes."""
    return _SPACE.sub(" ", _NUMBER.sub("#", text)).strip().lower()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def clause_identity(spec: Spec | None, owner: str) -> str:
    """The words of the clause, definition or section a finding belongs to, normalised; the owner
    itself when the spec does not hold it (a defined term is its own identity)."""
    if spec is None or not owner:
        return normalise(owner)
    try:
        found = spec.find(owner)
    except ValueError:
        found = None
    if found is None:
        return normalise(owner)
    text = found.full_text if isinstance(found, Clause) else found.title
    return normalise(text)


def matched_text(finding: Finding, sources: Mapping[str, Sequence[str]]) -> str:
    """The text the finding points at, or its message where it points at no span."""
    lines = sources.get(finding.path)
    if lines is not None and 0 < finding.line <= len(lines) and finding.end_column > finding.column:
        return normalise(lines[finding.line - 1][finding.column - 1 : finding.end_column - 1])
    return normalise(finding.message)


def fingerprinted(
    findings: Sequence[Finding], corpus: Corpus | None, sources: Mapping[str, Sequence[str]]
) -> list[Finding]:
    """Each finding with its strict and loose fingerprints set; repeats of one thing are counted,
    so the second identical finding in a clause has a fingerprint of its own."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for finding in sorted(findings, key=lambda found: found.key):
        spec = corpus.get(finding.spec, finding.version or None) if corpus and finding.spec else None
        subject = finding.spec or finding.path
        text = matched_text(finding, sources)
        loose_key = (finding.code, subject, text)
        strict_key = (*loose_key, clause_identity(spec, finding.clause))
        seen[loose_key] += 1
        seen[strict_key] += 1
        prints = (
            (STRICT, _digest(*strict_key, str(seen[strict_key]))),
            (LOOSE, _digest(*loose_key, str(seen[loose_key]))),
        )
        out.append(replace(finding, fingerprints=prints))
    return out
