"""A small writer of tracked changes as Word writes them, independent of spectool's redline writer.

It edits word/document.xml of a clean .docx: each paragraph it touches is rewritten as a list of
pieces kept, deleted (`w:del` with `w:delText`), inserted (`w:ins`), moved (`w:moveFrom`/`w:moveTo`),
and kept text is split over two runs so that changes fall inside and across runs.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


@dataclass
class _Paragraph:
    element: etree._Element
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): same, del, ins, from, to
    mark: str = ""  # "", "ins" or "del": the paragraph mark itself
    bold: bool = False  # a formatting-only change on its first run

    def accepted(self) -> str:
        return "".join(text for kind, text in self.pieces if kind in ("same", "ins", "to"))


class TrackedDocument:
    """Tracked edits to a clean exported spec; `save` writes the .docx Word would write."""

    def __init__(self, data: bytes, author: str = "Drafter", date: str = "2024-05-01T10:00:00Z") -> None:
        self.data = data
        self.root = etree.fromstring(self._part("word/document.xml"))
        self.author, self.date = author, date
        self.touched: dict[int, _Paragraph] = {}
        self.next_id = 100
        self.comments: list[tuple[int, str]] = []
        self.authors: dict[int, str] = {}  # paragraph element id -> author of its changes

    def _part(self, name: str) -> bytes:
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            return archive.read(name)

    def paragraph(self, prefix: str) -> _Paragraph:
        """The paragraph (body or table cell) whose accepted text starts with `prefix`."""
        for element in self.root.iter(w("p")):
            known = self.touched.get(id(element))
            text = known.accepted() if known else "".join(t.text or "" for t in element.iter(w("t")))
            if text.startswith(prefix):
                if known is None:
                    known = _Paragraph(element, [("same", text)])
                    self.touched[id(element)] = known
                return known
        raise LookupError(prefix)

    def substitute(self, prefix: str, old: str, new: str, author: str | None = None) -> None:
        """Delete `old` (its first occurrence in kept text after the number) and insert `new` there."""
        paragraph = self.paragraph(prefix)
        for index, (kind, text) in enumerate(paragraph.pieces):
            at = text.find(old, 1) if kind == "same" else -1
            if at > 0 or (at == 0 and index > 0):
                replaced = [("same", text[:at])] if at else []
                if old:
                    replaced.append(("del", old))
                if new:
                    replaced.append(("ins", new))
                replaced.append(("same", text[at + len(old) :]))
                paragraph.pieces[index : index + 1] = [p for p in replaced if p[1]]
                self.authors[id(paragraph.element)] = author or self.author
                return
        raise LookupError(old)

    def insert(self, prefix: str, after: str, new: str) -> None:
        """Type `new` just after the kept words `after`."""
        self.substitute(prefix, after, after + new)
        paragraph = self.paragraph(prefix)
        for index, (kind, text) in enumerate(paragraph.pieces):
            if kind == "del" and text == after:
                # Word keeps the words typed around and records only the new ones.
                paragraph.pieces[index : index + 2] = [("same", after), ("ins", new)]
                break

    def move(self, prefix: str, words: str, before: str) -> None:
        """Move `words` (kept text) to just before the kept words `before`, as a tracked move."""
        paragraph = self.paragraph(prefix)
        pieces: list[tuple[str, str]] = []
        for kind, text in paragraph.pieces:
            if kind == "same" and words in text:
                start = text.index(words)
                pieces += [("same", text[:start]), ("from", words), ("same", text[start + len(words) :])]
            else:
                pieces.append((kind, text))
        out: list[tuple[str, str]] = []
        placed = False
        for kind, text in pieces:
            if kind == "same" and before in text and not placed:
                start = text.index(before)
                out += [("same", text[:start]), ("to", words), ("same", text[start:])]
                placed = True
            else:
                out.append((kind, text))
        assert placed
        paragraph.pieces = [p for p in out if p[1]]

    def embolden(self, prefix: str) -> None:
        """A formatting-only change: the paragraph's first run made bold, tracked."""
        self.paragraph(prefix).bold = True

    def insert_paragraph(self, prefix: str, text: str) -> None:
        """A new paragraph after the one starting with `prefix`, its mark and text tracked as inserted."""
        anchor = self.paragraph(prefix).element
        element = etree.SubElement(anchor.getparent(), w("p"))
        anchor.addnext(element)
        style = anchor.find(w("pPr"))
        if style is not None:
            element.append(etree.fromstring(etree.tostring(style)))
        self.touched[id(element)] = _Paragraph(element, [("ins", text)], mark="ins")

    def delete_paragraph(self, prefix: str) -> None:
        """The whole paragraph deleted: its text and its mark."""
        paragraph = self.paragraph(prefix)
        paragraph.pieces = [("del", paragraph.accepted())]
        paragraph.mark = "del"

    def split(self, prefix: str, at: str, number: str) -> None:
        """Press Enter before the kept words `at` and type `number` at the start of the new paragraph."""
        paragraph = self.paragraph(prefix)
        kind, text = paragraph.pieces[-1]
        assert kind == "same" and at in text
        start = text.index(at)
        kept = text[:start].rstrip()
        # The space before the break goes, as a tracked deletion.
        paragraph.pieces[-1:] = [p for p in (("same", kept), ("del", text[len(kept) : start])) if p[1]]
        paragraph.mark = "ins"
        element = etree.SubElement(paragraph.element.getparent(), w("p"))
        paragraph.element.addnext(element)
        style = paragraph.element.find(w("pPr"))
        if style is not None:
            element.append(etree.fromstring(etree.tostring(style)))
        self.touched[id(element)] = _Paragraph(element, [("ins", number + " "), ("same", text[start:])])

    def join(self, prefix: str, number: str) -> None:
        """Delete the paragraph mark after `prefix` and the number that starts the next paragraph."""
        paragraph = self.paragraph(prefix)
        paragraph.mark = "del"
        following = self.paragraph(number + " ")
        _, text = following.pieces[0]
        following.pieces[0:1] = [("del", number), ("same", text[len(number) :])]

    def renumber(self, prefix: str, number: str) -> None:
        """Type a new number over the one that starts the paragraph."""
        paragraph = self.paragraph(prefix + " ")
        _, text = paragraph.pieces[0]
        old = text.split(" ", 1)[0]
        paragraph.pieces[0:1] = [("del", old), ("ins", number), ("same", text[len(old) :])]

    def comment(self, prefix: str, text: str) -> None:
        """A comment anchored on the paragraph."""
        identity = len(self.comments)
        self.comments.append((identity, text))
        element = self.paragraph(prefix).element
        mark = etree.SubElement(element, w("commentRangeStart"))
        mark.set(w("id"), str(identity))
        element.insert(1 if element.find(w("pPr")) is not None else 0, mark)

    def save(self, path: Path) -> Path:
        for paragraph in self.touched.values():
            self._render(paragraph)
        parts = {"word/document.xml": etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")}
        if self.comments:
            body = "".join(
                f'<w:comment w:id="{i}" w:author="{self.author}" w:date="{self.date}">'
                f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>"
                for i, text in self.comments
            )
            parts["word/comments.xml"] = f'<w:comments xmlns:w="{W_NS}">{body}</w:comments>'.encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self.data)) as source, zipfile.ZipFile(buffer, "w") as target:
            for item in source.infolist():
                target.writestr(item, parts.pop(item.filename, None) or source.read(item.filename))
            for name, content in parts.items():
                target.writestr(name, content)
        path.write_bytes(buffer.getvalue())
        return path

    def _mark(self, name: str, author: str | None = None) -> etree._Element:
        element = etree.Element(w(name))
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), author or self.author)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element

    def _render(self, paragraph: _Paragraph) -> None:
        element = paragraph.element
        author = self.authors.get(id(element))
        properties = element.find(w("pPr"))
        for child in list(element):
            if child.tag not in (w("pPr"), w("commentRangeStart")):
                element.remove(child)
        if paragraph.mark:
            if properties is None:
                properties = etree.Element(w("pPr"))
                element.insert(0, properties)
            mark = etree.SubElement(properties, w("rPr"))
            mark.append(self._mark(paragraph.mark, author))
        first = True
        for kind, text in paragraph.pieces:
            if kind == "same":
                # Kept text over two runs, so that changes sit inside and across runs.
                cut = text.find(" ", len(text) // 2)
                halves = [text[:cut], text[cut:]] if cut > 0 else [text]
                for half in halves:
                    element.append(self._run(half, bold=paragraph.bold and first))
                    first = False
                continue
            wrapper = self._mark(
                {"del": "del", "ins": "ins", "from": "moveFrom", "to": "moveTo"}[kind], author
            )
            wrapper.append(self._run(text, deleted=kind in ("del", "from")))
            element.append(wrapper)

    def _run(self, text: str, deleted: bool = False, bold: bool = False) -> etree._Element:
        run = etree.Element(w("r"))
        if bold:
            properties = etree.SubElement(run, w("rPr"))
            etree.SubElement(properties, w("b"))
            change = self._mark("rPrChange")
            etree.SubElement(change, w("rPr"))
            properties.append(change)
        node = etree.SubElement(run, w("delText" if deleted else "t"))
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        node.text = text
        return run
