"""The text a paragraph displays: runs, tabs and breaks, field results (not codes), note citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from spectool.wordml.names import Element, attribute, child, is_on, local_name, w

# Containers whose content Word shows as if it stood in the paragraph itself.
_TRANSPARENT = frozenset(("hyperlink", "smartTag", "customXml", "sdtContent", "ins", "moveTo", "dir", "bdo"))
_DROPPED = {"drawing": "a picture", "pict": "a picture", "object": "an embedded object"}
_DRAWN = frozenset((*_DROPPED, "txbxContent"))
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass
class _Field:
    instruction: str = ""
    showing_result: bool = False
    unterminated: bool = False  # no w:fldChar end closes it: it ends with its paragraph


@dataclass
class FieldState:
    """Complex fields (w:fldChar begin/separate/end) may span paragraphs, so the state outlives one."""

    open_fields: list[_Field] = field(default_factory=list)
    # the w:fldChar begins of the part that no end closes (see unterminated_begins)
    unterminated: frozenset[Element] = frozenset()

    @classmethod
    def of(cls, root: Element) -> FieldState:
        """The state for reading `root` (a body, a note), knowing which of its fields never end."""
        return cls(unterminated=unterminated_begins(root))

    @property
    def visible(self) -> bool:
        """Text shows only in the result of every open field, never in a field code."""
        return all(open_field.showing_result for open_field in self.open_fields)

    @property
    def in_contents(self) -> bool:
        return any(f.instruction.strip().upper().startswith("TOC") for f in self.open_fields)


@dataclass
class ParagraphContent:
    """What one paragraph shows, before normalisation."""

    text: str = ""
    footnotes: list[str] = field(default_factory=list)
    endnotes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    in_contents: bool = False
    unterminated_fields: int = 0  # fields begun here that nothing ends, ended with the paragraph
    boxed: list[str] = field(default_factory=list)  # the paragraphs of its text boxes
    hidden: str = ""  # text hidden from the reader (w:vanish)


def read_paragraph(paragraph: Element, fields: FieldState) -> ParagraphContent:
    """Walk one `w:p`; `fields` carries complex fields that began in an earlier paragraph."""
    content = ParagraphContent(in_contents=fields.in_contents)
    parts: list[str] = []
    _walk(paragraph, fields, content, parts)
    content.text = "".join(parts)
    # Nothing ends these fields: were they left open, they would hide all the text after them.
    fields.open_fields = [open_field for open_field in fields.open_fields if not open_field.unterminated]
    return content


def unterminated_begins(root: Element) -> frozenset[Element]:
    """The field begins under `root` that no w:fldChar end closes, pairing begins and ends as nested."""
    found = list(root.iter(w("fldChar")))
    pairing = FieldPairing()
    for node in found:
        pairing.pair(node)
    return frozenset(found[place] for place in pairing.open)


class FieldPairing:
    """Pairs w:fldChar begins with ends as nested, over a part read in document order; the begins
    still open at its end are those no end closes, each known by its place among the part's w:fldChar."""

    def __init__(self) -> None:
        self.count = 0  # the w:fldChar paired so far
        self.open: list[int] = []  # the places of the begins not yet ended

    def pair(self, node: Element) -> None:
        """Take the part's next w:fldChar."""
        kind = attribute(node, "fldCharType")
        if kind == "begin":
            self.open.append(self.count)
        elif kind == "end" and self.open:
            self.open.pop()
        self.count += 1


class PlacedBegins:
    """The begins a FieldPairing left open, found again as elements while the part is read a second
    time, piece by piece in the same order."""

    def __init__(self, places: frozenset[int]) -> None:
        self.places = places
        self.count = 0

    def of(self, piece: Element) -> frozenset[Element]:
        """The begins in `piece` that no end closes."""
        if not self.places:
            return frozenset()
        found = list(piece.iter(w("fldChar")))
        first, self.count = self.count, self.count + len(found)
        return frozenset(node for place, node in enumerate(found, first) if place in self.places)


def _walk(element: Element, fields: FieldState, content: ParagraphContent, parts: list[str]) -> None:
    for node in element:
        name = local_name(node)
        if name == "r":
            _run(node, fields, content, parts)
        elif name == "fldSimple":
            fields.open_fields.append(_Field(attribute(node, "instr") or "", showing_result=True))
            content.in_contents = content.in_contents or fields.in_contents
            _walk(node, fields, content, parts)
            fields.open_fields.pop()
        elif name == "sdt" or name in _TRANSPARENT:
            _walk(node, fields, content, parts)
        elif name in ("oMath", "oMathPara"):
            content.dropped.append(_with_text("an equation", node, "t"))
        elif name == "AlternateContent":
            branch = alternate_branch(node)
            if branch is not None:
                _walk(branch, fields, content, parts)


def alternate_branch(alternate: Element) -> Element | None:
    """The one branch of an `mc:AlternateContent` to read: every branch says the same, for readers
    of different versions; the fallback is in the namespaces every reader knows (an empty one aside)."""
    branches = [*alternate.iterfind(f"{{{MC}}}Fallback"), *alternate.iterfind(f"{{{MC}}}Choice")]
    return next((branch for branch in branches if len(branch)), None)


def _is_drawing(alternate: Element) -> bool:
    return any(isinstance(node.tag, str) and local_name(node) in _DRAWN for node in alternate.iter())


def _drawing(what: str, node: Element, content: ParagraphContent) -> None:
    """A picture or text box: a placeholder, and the text box's paragraphs as text of their own."""
    content.dropped.append(_with_text(what, node, "txbxContent"))
    content.boxed.extend(text for text in _box_paragraphs(node) if text not in content.boxed)


def _box_paragraphs(node: Element) -> list[str]:
    """The text of each paragraph of each text box; a box drawn twice (DrawingML and VML) counts once."""
    boxes: list[list[str]] = []
    for box in node.iter(w("txbxContent")):
        if any(ancestor.tag == w("txbxContent") for ancestor in box.iterancestors()):
            continue  # a box inside a box is read with its outer one
        paragraphs = ["".join(_texts(paragraph)) for paragraph in box.iter(w("p"))]
        if paragraphs not in boxes:
            boxes.append(paragraphs)
    return [text for box in boxes for text in box if text.strip()]


def _run(run: Element, fields: FieldState, content: ParagraphContent, parts: list[str]) -> None:
    _run_content(run, is_on(run.find(w("rPr")), "vanish"), fields, content, parts)


def _run_content(
    run: Element, hidden: bool, fields: FieldState, content: ParagraphContent, parts: list[str]
) -> None:
    """The children of a run (or of the branch of an `mc:AlternateContent` inside one)."""
    for node in run:
        name = local_name(node)
        if name == "ruby":
            # A phonetic guide: the base text as Word shows it inline, then the guide in brackets.
            base, guide = child(node, "rubyBase"), child(node, "rt")
            for part, bracket in ((base, ""), (guide, " (")):
                if part is not None:
                    shown: list[str] = []
                    _walk(part, fields, content, shown)
                    if "".join(shown).strip():
                        parts.append(f"{bracket}{''.join(shown)}{')' if bracket else ''}")
            continue
        if name == "AlternateContent" and not _is_drawing(node):
            branch = alternate_branch(node)
            if branch is not None:
                _run_content(branch, hidden, fields, content, parts)
            continue
        if name == "fldChar":
            if node in fields.unterminated:
                content.unterminated_fields += 1
            _field_char(node, fields)
            content.in_contents = content.in_contents or fields.in_contents
            continue
        if name == "instrText":
            if fields.open_fields and not fields.open_fields[-1].showing_result:
                fields.open_fields[-1].instruction += node.text or ""
            content.in_contents = content.in_contents or fields.in_contents
            continue
        if name == "footnoteReference":
            content.footnotes.append(attribute(node, "id") or "")
        elif name == "endnoteReference":
            content.endnotes.append(attribute(node, "id") or "")
        if not fields.visible:
            continue
        if hidden:
            if name == "t":
                content.hidden += node.text or ""
            continue
        parts.append(_shown(node, name, content))


def _shown(node: Element, name: str, content: ParagraphContent) -> str:
    if name == "t":
        return node.text or ""
    if name in ("tab", "ptab"):
        return "\t"
    if name == "br":
        # A line break starts a new line; page and column breaks only move the text on.
        return " " if attribute(node, "type") in ("page", "column") else "\n"
    if name == "cr":
        return "\n"
    if name == "noBreakHyphen":
        return "-"
    if name == "sym":
        code = int(attribute(node, "char") or "0", 16) if _is_hex(attribute(node, "char")) else 0
        return chr(code) if 0x20 <= code < 0xE000 else ""
    if name in _DROPPED:
        _drawing(_DROPPED[name], node, content)
    elif name == "AlternateContent":
        _drawing("a drawing or text box", node, content)
    return ""


def _with_text(what: str, node: Element, holder: str) -> str:
    """What was dropped, with the words it shows (a text box's text, an equation's letters), so the
    placeholder keeps them; a text box drawn twice (DrawingML and its VML fallback) counts once."""
    texts: list[str] = []
    for element in node.iter():
        if not isinstance(element.tag, str) or local_name(element) != holder:
            continue
        text = " ".join(((element.text or "") if holder == "t" else " ".join(_texts(element))).split())
        if text and (holder == "t" or text not in texts):
            texts.append(text)
    shown = ("" if holder == "t" else " ").join(texts)
    return f"{what}: {shown}" if shown else what


def _texts(element: Element) -> list[str]:
    return [
        piece.text or ""
        for piece in element.iter()
        if isinstance(piece.tag, str) and local_name(piece) == "t"
    ]


def _is_hex(value: str | None) -> bool:
    if not value:
        return False
    try:
        int(value, 16)
    except ValueError:
        return False
    return True


def _field_char(node: Element, fields: FieldState) -> None:
    kind = attribute(node, "fldCharType")
    if kind == "begin":
        fields.open_fields.append(_Field(unterminated=node in fields.unterminated))
    elif kind == "separate" and fields.open_fields:
        fields.open_fields[-1].showing_result = True
    elif kind == "end" and fields.open_fields:
        fields.open_fields.pop()
