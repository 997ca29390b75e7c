"""Open a .docx safely: know what the file is, bound what it unpacks to, refuse DTDs, parse each part once."""

from __future__ import annotations

import hashlib
import io
import lzma
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spectool.errors import UsageError
from spectool.inputs import read_input_bytes
from spectool.wordml.names import Element
from spectool.wordml.parts import MainBody, refuse
from spectool.wordml.parts import parse_part as parse_part  # where the in-place redline finds it

MB = 1024 * 1024
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, NUMBERING, FOOTNOTES, ENDNOTES = (
    _RELATIONSHIPS + kind for kind in ("officeDocument", "styles", "numbering", "footnotes", "endnotes")
)
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
DUBLIN_CORE_TITLE = "{http://purl.org/dc/elements/1.1/}title"
CONTENT_TYPES, PACKAGE_RELATIONSHIPS = "[Content_Types].xml", "_rels/.rels"
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

# Everything zipfile raises on a damaged or odd archive: a truncated member seeks before the file's
# start (ValueError), a directory claiming a newer zip version or method is NotImplementedError,
# and the decompressors raise their own kinds.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)


@dataclass(frozen=True, slots=True)
class WordPackage:
    """The parts of a Word document that an import reads."""

    path: str
    main: MainBody
    styles: Element | None
    numbering: Element | None
    footnotes: Element | None
    endnotes: Element | None
    core_title: str = ""
    sha256: str = ""  # of the file's bytes, which provenance records

    @property
    def body(self) -> Element:
        """The main part's `w:body`, parsed whole (the import reads `main` as a stream instead)."""
        return self.main.tree()


class ContentTypes:
    """[Content_Types].xml, looked up by name: a part's own type, else its extension's (first ones win)."""

    def __init__(self, types: Element) -> None:
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        for override in types.iterfind("ct:Override", _PACKAGE_NS):
            name = str(override.get("PartName", "")).lstrip("/").lower()
            self.overrides.setdefault(name, str(override.get("ContentType")))
        for default in types.iterfind("ct:Default", _PACKAGE_NS):
            self.defaults.setdefault(
                str(default.get("Extension", "")).lower(), str(default.get("ContentType"))
            )

    def named(self, content_type: str) -> str | None:
        """The first part (by name) given this content type by an override."""
        return min((name for name, kind in self.overrides.items() if kind == content_type), default=None)

    def of(self, part_name: str) -> str | None:
        found = self.overrides.get(part_name.lower())
        return found if found is not None else self.defaults.get(part_name.rpartition(".")[2].lower())


class PackageParts:
    """The XML parts of a package by name, each parsed when first asked for and never again."""

    def __init__(self, path: str, data: dict[str, bytes]) -> None:
        self.path = path
        self.data = data
        self.types: ContentTypes | None = None
        self._roots: dict[str, Element] = {}

    def root(self, name: str | None) -> Element | None:
        """The parsed part, or None when the package has no XML part of that name."""
        if name is None or name not in self.data:
            return None
        if name not in self._roots:
            self._roots[name] = parse_part(name, self.data[name], self.path)
        return self._roots[name]

    def related(self, source: str) -> dict[str, str]:
        """Relationship type -> the part it names, for the first internal one of each type from `source`."""
        folder, name = posixpath.split(source)
        relationships = self.root(posixpath.join(folder, "_rels", f"{name}.rels"))
        if relationships is None:
            return {}
        found: dict[str, str] = {}
        for relationship in relationships.iterfind("rel:Relationship", _PACKAGE_NS):
            if relationship.get("TargetMode") != "External":
                target = posixpath.join(f"/{folder}", str(relationship.get("Target", "")))
                found.setdefault(str(relationship.get("Type", "")), posixpath.normpath(target).lstrip("/"))
        return found


@dataclass(frozen=True, slots=True)
class OpenedPackage:
    """A checked Word package: its bytes, its XML parts and the name of its main part."""

    data: bytes
    parts: PackageParts
    main: str


def open_word_package(
    path: str | Path,
    limits: PackageLimits = DEFAULT_LIMITS,
    visit: Callable[[Element], object] | None = None,
) -> WordPackage:
    """Check that `path` is a bounded Word document without DTDs and parse the parts an import reads;
    with `visit`, the body is read through as a stream instead, `visit` seeing each of its children."""
    return word_package(read_word_parts(path, limits), visit)


def read_word_parts(path: str | Path, limits: PackageLimits = DEFAULT_LIMITS) -> OpenedPackage:
    """Check that `path` is a bounded Word document without DTDs; its parts, none parsed yet."""
    shown = str(path)
    data = read_bounded(Path(path), limits)
    check_file_kind(data, shown)
    parts = read_parts(data, shown, limits)
    return OpenedPackage(data, parts, main_part_name(parts))


def word_package(opened: OpenedPackage, visit: Callable[[Element], object] | None = None) -> WordPackage:
    """The parts an import reads, parsed: the body, styles, numbering, notes and the title. With
    `visit`, the body is not kept whole but checked in one pass over its children, shown to `visit`."""
    parts, main, shown = opened.parts, opened.main, opened.parts.path
    body = MainBody(parts, main)
    if visit is None:
        body.tree()
    else:
        body.check(visit)
    related = parts.related(main)
    core = parts.root(parts.related("").get(CORE_PROPERTIES))
    title = core.findtext(DUBLIN_CORE_TITLE) if core is not None else None
    return WordPackage(
        path=shown,
        main=body,
        styles=parts.root(related.get(STYLES)),
        numbering=parts.root(related.get(NUMBERING)),
        footnotes=parts.root(related.get(FOOTNOTES)),
        endnotes=parts.root(related.get(ENDNOTES)),
        core_title=(title or "").strip(),
        sha256=hashlib.sha256(opened.data).hexdigest(),
    )


def read_bounded(path: Path, limits: PackageLimits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise refuse(
                str(path), f"the file is {size // MB} MB, over the {limits.max_file_bytes // MB} MB limit"
            )
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None
    return read_input_bytes(path, limit=limits.max_file_bytes)


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


def read_parts(data: bytes, path: str, limits: PackageLimits) -> PackageParts:
    """The XML parts of the zip, each read only after its declared size has been checked, none with a DTD."""
    damaged = "the file is damaged: its zip structure cannot be read"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as error:
        raise refuse(
            path, f"{damaged}: it needs a zip feature Word never uses ({error})", "save it again from Word"
        ) from None
    except ZIP_ERRORS:
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
        except ZIP_ERRORS:
            raise refuse(path, f"{damaged} (the part {name} is corrupt)") from None

    names = [info.filename for info in infos]
    xml_names = {name for name in names if name.endswith((".xml", ".rels"))}
    parts = PackageParts(path, {})
    if CONTENT_TYPES in xml_names:
        parts.data[CONTENT_TYPES] = refuse_dtd(CONTENT_TYPES, read(CONTENT_TYPES), path)
    types = parts.root(CONTENT_TYPES)
    if types is not None:
        parts.types = ContentTypes(types)
        # An Office reader picks a part's parser by its content type, whatever its name ends with.
        xml_names.update(name for name in names if (parts.types.of(name) or "").endswith("xml"))
    for name in names:
        if name in xml_names and name not in parts.data:
            parts.data[name] = refuse_dtd(name, read(name), path)
    return parts


def refuse_dtd(name: str, data: bytes, path: str) -> bytes:
    """`data`, unless it declares a DTD: every XML part is checked, whether the import reads it or not."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise refuse(
            path,
            f"the part {name} declares a DTD or entities, which Word never writes: refusing a possible "
            "XML entity-expansion attack",
        )
    return data


def main_part_name(parts: PackageParts) -> str:
    """The zip must be an Office package whose main part is a Word document; its name."""
    path, not_word = parts.path, "this is a zip archive but not a Word document"
    if parts.types is None:
        raise refuse(path, f"{not_word}: it has no {CONTENT_TYPES}")
    # Without _rels/.rels (or a main-document relationship in it), the content types still name the
    # main part, and Word and LibreOffice open such a package.
    main = parts.related("").get(OFFICE_DOCUMENT) or parts.types.named(WORD_MAIN)
    if main is None:
        raise refuse(path, f"{not_word}: no part is marked as the main document")
    content_type = parts.types.of(main)
    if content_type != WORD_MAIN:
        kinds = (kind for marker, kind in _OTHER_KINDS.items() if marker in (content_type or ""))
        kind = next(kinds, f"an Office package whose main part is {content_type or 'of no known type'}")
        raise refuse(path, f"this is {kind}, not a Word document (.docx)", "save it from Word as .docx")
    if main not in parts.data:
        raise refuse(path, f"{not_word}: its main part {main} is missing")
    return main
