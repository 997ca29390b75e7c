"""What an import kept as something other than a clause, counted: one warning per kind, not per paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from spectool.docx_import.reading import WordParagraph

# kind: (one, many, what became of them)
KINDS: dict[str, tuple[str, str, str]] = {
    "free paragraph": (
        "paragraph that is no clause, definition, note or sub-item",
        "paragraphs that are no clause, definition, note or sub-item",
        "kept as free paragraphs",
    ),
    "unnumbered heading": (
        "heading without a number",
        "headings without a number",
        "kept as headings that open no section",
    ),
    "named heading": (
        "heading numbered in a shape no section has (such as Annex B)",
        "headings numbered in a shape no section has (such as Annex B)",
        "kept as headings that open no section, with the number they show",
    ),
    "heading counting to its section": (
        "heading whose label counts to the section of what follows it (Part I before 1.1)",
        "headings whose labels count to the sections of what follows them (Part I before 1.1)",
        "kept as those sections, the label leading the title",
    ),
    "misplaced heading": (
        "numbered heading that cannot open its section (numbered twice, or its parent already closed)",
        "numbered headings that cannot open their sections (numbered twice, or their parents already closed)",
        "kept as headings that open no section, with the number they show",
    ),
    "repeated heading": (
        "heading that repeats the number of the section it stands in",
        "headings that repeat the number of the section they stand in",
        "kept as headings that open no section; what follows stays in the section",
    ),
    "added heading": (
        "clause or section with no heading of its parent above it",
        "clauses or sections with no heading of their parents above them",
        "an empty heading is added for each missing parent",
    ),
    "clause numbered twice": (
        "clause number used a second time",
        "clause numbers used a second time",
        "kept as free paragraphs labelled with the number",
    ),
    "clause away from its section": (
        "clause standing away from its section",
        "clauses standing away from their sections",
        "kept as free paragraphs labelled with the number",
    ),
    "clause without text": (
        "clause number with no text after it",
        "clause numbers with no text after them",
        "kept as free paragraphs labelled with the number",
    ),
    "definition before a section": (
        "definition before the first numbered heading",
        "definitions before the first numbered heading",
        "kept as free paragraphs",
    ),
    "sub-item with no paragraph above": (
        "sub-item with no clause, definition or text above it",
        "sub-items with no clause, definition or text above them",
        "kept as free paragraphs labelled with the sub-item's label",
    ),
    "contents": (
        "paragraph of a table of contents",
        "paragraphs of a table of contents",
        "kept as a contents list, which export writes afresh",
    ),
    "table before a section": (
        "table before the first numbered heading",
        "tables before the first numbered heading",
        "kept in the front matter",
    ),
    "placeholder": (
        "picture, equation or embedded object",
        "pictures, equations or embedded objects",
        "kept as placeholders (the source format holds no binary data)",
    ),
    "exported placeholder": (
        "paragraph naming a placeholder (as spectool export writes one)",
        "paragraphs naming placeholders (as spectool export writes them)",
        "kept as placeholders",
    ),
    "text box paragraph": (
        "paragraph in a text box",
        "paragraphs in text boxes",
        "kept as free paragraphs after the paragraph the box is anchored to",
    ),
    "glossary row as free text": (
        "glossary row lacking a term or a definition",
        "glossary rows lacking a term or a definition",
        "kept as free paragraphs where they stand among the definitions",
    ),
    "glossary header row": (
        "header row of a glossary table other than Term / Definition",
        "header rows of glossary tables other than Term / Definition",
        "kept as free paragraphs before the definitions",
    ),
    "empty glossary row": (
        "glossary row with no text",
        "glossary rows with no text",
        "left out (no text is lost)",
    ),
    "glossary caption": (
        "caption of a glossary table",
        "captions of glossary tables",
        "kept as free paragraphs before the definitions",
    ),
    "unterminated field": (
        "paragraph with a field that begins and never ends",
        "paragraphs with fields that begin and never end",
        "each field ended with its paragraph, so the text after it is kept",
    ),
    "hidden paragraph": (
        "paragraph of hidden text",
        "paragraphs of hidden text",
        "kept as free paragraphs labelled [hidden]",
    ),
}


@dataclass
class Kept:
    """Counts by kind, with the first paragraph of each kind for the warning to point at."""

    first: dict[str, WordParagraph | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, source: WordParagraph | None) -> None:
        self.first.setdefault(kind, source)
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def move(self, kind: str, to: str, source: WordParagraph | None) -> None:
        """The last of `kind` met, `source`, turned out to be of kind `to` (the first of `kind` stays
        where it was unless it was the only one)."""
        self.counts[kind] -= 1
        if not self.counts[kind]:
            del self.counts[kind], self.first[kind]
        self.add(to, source)

    def summary(self) -> list[tuple[WordParagraph | None, str]]:
        """One message per kind, in the order the kinds were first met."""
        out: list[tuple[WordParagraph | None, str]] = []
        for kind, count in self.counts.items():
            one, many, how = KINDS[kind]
            where = " (the first is here)" if count > 1 else ""
            out.append((self.first[kind], f"{count} {one if count == 1 else many}: {how}{where}"))
        return out
