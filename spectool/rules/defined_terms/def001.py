"""DEF001 TermCapitalisation: a defined term written with other capitals than its glossary entry."""

from __future__ import annotations

from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.glossary import glossary_for, phrase_set
from spectool.rules.passages import SEPARATOR, joined
from spectool.rules.registry import register


def sentence_start(value: str, offset: int) -> bool:
    """True where a sentence (or a passage of joined text) begins at `offset`."""
    index = offset - 1
    while index >= 0 and value[index] in " \t\n":
        index -= 1
    return index < 0 or value[index] in ".:!?" + SEPARATOR


@register
class TermCapitalisation(Rule):
    """Reports a multi-word defined term written in requirement text with the wrong capitals.

    ## What it does
    Finds, in clause text and sub-items, every multi-word term that the glossary of the
    spec (or of a spec it refers to) defines, written with different capitals: "supply
    outage" where the glossary defines "Supply Outage". One-word terms ("Device",
    "Supply") are left alone, because their lower-case forms are ordinary English.

    ## Why
    In SEC legal text the capitals are what make a phrase the defined term. "supply outage"
    in lower case is an ordinary phrase with no defined meaning, so a requirement that uses
    it does not say what the drafter meant.

    ## Example
    ```
    5.4.4.3 ESME shall record a Power Outage Event when a supply outage begins.
    ```
    Use instead:
    ```
    5.4.4.3 ESME shall record a Power Outage Event when a Supply Outage begins.
    ```
    """

    code = "DEF001"
    name = "TermCapitalisation"
    summary = "a defined term is written with the wrong capitalisation"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        for spec in context.corpus:
            glossary = glossary_for(spec, context.corpus, context.memo)
            terms = tuple(sorted(term for term in glossary.terms if len(term.split()) > 1))
            if not terms:
                continue
            # Most matches are written right: recognise those without working out which term they are.
            right = {term + ending for term in terms for ending in ("", "s", "es")}
            phrases = phrase_set(terms, case_sensitive=False)
            text = joined(spec, context.memo, requirements_only=True)
            for start, end in phrases.spans(text.value, text.folded):
                written = text.value[start:end]
                if written in right:
                    continue
                written = " ".join(written.split())
                term = phrases.phrases[phrases.index_of(written)]
                suffix = written[len(term) :].lower()
                stem = written[: len(term)]
                if stem == term or (
                    stem == term[:1].upper() + term[1:] and sentence_start(text.value, start)
                ):
                    continue
                passage, offset = text.locate(start)
                message = f'"{written}" should be written "{term}", the term {glossary.terms[term]} defines'
                yield self.in_text(
                    spec,
                    passage.text,
                    start - offset,
                    end - offset,
                    message,
                    clause=passage.owner,
                    suggestion=term + suffix,
                )
