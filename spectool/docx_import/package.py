"""Open a .docx safely: recognise what the file is, bound what it unpacks to, refuse DTDs, then load it."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part
from lxml import etree

from spectool.docx_import.wordml import Element, safe_parser
from spectool.errors import InputError, Problem, UsageError

MB = 1024 * 1024
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PACKAGE_NS = {
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_OTHER_KINDS = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
    "ms-word.document.macroEnabled": "a macro-enabled Word document (.docm)",
    "ms-word.template": "a macro-enabled Word template (.dotm)",
    "wordprocessingml.template": "a Word template (.dotx)",
}
# A DTD is how entity-expansion ("billion laughs") attacks begin; Word never writes one.
_DTD_MARKERS = tuple(
    marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le")
)


@dataclass(frozen=True, slots=True)
class PackageLimits:
    """How much a .docx may hold before spectool refuses it as a possible zip bomb."""

    max_file_bytes: int = 100 * MB
    max_part_bytes: int = 64 * MB
    max_total_bytes: int = 256 * MB
    max_parts: int = 5000


DEFAULT_LIMITS = PackageLimits()


@dataclass(frozen=True, slots=True)
class WordPackage:
    """The parts of a Word document that an import reads."""

    path: str
    document: Document
    styles: Element | None
    numbering: Element | None
    footnotes: Element | None
    endnotes: Element | None

    @property
    def body(self) -> Element:
        return self.document.element.body

    @property
    def core_title(self) -> str:
        return (self.document.core_properties.title or "").strip()


def refuse(path: str, message: str, hint: str = "") -> InputError:
    return InputError([Problem(path, 0, 0, message, hint=hint)])


def open_word_package(path: str | Path, limits: PackageLimits = DEFAULT_LIMITS) -> WordPackage:
    """Check that `path` is a well-formed, bounded Word document and load it with python-docx."""
    shown = str(path)
    data = read_bounded(Path(path), limits)
    check_file_kind(data, shown)
    members = read_members(data, shown, limits)
    check_word_package(members, shown)
    document = load_with_python_docx(data, shown)
    return WordPackage(
        path=shown,
        document=document,
        styles=document.styles.element,
        numbering=_related_element(document, RT.NUMBERING),
        footnotes=_related_element(document, RT.FOOTNOTES),
        endnotes=_related_element(document, RT.ENDNOTES),
    )


def read_bounded(path: Path, limits: PackageLimits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise refuse(
                str(path), f"the file is {size // MB} MB, over the {limits.max_file_bytes // MB} MB limit"
            )
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None


def check_file_kind(data: bytes, path: str) -> None:
    """Refuse at once what is plainly not a .docx, naming what it is instead."""
    if not data:
        raise refuse(path, "the file is empty: expected a Word document (.docx)")
    if data.startswith(OLE_MAGIC):
        raise refuse(
            path,
            "this is an OLE compound file, not a .docx: an encrypted (password-protected) Word "
            "document or an old Word 97-2003 .doc",
            "remove the password in Word (File > Info > Protect Document) and save as .docx",
        )
    if data.startswith(b"%PDF"):
        raise refuse(path, "this is a PDF, not a Word document", "import the Word original (.docx)")
    if data.lstrip().startswith(b"{\\rtf"):
        raise refuse(path, "this is an RTF file, not a .docx", "open it in Word and save it as .docx")
    if not data.startswith(ZIP_MAGICS):
        kind = "plain text" if _looks_like_text(data) else "not a zip package"
        raise refuse(path, f"this is not a Word document (.docx): it is {kind}")


def _looks_like_text(data: bytes) -> bool:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_members(data: bytes, path: str, limits: PackageLimits) -> dict[str, bytes]:
    """The XML parts of the zip, each read only after its declared size has been checked."""
    damaged = "the file is damaged: its zip structure cannot be read"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise refuse(path, damaged, "open it in Word to repair it, then save it again") from None
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise refuse(path, f"the package holds {len(infos)} parts, over the limit of {limits.max_parts}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(path, f"the part {info.filename} is encrypted", "remove the password in Word")
        if info.file_size > limits.max_part_bytes:
            raise refuse(
                path,
                f"the part {info.filename} unpacks to {info.file_size // MB} MB, over the "
                f"{limits.max_part_bytes // MB} MB limit: refusing a possible zip bomb",
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise refuse(
            path,
            f"the package unpacks to {total // MB} MB, over the {limits.max_total_bytes // MB} MB limit: "
            "refusing a possible zip bomb",
        )

    def read(name: str) -> bytes:
        try:
            return archive.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise refuse(path, f"{damaged} (the part {name} is corrupt)") from None

    names = [info.filename for info in infos]
    xml_names = {name for name in names if name.endswith((".xml", ".rels"))}
    if "[Content_Types].xml" in xml_names:
        # python-docx parses a part by its content type, whatever its name ends with.
        types = parse_part("[Content_Types].xml", read("[Content_Types].xml"), path)
        xml_names.update(name for name in names if (_content_type(types, name) or "").endswith("xml"))
    return {name: read(name) for name in names if name in xml_names}


def parse_part(name: str, data: bytes, path: str) -> Element:
    """Parse one XML part; a DTD or malformed XML is refused with the part's name."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise refuse(
            path,
            f"the part {name} declares a DTD or entities, which Word never writes: refusing a possible "
            "XML entity-expansion attack",
        )
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as error:
        raise refuse(path, f"the part {name} is not well-formed XML: {error.msg}") from None
    if root.getroottree().docinfo.doctype:
        raise refuse(path, f"the part {name} declares a DTD, which Word never writes")
    return root


def check_word_package(members: dict[str, bytes], path: str) -> None:
    """The zip must be an Office package whose main part is a Word document."""
    not_word = "this is a zip archive but not a Word document"
    if "[Content_Types].xml" not in members or "_rels/.rels" not in members:
        raise refuse(path, f"{not_word}: it has no [Content_Types].xml or _rels/.rels")
    parsed = {name: parse_part(name, data, path) for name, data in members.items()}
    main = _main_part_name(parsed["_rels/.rels"])
    if main is None:
        raise refuse(path, f"{not_word}: no part is marked as the main document")
    content_type = _content_type(parsed["[Content_Types].xml"], main)
    if content_type != WORD_MAIN:
        kinds = (kind for marker, kind in _OTHER_KINDS.items() if marker in (content_type or ""))
        kind = next(kinds, f"an Office package whose main part is {content_type or 'of no known type'}")
        raise refuse(path, f"this is {kind}, not a Word document (.docx)", "save it from Word as .docx")
    if main not in parsed:
        raise refuse(path, f"{not_word}: its main part {main} is missing")


def _main_part_name(relationships: Element) -> str | None:
    for relationship in relationships.iterfind("rel:Relationship", _PACKAGE_NS):
        if relationship.get("Type") == OFFICE_DOCUMENT and relationship.get("TargetMode") != "External":
            target = str(relationship.get("Target", ""))
            return posixpath.normpath(target.lstrip("/"))
    return None


def _content_type(types: Element, part_name: str) -> str | None:
    for override in types.iterfind("ct:Override", _PACKAGE_NS):
        if str(override.get("PartName", "")).lstrip("/").lower() == part_name.lower():
            return str(override.get("ContentType"))
    extension = part_name.rpartition(".")[2].lower()
    for default in types.iterfind("ct:Default", _PACKAGE_NS):
        if str(default.get("Extension", "")).lower() == extension:
            return str(default.get("ContentType"))
    return None


def load_with_python_docx(data: bytes, path: str) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, etree.LxmlError) as error:
        raise refuse(path, f"python-docx cannot open this Word document: {error}") from None


def _related_element(document: Document, relationship_type: str) -> Element | None:
    try:
        part: Part = document.part.part_related_by(relationship_type)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, safe_parser())
