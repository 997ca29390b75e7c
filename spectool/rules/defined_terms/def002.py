"""DEF002 UndefinedTerm: a capitalised multi-word phrase that no glossary defines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import process

from spectool.findings import Finding, Severity
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.def001 import sentence_start
from spectool.rules.defined_terms.glossary import Glossary, glossary_for, phrase_set
from spectool.rules.passages import Passage, requirement_passages
from spectool.rules.registry import register
from spectool.rules.terminology.table import terminology_of

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_GAP = re.compile(r"[ \t\n]+")
# Words that take a capital only because a sentence starts with them.
SENTENCE_OPENERS = frozenset(
    """a after all also an and any as at before both by during each either every except following for
    from if in it its neither no not notwithstanding on once only or save subject such that the then there
    these this those to unless until upon when whenever where whether which while whilst with within without
    """.split()  # noqa: SIM905
)


def is_capitalised(word: str) -> bool:
    """Title-case words count ("Outage", "Date-Time"); acronyms ("ESME", "AD1") do not."""
    return word[0].isupper() and any(char.islower() for char in word)


def capitalised_runs(value: str, masked: list[tuple[int, int]]) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words joined only by spaces, none inside a masked span."""
    run: list[re.Match[str]] = []
    spans = iter(masked)
    span = next(spans, None)
    for word in _WORD.finditer(value):
        while span is not None and span[1] <= word.start():
            span = next(spans, None)
        if (span is not None and span[0] <= word.start()) or not is_capitalised(word.group()):
            if run:
                yield run
            run = []
            continue
        if run and _GAP.fullmatch(value, run[-1].end(), word.start()) is None:
            yield run
            run = []
        run.append(word)
    if run:
        yield run


@register
class UndefinedTerm(Rule):
    """Reports a capitalised phrase of two or more words that no glossary defines.

    ## What it does
    In clause text and sub-items, finds runs of two or more capitalised words ("Power
    Outage Notice") that are not a term defined by the spec's glossary, or by the glossary
    of a spec it refers to, and not a name listed in `[terminology] names` or the title of
    a spec in the corpus. Defined terms are set aside first, so "Twin Element ESME" or
    "Communications Hub Interface" never count. A sentence's first word is dropped when it
    is an ordinary opener ("Where", "Each", "The"). Acronyms break a run. The closest
    defined term, if one is close, is offered as the fix.

    ## Why
    Capitals tell the reader to look a phrase up. A capitalised phrase with no definition
    is either a defined term misspelt ("Communication Hub") or a term the glossary lacks;
    either way the requirement has no settled meaning.

    ## Example
    ```
    4.4.2 Communications Hub Function shall send the Power Outage Notice after 3 minutes.
    ```
    Use instead the defined "Power Outage Alert", or add "Power Outage Notice" to the glossary.
    """

    code = "DEF002"
    name = "UndefinedTerm"
    summary = "a capitalised multi-word term is used that no glossary defines"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        names = terminology_of(context.config).names
        titles = tuple(spec.title for spec in context.corpus if spec.title)
        for spec in context.corpus:
            glossary = glossary_for(spec, context.corpus)
            known = tuple(sorted({*glossary.terms, *names, *titles}))
            mask = phrase_set(known, case_sensitive=True) if known else None
            for passage in requirement_passages(spec):
                masked = [(m.start, m.end) for m in mask.finditer(passage.text.value)] if mask else []
                for run in capitalised_runs(passage.text.value, masked):
                    yield from self._judge(spec, passage, run, glossary)

    def _judge(
        self, spec: Spec, passage: Passage, run: list[re.Match[str]], glossary: Glossary
    ) -> Iterator[Finding]:
        value = passage.text.value
        if sentence_start(value, run[0].start()) and run[0].group().lower() in SENTENCE_OPENERS:
            run = run[1:]
        if len(run) < 2:
            return
        start, end = run[0].start(), run[-1].end()
        phrase = " ".join(word.group() for word in run)
        best = process.extractOne(phrase, list(glossary.terms), score_cutoff=85) if glossary.terms else None
        suggestion = best[0] if best else None
        searched = ", ".join(glossary.sources) or spec.key
        message = f'"{phrase}" is capitalised like a defined term, but no glossary defines it ({searched})'
        if suggestion:
            message += f': did you mean "{suggestion}"?'
        yield self.in_text(
            spec, passage.text, start, end, message, clause=passage.owner, suggestion=suggestion
        )
