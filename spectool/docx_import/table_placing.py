"""Tables put in their place: a table of the clause above, or a glossary table as definitions."""

from __future__ import annotations

from spectool.docx_import.assembly_state import NOTE, TABLE, TEXT
from spectool.docx_import.drafts import SectionDraft
from spectool.docx_import.reading import WordParagraph, WordTable
from spectool.docx_import.section_placing import SectionPlacing
from spectool.docx_import.tables import GlossaryRow, glossary_rows, is_glossary, plain_table


class TablePlacing(SectionPlacing):
    """A table with its caption, its cells' notes and pictures."""

    def table(self, table: WordTable) -> None:
        caption, self.caption = self.caption, ""
        caption_source, self.caption_source = self.caption_source, None
        first = next((cell[0] for row in table.rows for cell in row if cell), None)
        paragraphs = [paragraph for row in table.rows for cell in row for paragraph in cell]
        for paragraph in paragraphs:
            for warning in paragraph.ignored:
                self.warn(paragraph, warning)
            if paragraph.unterminated_fields:
                self.kept.add("unterminated field", paragraph)
        for warning in table.ignored:
            self.warn(first, warning)
        if table.nested_tables:
            self.warn(first, "a table inside a table cell is flattened into the cell's text")
        section = self.sections[-1] if self.sections else None
        held: list[tuple[WordParagraph | None, str]] = []  # warned about only if read as a glossary
        glossary = section is not None and is_glossary(table, section.title)
        rows = glossary_rows(table, lambda *warning: held.append(warning)) if glossary else []
        if section is not None and glossary and self.keeps_glossary(rows, caption):
            for where, message in held:
                self.warn(where, message)
            if caption_source is not None:
                self.free(caption_source, [caption_source.shown], "", "glossary caption")
            self.glossary(section, table, rows)
        else:
            built = plain_table(table, caption)
            if built is not None:
                self.here.attach(built)
                if caption_source is not None:
                    self.log.add(built, caption_source.location)
                self.log.add(built, table.location)
                if section is None:
                    self.kept.add("table before a section", first)
            self.last = TABLE
        for paragraph in paragraphs:
            self.cite(paragraph, None)
            self.placeholders(paragraph)
        if caption_source is not None:
            self.cite_uncited(caption_source)
            self.placeholders(caption_source)

    def keeps_glossary(self, rows: list[GlossaryRow], caption: str) -> bool:
        """Whether a glossary table can be definitions: free text opening it (its caption, a row lacking
        a term or a definition) would read back, after export, as a further line of the clause text or
        note just before the table, so then the table is kept whole as a table."""
        opening = next((row.kind for row in rows if row.kind != "blank"), "")
        return not ((caption or opening in ("free", "header")) and self.last in (TEXT, NOTE))

    def glossary(self, section: SectionDraft, table: WordTable, rows: list[GlossaryRow]) -> None:
        """Each row in its place: a definition, free text, or more of the definition above."""
        for row in rows:
            if row.draft is None:
                self.kept.add("empty glossary row", row.source)
                continue
            if row.kind == "free":
                self.kept.add("glossary row as free text", row.source)
            elif row.kind == "header":
                self.kept.add("glossary header row", row.source)
            if row.kind != "continued":
                section.blocks.append(row.draft)
            self.log.add(row.draft, table.row_location(row.row))
            self.holder = row.draft
        self.last = TABLE
