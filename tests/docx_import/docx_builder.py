"""Build .docx fixtures in tests: python-docx for what it can do, raw WordprocessingML for the rest."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from spectool.docx_import import DocxImport, import_docx
from spectool.model.document import Block, Clause, Definition, Note, Spec, SubItem, Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'


def level_xml(
    ilvl: int, text: str, number_format: str = "decimal", start: int = 1, extra: str = "", style: str = ""
) -> str:
    """One `w:lvl` of a numbering definition."""
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'{linked}{extra}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract_xml(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num_xml(num_id: int, abstract_id: int, overrides: dict[int, int] | None = None) -> str:
    restarts = "".join(
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for level, start in (overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{restarts}</w:num>'


class DocxBuilder:
    """A Word document built paragraph by paragraph; `save` writes it, `data` gives its bytes."""

    def __init__(self) -> None:
        self.document: Document = docx.Document()
        self.footnotes: list[str] = []

    # -- paragraphs -------------------------------------------------------------------------------
    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.paragraph(text, style=f"Heading {level}")

    def paragraph(
        self, text: str = "", style: str | None = None, numbering: tuple[int, int] | None = None
    ) -> Paragraph:
        """A paragraph; "\\n" in `text` becomes a line break; `numbering` is (numId, ilvl)."""
        paragraph = self.document.add_paragraph(style=style)
        for index, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            if index < text.count("\n"):
                run.add_break()
        if numbering is not None:
            num_id, level = numbering
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
        return paragraph

    def raw(self, xml: str) -> None:
        """A block (w:p or w:tbl) written as WordprocessingML; the w: prefix is declared for it."""
        declared = xml.replace("<w:p>", f"<w:p {NSDECL}>", 1).replace("<w:tbl>", f"<w:tbl {NSDECL}>", 1)
        element = parse_xml(declared)
        body = self.document.element.body
        body.insert(len(body) - 1, element)  # before the final w:sectPr

    def table(self, rows: list[list[str]], header_row: bool = False) -> None:
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for row_cells, row in zip(table.rows, rows, strict=True):
            for cell, text in zip(row_cells.cells, row, strict=False):
                cell.text = text
        if header_row:
            properties = table.rows[0]._tr.get_or_add_trPr()
            properties.append(parse_xml(f"<w:tblHeader {NSDECL}/>"))

    def footnote(self, before: str, note: str, after: str = "", style_id: str = "") -> None:
        """A paragraph `before`, a footnote citing `note`, then `after`."""
        self.footnotes.append(note)
        key = len(self.footnotes)
        properties = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
        self.raw(
            f'<w:p>{properties}<w:r><w:t xml:space="preserve">{before}</w:t></w:r>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{key}"/></w:r>'
            f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r></w:p>'
        )

    # -- definitions ------------------------------------------------------------------------------
    def numbering(self, *definitions: str) -> None:
        """Replace numbering.xml with these w:abstractNum and w:num elements (abstracts first)."""
        part = self.document.part.part_related_by(RT.NUMBERING)
        assert isinstance(part, XmlPart)
        part._element = parse_xml(f"<w:numbering {NSDECL}>{''.join(definitions)}</w:numbering>")

    def style(
        self,
        style_id: str,
        name: str,
        based_on: str | None = None,
        outline_level: int | None = None,
        numbering: tuple[int, int | None] | None = None,
    ) -> None:
        """A paragraph style, optionally based on another, at an outline level, or linked to a list."""
        parts = [f'<w:name w:val="{name}"/>']
        if based_on:
            parts.append(f'<w:basedOn w:val="{based_on}"/>')
        properties = ""
        if outline_level is not None:
            properties += f'<w:outlineLvl w:val="{outline_level}"/>'
        if numbering is not None:
            num_id, level = numbering
            level_xml = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
            properties = f'<w:numPr>{level_xml}<w:numId w:val="{num_id}"/></w:numPr>' + properties
        if properties:
            parts.append(f"<w:pPr>{properties}</w:pPr>")
        xml = f'<w:style {NSDECL} w:type="paragraph" w:styleId="{style_id}">{"".join(parts)}</w:style>'
        self.document.styles.element.append(parse_xml(xml))

    def link_style(self, style_id: str, num_id: int, level: int | None = None) -> None:
        """Give an existing paragraph style (such as "Heading1") numbering, as Word's outline lists do."""
        style = self.document.styles.element.get_by_id(style_id)
        assert style is not None, style_id
        level_xml = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
        numbering = parse_xml(f'<w:numPr {NSDECL}>{level_xml}<w:numId w:val="{num_id}"/></w:numPr>')
        style.get_or_add_pPr().insert(0, numbering)

    # -- output -----------------------------------------------------------------------------------
    def data(self) -> bytes:
        if self.footnotes:
            self._add_footnotes_part()
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.data())
        return path

    def notes_part(self, kind: str, notes: str) -> None:
        """A word/footnotes.xml or word/endnotes.xml (`kind` "footnote" or "endnote") holding the
        separators and `notes`, raw `w:footnote` / `w:endnote` elements."""
        xml = (
            f'<w:{kind}s {NSDECL}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
            f'</w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:{kind}>{notes}</w:{kind}s>"
        )
        content_type, relationship = {
            "footnote": (CT.WML_FOOTNOTES, RT.FOOTNOTES),
            "endnote": (CT.WML_ENDNOTES, RT.ENDNOTES),
        }[kind]
        package = self.document.part.package
        part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode(), package)
        self.document.part.relate_to(part, relationship)

    def _add_footnotes_part(self) -> None:
        notes = "".join(
            f'<w:footnote w:id="{key}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
            for key, text in enumerate(self.footnotes, 1)
        )
        self.notes_part("footnote", notes)
        self.footnotes = []


def import_built(builder: DocxBuilder, folder: Path, **options: object) -> DocxImport:
    """Save the builder's document in `folder` and import it (spec SMETS2, version 5.0 unless given)."""
    path = builder.save(folder / "built.docx")
    settings: dict[str, object] = {"name": "SMETS2", "version": "5.0", **options}
    return import_docx(path, **settings)  # type: ignore[arg-type]


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of a .docx with one part's bytes replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


# -- a Word document from a spec model, the way a drafter would type it ---------------------------
def docx_from_spec(spec: Spec) -> DocxBuilder:
    """Headings as "Heading N" styles, clause numbers and sub-item labels typed as text."""
    builder = DocxBuilder()
    builder.paragraph(spec.title, style="Title")
    builder.paragraph(f"{spec.name} version {spec.version}", style="Subtitle")
    for field, value in (("Status", spec.status), ("Date", spec.date)):
        if value:
            builder.paragraph(f"{field}: {value}")
    for section in spec.sections:
        builder.heading(f"{section.number} {section.title}".strip(), min(section.number.depth, 9))
        for block in section.blocks:
            if isinstance(block, Clause | Definition):
                head = f"{block.number} " if isinstance(block, Clause) else f'"{block.term}" '
                builder.paragraph(head + block.text.value)
                for item in block.items:
                    _add_item(builder, item)
                for attachment in block.attachments:
                    _add_attachment(builder, attachment)
            else:
                _add_attachment(builder, block)
    return builder


def _add_item(builder: DocxBuilder, item: SubItem) -> None:
    builder.paragraph(f"({item.label}) {item.text.value}", style="List Paragraph")
    for child in item.items:
        _add_item(builder, child)


def _add_attachment(builder: DocxBuilder, attachment: Block) -> None:
    if isinstance(attachment, Note):
        label = f"Note {attachment.label}:" if attachment.label else "Note:"
        builder.paragraph(f"{label} {attachment.text.value}")
        return
    if not isinstance(attachment, Table):
        raise TypeError(f"the builder writes notes and tables, not {type(attachment).__name__}")
    if attachment.title:
        builder.paragraph(f"Table: {attachment.title}", style="Caption")
    builder.table([list(attachment.header), *(list(row) for row in attachment.rows)])
