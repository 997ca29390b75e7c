"""DEF002 UndefinedTerm: a capitalised multi-word phrase that no glossary defines."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate

from rapidfuzz import process

from spectool.findings import Finding, Severity
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.defined_terms.def001 import sentence_start
from spectool.rules.defined_terms.glossary import Glossary, glossary_for, phrase_set
from spectool.rules.passages import JoinedText, joined
from spectool.rules.references.names import spec_names_of
from spectool.rules.registry import register
from spectool.rules.terminology.table import terminology_of

_CHARS = r"A-Za-z0-9'’\-"
# A capitalised word: a capital first and some lower case ("Outage", "Date-Time"; not "ESME", "AD1").
_CAPITALISED = rf"[A-Z](?=[{_CHARS}]*[a-z])[{_CHARS}]*"
_RUN = re.compile(rf"(?<![{_CHARS}]){_CAPITALISED}(?:[ \t\n]+{_CAPITALISED})+(?![{_CHARS}])")
_WORD = re.compile(rf"[{_CHARS}]+")
# Masked (known) text: neither a word character nor whitespace, so it breaks a run.
_BLANK = "\x01"
# Words that take a capital only because a sentence starts with them.
SENTENCE_OPENERS = frozenset(
    """a after all also an and any as at before both by during each either every except following for
    from if in it its neither no not notwithstanding on once only or save subject such that the then there
    these this those to unless until upon when whenever where whether which while whilst with within without
    """.split()  # noqa: SIM905
)


def capitalised_runs(value: str, masked: str) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of two or more capitalised words joined only by spaces in `masked` (where known terms are
    blanked out), as (start, end, word) within `value`; an ordinary word opening a sentence is dropped."""
    for run in _RUN.finditer(masked):
        words = [
            (word.start() + run.start(), word.end() + run.start(), word.group())
            for word in _WORD.finditer(run.group())
        ]
        if words[0][2].lower() in SENTENCE_OPENERS and sentence_start(value, words[0][0]):
            words = words[1:]
        if len(words) > 1:
            yield words


@register
class UndefinedTerm(Rule):
    """Reports a capitalised phrase of two or more words that no glossary defines.

    ## What it does
    In clause text and sub-items, finds runs of two or more capitalised words ("Power
    Outage Notice") that are not a term defined by the spec's glossary, or by the glossary
    of a spec it refers to, and not a name listed in `[terminology] names` or the title of
    a spec in the corpus. A run made only of defined terms and names is fine ("Supply
    Outage Alert" where both are defined); a run in which a defined term is only a part
    ("Supply Outage Report") is reported whole, naming the part that is defined. Acronyms
    break a run, so "Twin Element ESME" is read as "Twin Element". A sentence's first word is dropped when it
    is an ordinary opener ("Where", "Each", "The"). A run that holds a phrase the terminology
    table deprecates ("Comms Hub") is left to TERM001, so one place gets one finding. The
    closest defined term, if one is close, is offered as the fix.

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
        table = terminology_of(context.config, context.memo)
        # Proper names: the table's, and every name a spec goes by (titles, short names, aliases).
        names = spec_names_of(context.config, context.corpus, context.memo)
        for spec in context.corpus:
            glossary = glossary_for(spec, context.corpus, context.memo, names)
            known = tuple(sorted({*glossary.terms, *table.names, *names.written}))
            text = joined(spec, context.memo, requirements_only=True)
            covered = _Spans(phrase_set(known, case_sensitive=True).spans(text.value) if known else ())
            # A deprecated phrase is TERM001's to report: one place gets one finding.
            deprecated = _Spans(table.deprecated_finder.phrases.spans(text.value))
            for words in capitalised_runs(text.value, text.value):
                if covered.hold_all(words) or deprecated.touches(words):
                    continue
                yield self._finding(spec, text, words, glossary, covered.parts(words, text.value))

    def _finding(
        self,
        spec: Spec,
        text: JoinedText,
        words: list[tuple[int, int, str]],
        glossary: Glossary,
        parts: list[str],
    ) -> Finding:
        passage, offset = text.locate(words[0][0])
        phrase = " ".join(word for _, _, word in words)
        # A defined term inside the phrase is no fix for it: the phrase says more than the term.
        fuzzy = glossary.terms and not parts
        best = process.extractOne(phrase, list(glossary.terms), score_cutoff=85) if fuzzy else None
        suggestion = best[0] if best else None
        searched = ", ".join(glossary.sources) or spec.key
        message = f'"{phrase}" is capitalised like a defined term, but no glossary defines it ({searched})'
        if parts:
            message += ": " + " and ".join(f'"{part}"' for part in parts) + " alone is defined"
        if suggestion:
            message += f': did you mean "{suggestion}"?'
        start, end = words[0][0] - offset, words[-1][1] - offset
        return self.in_text(
            spec, passage.text, start, end, message, clause=passage.owner, suggestion=suggestion
        )


class _Spans:
    """The known phrases' spans, sorted, for looking up the words of each run by bisection: scanning
    every span for every word made DEF002 quadratic in the size of a spec."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        # The furthest end among the spans up to each one: a word lies inside some span that starts
        # at or before it exactly when that furthest end reaches the word's end.
        self.reach = list(accumulate((end for _, end in self.spans), max))

    def hold_all(self, words: list[tuple[int, int, str]]) -> bool:
        """Every word of the run lies inside a known phrase: the run is defined terms side by side."""
        for start, end, _ in words:
            index = bisect_right(self.starts, start) - 1
            if index < 0 or self.reach[index] < end:
                return False
        return True

    def touches(self, words: list[tuple[int, int, str]]) -> bool:
        """Some word of the run overlaps a span (one starting before the word ends reaches past its start)."""
        for start, end, _ in words:
            index = bisect_left(self.starts, end) - 1
            if index >= 0 and self.reach[index] > start:
                return True
        return False

    def parts(self, words: list[tuple[int, int, str]], value: str) -> list[str]:
        """The known phrases inside the run, as written."""
        first, last = words[0][0], words[-1][1]
        inside = self.spans[bisect_left(self.starts, first) : bisect_right(self.starts, last)]
        return [" ".join(value[start:end].split()) for start, end in inside if end <= last]
