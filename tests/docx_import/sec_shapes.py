"""Word documents shaped as SEC specifications are, built in code: what the registry corpus lacks.

Each builder gives a document as a drafter would make it in Word: a title page and a version-history
table, headings numbered by a multi-level list linked to the heading styles, clauses and their
lettered items numbered by the same list, a glossary table, requirement tables, a footnote, and
annexes lettered by a list of their own. The wording is ours.
"""

from __future__ import annotations

from collections.abc import Callable

from .docx_builder import DocxBuilder, abstract_xml, level_xml, num_xml

OUTLINE_LIST = 1
ANNEX_LIST = 2


def _outline(builder: DocxBuilder) -> None:
    """Headings 1-3, clauses and items on one list, each level tied to its style by w:pStyle."""
    builder.style("Clause", "Clause", based_on="Normal")
    builder.style("ClauseItem", "Clause Item", based_on="Normal")
    builder.style("ClauseSubItem", "Clause Sub Item", based_on="Normal")
    builder.style("AnnexHeading", "Annex Heading", based_on="Heading1")
    builder.style("AnnexClause", "Annex Clause", based_on="Normal")
    builder.numbering(
        abstract_xml(
            OUTLINE_LIST,
            level_xml(0, "%1", style="Heading1"),
            level_xml(1, "%1.%2", style="Heading2"),
            level_xml(2, "%1.%2.%3", style="Heading3"),
            level_xml(3, "%1.%2.%3.%4", style="Clause"),
            level_xml(4, "(%5)", "lowerLetter", style="ClauseItem"),
            level_xml(5, "(%6)", "lowerRoman", style="ClauseSubItem"),
        ),
        abstract_xml(
            ANNEX_LIST,
            level_xml(0, "Annex %1", "upperLetter", style="AnnexHeading"),
            level_xml(1, "%1.%2", style="AnnexClause"),
        ),
        num_xml(1, OUTLINE_LIST),
        num_xml(2, ANNEX_LIST),
    )
    # As Word writes an outline list linked to styles: each style names the list and its level.
    for level, style_id in enumerate(
        ("Heading1", "Heading2", "Heading3", "Clause", "ClauseItem", "ClauseSubItem")
    ):
        builder.link_style(style_id, 1, level)
    for level, style_id in enumerate(("AnnexHeading", "AnnexClause")):
        builder.link_style(style_id, 2, level)


def _front_matter(builder: DocxBuilder, title: str) -> None:
    builder.paragraph(title, style="Title")
    builder.paragraph("Version 5.0 for designation")
    builder.paragraph("Status: Draft")
    builder.paragraph("Date: 2026-03-01")
    builder.paragraph("Document control")
    builder.table(
        [
            ["Version", "Date", "Author", "Summary of changes"],
            ["4.2", "2024-11-04", "Drafting team", "Baseline carried over from the previous release"],
            ["4.3", "2025-06-18", "Drafting team", "Supply interruption records and a new event log"],
            ["5.0", "2026-03-01", "Technical panel", "Restructured for the new metering architecture"],
        ],
        header_row=True,
    )


def specification() -> DocxBuilder:
    """A main specification: outline numbering on the heading styles, clauses, items, tables, annex."""
    builder = DocxBuilder()
    _outline(builder)
    _front_matter(builder, "Metering Equipment Technical Specification")
    builder.heading("Introduction", 1)
    builder.paragraph("This specification sets out what metering equipment installed in homes must do.")
    builder.heading("Definitions", 1)
    builder.table(
        [
            ["Term", "Definition"],
            ["Supply Interruption", "a period in which the meter stops the flow of energy to the premises"],
            ["Event Log", "the ordered record of events that the meter keeps for later reading"],
            ["Credit Balance", "the money left for the consumer to spend on energy"],
        ],
        header_row=True,
    )
    builder.heading("Electricity Metering Equipment", 1)
    builder.heading("Supply", 2)
    builder.heading("Interrupting the supply", 3)
    builder.paragraph("The meter shall stop the supply when the credit balance reaches zero.", style="Clause")
    builder.paragraph("The meter shall record each supply interruption with:", style="Clause")
    builder.paragraph("the time the interruption began;", style="Clause Item")
    builder.paragraph("the reason for it, which is one of:", style="Clause Item")
    builder.paragraph("a lack of credit; or", style="Clause Sub Item")
    builder.paragraph("a command from the supplier.", style="Clause Sub Item")
    builder.paragraph("the time the supply came back.", style="Clause Item")
    builder.footnote("The meter shall keep the last ten records.", "Older records may be overwritten.")
    builder.heading("Restoring the supply", 3)
    builder.paragraph(
        "The meter shall restore the supply only after the consumer confirms it.", style="Clause"
    )
    builder.paragraph("Table 1: Supply requirements")
    builder.table(
        [
            ["Reference", "Requirement", "Mandatory"],
            ["R1", "The meter shall show why the supply stopped", "Yes"],
            ["R2", "The meter shall sound an alarm before it stops the supply", "No"],
        ],
        header_row=True,
    )
    builder.heading("Event Log", 2)
    builder.heading("Keeping events", 3)
    builder.paragraph("The meter shall keep every event in the order it happened.", style="Clause")
    builder.paragraph("The meter shall not lose an event when the power fails.", style="Clause")
    builder.heading("Gas Metering Equipment", 1)
    builder.heading("Valve", 2)
    builder.heading("Closing the valve", 3)
    builder.paragraph("The meter shall close the valve when it detects a leak.", style="Clause")
    builder.paragraph("Glossary of Abbreviations", style="Annex Heading")
    builder.paragraph("Each abbreviation below is used in the clauses above.", style="Annex Clause")
    builder.table(
        [["Abbreviation", "Meaning"], ["ESME", "electricity metering equipment"], ["GSME", "gas metering"]],
        header_row=True,
    )
    builder.paragraph("Test Arrangements", style="Annex Heading")
    builder.paragraph("A test house shall test each meter against every clause.", style="Annex Clause")
    builder.paragraph("A test house shall report the results within ten working days.", style="Annex Clause")
    return builder


def legal_outline() -> DocxBuilder:
    """Roman numbered parts with legal (decimal) numbering below, as some schedules are written."""
    builder = DocxBuilder()
    builder.numbering(
        abstract_xml(
            3,
            level_xml(0, "Part %1", "upperRoman", style="Heading1"),
            level_xml(1, "%1.%2", extra="<w:isLgl/>", style="Heading2"),
            level_xml(2, "%1.%2.%3", extra="<w:isLgl/>"),
        ),
        num_xml(3, 3),
    )
    builder.link_style("Heading1", 3, 0)
    builder.link_style("Heading2", 3, 1)
    builder.paragraph("Schedule of Interfaces", style="Title")
    for part in ("Scope", "Interfaces"):
        builder.heading(part, 1)
        for section in ("General", "Messages"):
            builder.heading(f"{section} of the {part.lower()} part", 2)
            for number in range(2):
                builder.paragraph(
                    f"The device shall meet requirement {number} of {section}.", numbering=(3, 2)
                )
    return builder


SHAPES: dict[str, Callable[[], DocxBuilder]] = {
    "sec-specification": specification,
    "sec-legal-outline": legal_outline,
}
