"""TERM003 MixedVariants: one spec uses two accepted variants of the same term."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spectool.findings import Finding, Severity
from spectool.model.document import Spec
from spectool.rules.base import Rule, RuleContext
from spectool.rules.passages import JoinedText, Passage, joined, tables
from spectool.rules.phrases import PhraseMatch
from spectool.rules.registry import register
from spectool.rules.terminology.scope import in_scope
from spectool.rules.terminology.table import TerminologyTable, VariantGroup, terminology_of

Use = tuple[Passage, PhraseMatch]


@register
class MixedVariants(Rule):
    """Reports the less used variant where one spec uses two variants of one term.

    ## What it does
    A `[terminology.choose.NAME]` entry lists variants that are each acceptable, such as
    "firmware upgrade" and "firmware update". Within one spec version, every use of the
    variant the spec uses less (counting tables too; on a tie, the one that appears later)
    is reported, with the spec's majority variant as the suggestion. Different specs may
    choose differently.

    ## Why
    A reader who meets two words for one thing wonders whether two things are meant. The
    MP102A legal text said "firmware upgrade" where the clause it amended said "firmware
    update"; choosing one per spec removes the doubt.

    ## Example
    ```
    4.3.4.3 GSME shall keep its Event Log unchanged through the firmware upgrade.
    5.4.5.3 ESME shall keep its Event Log unchanged through the firmware update.
    ```
    Use instead one variant in both clauses.
    """

    code = "TERM003"
    name = "MixedVariants"
    summary = "two accepted variants of one term are mixed in the same spec"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Finding]:
        table = terminology_of(context.config, context.memo)
        if not table.variants:
            return
        for spec in context.corpus:
            yield from self._check_spec(spec, table, joined(spec, context.memo))

    def _check_spec(self, spec: Spec, table: TerminologyTable, text: JoinedText) -> Iterator[Finding]:
        uses: dict[str, dict[str, list[Use]]] = {}
        counts: dict[str, Counter[str]] = {}
        order: dict[str, int] = {}
        for entry, phrase, passage, match in table.variant_finder.find_in(text):
            assert isinstance(entry, VariantGroup)
            if in_scope(entry.scope, passage.kind):
                uses.setdefault(entry.name, {}).setdefault(phrase, []).append((passage, match))
                counts.setdefault(entry.name, Counter())[phrase] += 1
                order.setdefault(phrase, len(order))
        # Cells are passages of their own (found above, with their places); titles count here.
        for found_table, _ in tables(spec):
            for entry, phrase, _match in table.variant_finder.find(found_table.title):
                counts.setdefault(entry.name, Counter())[phrase] += 1
                order.setdefault(phrase, len(order))
        for group in table.variants:
            count = counts.get(group.name, Counter())
            if len(count) < 2:
                continue
            chosen = max(count, key=lambda phrase: (count[phrase], -order[phrase]))
            for phrase, located in uses.get(group.name, {}).items():
                if phrase == chosen:
                    continue
                message = (
                    f'"{phrase}" is used here but this spec mostly says "{chosen}" '
                    f"({count[chosen]} to {count[phrase]}): choose one ({group.reason})"
                )
                for passage, match in located:
                    yield self.in_text(
                        spec,
                        passage.text,
                        match.start,
                        match.end,
                        message,
                        clause=passage.owner,
                        suggestion=chosen + match.suffix(phrase),
                    )
